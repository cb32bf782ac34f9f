import AftercartConfig
import Foundation

/// What the CLI tells a person on standard error.
enum ConsoleReport {
    static func error(_ message: String) {
        FileHandle.standardError.write(Data("error: \(message)\n".utf8))
    }

    static func problems(_ errors: [ConfigurationProblem], warnings: [ConfigurationProblem]) {
        var text = ""
        for problem in errors { text += "\(problem)\n" }
        for warning in warnings { text += "\(warning)\n" }
        if !errors.isEmpty {
            text += "\(errors.count) problem\(errors.count == 1 ? "" : "s") found; nothing was started.\n"
        }
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// Problems and warnings, one per line, with no verdict: `check` adds its own, once, at the end.
    static func list(_ problems: [ConfigurationProblem]) {
        FileHandle.standardError.write(Data(problems.map { "\($0)\n" }.joined().utf8))
    }

    /// The last line of a run that failed.
    static func verdict(_ message: String) {
        FileHandle.standardError.write(Data("\(message)\n".utf8))
    }
}
