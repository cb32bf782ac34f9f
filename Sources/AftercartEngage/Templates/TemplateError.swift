/// A template that cannot be used, found when templates are loaded (`check`,
/// the start of `plan`), never at send time.
public struct TemplateError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The template's name.
    public var template: String
    /// The file at fault.
    public var file: String
    /// 1-based line of the problem, when known.
    public var line: Int?
    /// What is wrong.
    public var message: String

    /// Creates an error.
    public init(template: String, file: String, line: Int?, message: String) {
        self.template = template
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String {
        "template \"\(template)\": \(file)\(line.map { ":\($0)" } ?? ""): \(message)"
    }
}
