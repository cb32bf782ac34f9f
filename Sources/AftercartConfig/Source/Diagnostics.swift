import Foundation

/// One TOML file being validated: how messages name it, where its relative
/// paths start, and which line each value is on.
struct SourceFile {
    /// The path as the merchant would type it (`config/aftercart.toml`).
    var displayPath: String
    /// The folder holding the file; secret files are relative to it.
    var directory: URL
    /// `displayPath`'s folder, for naming secret files in messages.
    var directoryDisplay: String
    var locator: TOMLLineLocator

    init(displayPath: String, directory: URL, text: String) {
        self.displayPath = displayPath
        self.directory = directory
        let folder = (displayPath as NSString).deletingLastPathComponent
        self.directoryDisplay = folder
        self.locator = TOMLLineLocator(text: text)
    }

    /// How messages name `relative`, a path written inside this file.
    func display(_ relative: String) -> String {
        if relative.hasPrefix("/") || directoryDisplay.isEmpty { return relative }
        return (directoryDisplay as NSString).appendingPathComponent(relative)
    }

    func url(_ relative: String) -> URL {
        if relative.hasPrefix("/") { return URL(fileURLWithPath: relative) }
        return directory.appendingPathComponent(relative)
    }
}

/// Collects every error and warning of one load; validation never stops at
/// the first problem.
final class Diagnostics {
    private(set) var errors: [ConfigurationProblem] = []
    private(set) var warnings: [ConfigurationProblem] = []

    func add(_ problem: ConfigurationProblem) {
        switch problem.severity {
        case .error: errors.append(problem)
        case .warning: warnings.append(problem)
        }
    }

    func error(_ file: SourceFile, _ path: ConfigPath, _ message: String, example: String? = nil) {
        add(
            ConfigurationProblem(
                file: file.displayPath, line: file.locator.nearestLine(for: path), message: message, example: example))
    }

    func warning(_ file: SourceFile, _ path: ConfigPath, _ message: String, example: String? = nil) {
        add(
            ConfigurationProblem(
                file: file.displayPath, line: file.locator.nearestLine(for: path), message: message, example: example,
                severity: .warning))
    }
}
