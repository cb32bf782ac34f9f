/// The configuration was refused; carries every problem found, not just the first.
public struct ConfigurationError: Error, Sendable, CustomStringConvertible {
    /// The errors, sorted by file and line.
    public var problems: [ConfigurationProblem]
    /// Warnings found on the way, so a refused config still shows them.
    public var warnings: [ConfigurationProblem]
    /// What could be read despite the problems (the valid stores and
    /// campaigns), so `check` can report their secrets and templates in the
    /// same run; `nil` when the file could not be read or parsed.
    public var partial: AftercartConfiguration?

    /// Creates an error from problems (errors) and warnings.
    public init(
        problems: [ConfigurationProblem], warnings: [ConfigurationProblem] = [],
        partial: AftercartConfiguration? = nil
    ) {
        self.problems = problems
        self.warnings = warnings
        self.partial = partial
    }

    /// One problem per line, warnings after errors, then a count.
    public var description: String {
        var lines = problems.map(\.description) + warnings.map(\.description)
        let count = problems.count
        lines.append("\(count) configuration \(count == 1 ? "problem" : "problems") found; nothing was started.")
        return lines.joined(separator: "\n")
    }
}

extension [ConfigurationProblem] {
    /// Orders problems the way a merchant reads the files: by file, then line.
    func sortedForReading() -> [ConfigurationProblem] {
        enumerated().sorted { left, right in
            let (a, b) = (left.element, right.element)
            if a.file != b.file { return a.file < b.file }
            if (a.line ?? 0) != (b.line ?? 0) { return (a.line ?? 0) < (b.line ?? 0) }
            return left.offset < right.offset
        }.map(\.element)
    }
}
