import ArgumentParser

/// The exit codes scripts rely on; CommandLineTests pins them.
extension ExitCode {
    /// The config is wrong; nothing was started.
    static let configurationError = ExitCode(2)
    /// A store refused the credentials or could not be reached.
    static let storeUnavailable = ExitCode(3)
}
