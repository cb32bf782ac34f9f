import AftercartConnector
import ArgumentParser
import Logging
import NIOConcurrencyHelpers

/// How log lines on standard error look.
enum LogFormat: String, ExpressibleByArgument, CaseIterable {
    case text
    case json
}

/// A log level as `--log-level` takes it.
enum LogLevelOption: String, ExpressibleByArgument, CaseIterable {
    case trace, debug, info, notice, warning, error, critical

    var level: Logger.Level { Logger.Level(rawValue: rawValue) ?? .info }
}

/// Points swift-log at standard error once per process; data goes to stdout.
enum LoggingSetup {
    /// Whether the process already chose its handler: swift-log traps on a
    /// second bootstrap, and `demo --serve` runs `serve` after the demo's own.
    private static let bootstrapped = NIOLockedValueBox(false)

    /// The first call sets the handler; later ones (a command run by
    /// another, as `demo --serve` runs `serve`) keep it.
    static func bootstrap(level: Logger.Level, format: LogFormat) {
        let first = bootstrapped.withLockedValue { done in
            defer { done = true }
            return !done
        }
        guard first else { return }
        LoggingSystem.bootstrap { label in
            switch format {
            case .text:
                var handler = EscapingLogHandler(inner: StreamLogHandler.standardError(label: label))
                handler.logLevel = level
                return handler
            case .json:
                return JSONLogHandler(label: label, level: level)
            }
        }
    }
}
