import AftercartConnector
import ArgumentParser
import Logging

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
    static func bootstrap(level: Logger.Level, format: LogFormat) {
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
