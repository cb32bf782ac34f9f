import ArgumentParser
import Foundation
import Logging

/// Options every command takes: where the config is and how to log.
struct GlobalOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Path to the config file (default: $AFTERCART_CONFIG or config/aftercart.toml).", valueName: "path"))
    var config: String?

    @Option(
        name: .long, help: "Lowest log level written to stderr: trace, debug, info, notice, warning, error, critical.")
    var logLevel: LogLevelOption = .info

    @Option(name: .long, help: "Log line format on stderr: text or json.")
    var logFormat: LogFormat = .text

    /// The config path after applying the environment default.
    var configPath: String {
        config ?? ProcessInfo.processInfo.environment["AFTERCART_CONFIG"] ?? "config/aftercart.toml"
    }

    /// Sets up logging and returns the CLI's logger.
    func makeLogger() -> Logger {
        LoggingSetup.bootstrap(level: logLevel.level, format: logFormat)
        return Logger(label: "aftercart")
    }
}
