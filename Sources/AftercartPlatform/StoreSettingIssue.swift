/// A problem a ``StoreSettingRule`` found.
public struct StoreSettingIssue: Sendable, Hashable {
    /// The keys leading to the offending value inside the store entry
    /// (`["loyalty", "points_key"]`), for the line number.
    public var keyPath: [String]
    /// What is wrong; the store's path is prefixed by the validator.
    public var message: String
    /// A correct line of TOML.
    public var example: String?
    /// Warnings let the config load.
    public var isWarning: Bool

    /// Creates an issue.
    public init(keyPath: [String], message: String, example: String? = nil, isWarning: Bool = false) {
        self.keyPath = keyPath
        self.message = message
        self.example = example
        self.isWarning = isWarning
    }
}
