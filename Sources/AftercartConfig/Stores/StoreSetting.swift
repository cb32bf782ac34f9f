public import Foundation

/// A validated value of a platform-specific store key, typed by the
/// platform's ``StoreSettingSpec``.
public indirect enum StoreSetting: Sendable, Hashable {
    case string(String)
    case integer(Int)
    case bool(Bool)
    case url(URL)
    case duration(ConfigDuration)
    case secret(ConfiguredSecret)
    case table(StoreSettings)
}

/// The platform-specific keys of one `[[stores]]` entry, validated against
/// its platform's schema. Connectors read them by key name, so a new
/// platform brings new keys without new fields here.
public struct StoreSettings: Sendable, Hashable {
    /// The values by key, defaults filled in.
    public var values: [String: StoreSetting]

    /// Settings from values.
    public init(_ values: [String: StoreSetting] = [:]) {
        self.values = values
    }

    /// The raw value of `key`.
    public subscript(key: String) -> StoreSetting? { values[key] }

    /// `key` as a string, if it is one.
    public func string(_ key: String) -> String? {
        if case .string(let value)? = values[key] { return value }
        return nil
    }

    /// `key` as an integer, if it is one.
    public func integer(_ key: String) -> Int? {
        if case .integer(let value)? = values[key] { return value }
        return nil
    }

    /// `key` as a Boolean, if it is one.
    public func bool(_ key: String) -> Bool? {
        if case .bool(let value)? = values[key] { return value }
        return nil
    }

    /// `key` as a URL, if it is one.
    public func url(_ key: String) -> URL? {
        if case .url(let value)? = values[key] { return value }
        return nil
    }

    /// `key` as a duration, if it is one.
    public func duration(_ key: String) -> ConfigDuration? {
        if case .duration(let value)? = values[key] { return value }
        return nil
    }

    /// `key` as a secret reference, if it is one.
    public func secret(_ key: String) -> ConfiguredSecret? {
        if case .secret(let value)? = values[key] { return value }
        return nil
    }

    /// `key` as a nested table, if it is one.
    public func table(_ key: String) -> StoreSettings? {
        if case .table(let value)? = values[key] { return value }
        return nil
    }
}

extension StoreSettings {
    /// The values other than secrets as text, nested keys as `table.key`
    /// and durations in seconds: what rules and adapters read.
    public var textValues: [String: String] {
        var text: [String: String] = [:]
        func collect(_ settings: StoreSettings, prefix: String) {
            for (key, value) in settings.values {
                let name = prefix + key
                switch value {
                case .string(let string): text[name] = string
                case .integer(let number): text[name] = String(number)
                case .bool(let flag): text[name] = flag ? "true" : "false"
                case .url(let url): text[name] = url.absoluteString
                case .duration(let duration): text[name] = String(duration.seconds)
                case .secret: break
                case .table(let nested): collect(nested, prefix: name + ".")
                }
            }
        }
        collect(self, prefix: "")
        return text
    }

    /// The top-level keys holding a secret reference.
    public var secretKeys: Set<String> {
        Set(values.compactMap { key, value in if case .secret = value { key } else { nil } })
    }
}
