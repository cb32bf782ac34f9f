/// What a platform accepts in its `[[stores]]` entries: keys, their types,
/// which are required or secret, examples, and cross-key rules.
///
/// Config validation knows no platform by name; it looks the schema up in a
/// ``StorePlatformRegistry``. A new platform adds its schema there (later
/// from its connector's registration) without touching a switch here.
public struct StorePlatformSchema: Sendable {
    /// The value of `platform` that selects this schema (`woocommerce`).
    public var platform: String
    /// The platform-specific keys. The common keys (`name`, `platform`,
    /// `sync_every`, `timezone`, `delivery_estimate`) are not listed.
    public var keys: [StoreSettingSpec]
    /// Groups of which at least one key must be present (`shop` or `base_url`).
    public var requiredOneOf: [[String]]
    /// Checks that involve several keys.
    public var rules: [StoreSettingRule]
    /// A complete `[[stores]]` entry for this platform, for docs and messages.
    public var example: String

    /// Creates a schema.
    public init(
        platform: String, keys: [StoreSettingSpec], requiredOneOf: [[String]] = [],
        rules: [StoreSettingRule] = [], example: String
    ) {
        self.platform = platform
        self.keys = keys
        self.requiredOneOf = requiredOneOf
        self.rules = rules
        self.example = example
    }

    /// The keys that hold credentials.
    public var secretKeys: [String] {
        keys.filter { if case .secret = $0.kind { true } else { false } }.map(\.key)
    }

    /// The keys that must be present.
    public var requiredKeys: [String] {
        keys.filter(\.required).map(\.key)
    }
}

/// One key a platform accepts.
public struct StoreSettingSpec: Sendable {
    /// The type of value and what makes it valid.
    public indirect enum Kind: Sendable {
        /// Any non-empty string.
        case string
        /// One of the listed strings.
        case choice([String])
        /// A URL with one of the schemes and a host.
        case url(schemes: [String])
        /// A bare host name (no scheme, no path), optionally ending in `suffix`.
        case hostname(suffix: String?)
        /// `{ env = "VAR" }`, `{ file = "path" }` or (warned) inline.
        case secret
        /// `"15m"`-style duration.
        case duration
        /// `true`/`false`.
        case bool
        /// An integer in the range.
        case integer(ClosedRange<Int>)
        /// An inline or sub-table with its own keys.
        case table([StoreSettingSpec])
    }

    /// The key as written in TOML.
    public var key: String
    /// The type of value.
    public var kind: Kind
    /// Whether the key must be present.
    public var required: Bool
    /// A line of TOML showing a correct value.
    public var example: String
    /// One sentence on what the key does.
    public var summary: String
    /// The value used when the key is absent.
    public var defaultValue: StoreSetting?

    /// Creates a key description.
    public init(
        _ key: String, _ kind: Kind, required: Bool = false, example: String, summary: String,
        defaultValue: StoreSetting? = nil
    ) {
        self.key = key
        self.kind = kind
        self.required = required
        self.example = example
        self.summary = summary
        self.defaultValue = defaultValue
    }
}

/// A check across keys of one store, run after each key was read.
public struct StoreSettingRule: Sendable {
    /// Returns the problems with the store's settings (empty when fine).
    public var check: @Sendable (StoreSettings) -> [StoreSettingIssue]

    /// Creates a rule.
    public init(_ check: @escaping @Sendable (StoreSettings) -> [StoreSettingIssue]) {
        self.check = check
    }
}

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
