import ArgumentParser

/// The exit codes scripts rely on; CommandLineTests pins them. With
/// ArgumentParser's own 0 (`success`), 1 (`failure`: a run-time failure) and
/// 64 (`validationFailure`: a wrong command line), these are every code the
/// CLI exits with, as the root command's `--help` and README.md list them.
extension ExitCode {
    /// The config is wrong; nothing was started.
    static let configurationError = ExitCode(2)
    /// A store refused the credentials or could not be reached.
    static let storeUnavailable = ExitCode(3)
}
