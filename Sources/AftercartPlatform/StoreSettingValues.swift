public import Foundation

/// A store's validated platform keys as ``StoreSettingRule``s see them:
/// text by key, nested keys as `table.key` (`loyalty.source`), durations in
/// seconds, secrets left out (a rule never needs their value).
///
/// Text rather than the config's typed values, so the schema's target needs
/// nothing from the config layer and adapters can declare rules.
public struct StoreSettingValues: Sendable, Hashable {
    /// The values by flattened key.
    public var values: [String: String]
    /// The top-level secret keys that are set (their values stay out).
    public var secretsSet: Set<String>

    /// Values by flattened key, and which secrets are set.
    public init(_ values: [String: String] = [:], secretsSet: Set<String> = []) {
        self.values = values
        self.secretsSet = secretsSet
    }

    /// Whether the secret `key` is set.
    public func hasSecret(_ key: String) -> Bool { secretsSet.contains(key) }

    /// The text of `key`, if set.
    public func string(_ key: String) -> String? { values[key] }

    /// `key` as a URL, if it is one.
    public func url(_ key: String) -> URL? { values[key].flatMap { URL(string: $0) } }
}
