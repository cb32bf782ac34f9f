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
}
