/// A check across keys of one store, run after each key was read.
public struct StoreSettingRule: Sendable {
    /// Returns the problems with the store's settings (empty when fine).
    public var check: @Sendable (StoreSettingValues) -> [StoreSettingIssue]

    /// Creates a rule.
    public init(_ check: @escaping @Sendable (StoreSettingValues) -> [StoreSettingIssue]) {
        self.check = check
    }
}
