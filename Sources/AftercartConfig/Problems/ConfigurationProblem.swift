/// One thing wrong (or worth a warning) in the configuration, pinned to the
/// line a merchant has to edit.
///
/// `description` reads
/// `config/aftercart.toml:14: stores[1].platform "shopfy" is not a platform; did you mean "shopify"? Example: platform = "shopify"`.
public struct ConfigurationProblem: Sendable, Hashable, CustomStringConvertible {
    /// Whether the problem stops the configuration from loading.
    public enum Severity: String, Sendable, Hashable {
        /// The configuration is refused.
        case error
        /// The configuration loads; the merchant should still fix this.
        case warning
    }

    /// The file as the merchant named it (`config/aftercart.toml`,
    /// `config/campaigns/review-request.toml`).
    public var file: String
    /// 1-based line, or `nil` when the problem concerns the whole file.
    public var line: Int?
    /// 1-based column, when the TOML parser reported one.
    public var column: Int?
    /// What is wrong, naming the value by its path (`stores[1].platform`).
    public var message: String
    /// A line of correct TOML the merchant can copy, when one helps.
    public var example: String?
    /// Error or warning.
    public var severity: Severity

    /// Creates a problem.
    public init(
        file: String, line: Int?, column: Int? = nil, message: String, example: String? = nil,
        severity: Severity = .error
    ) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.example = example
        self.severity = severity
    }

    /// `file:line[:column]`, or just the file when the line is unknown.
    public var location: String {
        var text = file
        if let line {
            text += ":\(line)"
            if let column { text += ":\(column)" }
        }
        return text
    }

    /// `file:line: message Example: …`, with `warning: ` before the message
    /// of a warning.
    public var description: String {
        var text = "\(location): "
        if severity == .warning { text += "warning: " }
        text += message
        if let example { text += " Example: \(example)" }
        return text
    }
}
