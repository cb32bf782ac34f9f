/// What a platform accepts in its `[[stores]]` entries: keys, their types,
/// which are required or secret, examples, cross-key rules, and the
/// storefront links messages use.
///
/// The adapter declares it (next to the code that reads the same keys) and
/// its registration hands it to the config loader, so config validation
/// knows no platform by name and each key is declared once.
public struct StorePlatformSchema: Sendable {
    /// The value of `platform` that selects this schema.
    public var platform: String
    /// The platform-specific keys. The common keys (`name`, `platform`,
    /// `sync_every`, `timezone`, `delivery_estimate`) are not listed.
    public var keys: [StoreSettingSpec]
    /// Groups of which at least one key must be present (`shop` or `base_url`).
    public var requiredOneOf: [[String]]
    /// Checks that involve several keys.
    public var rules: [StoreSettingRule]
    /// A complete, minimal `[[stores]]` entry for this platform, for messages.
    public var example: String
    /// The commented entry `aftercart init` writes for this platform.
    public var initExample: StoreEntryExample?
    /// Where the store's public pages are, for links in messages.
    public var links: StorefrontLinkTemplates

    /// Creates a schema.
    public init(
        platform: String, keys: [StoreSettingSpec], requiredOneOf: [[String]] = [],
        rules: [StoreSettingRule] = [], example: String, initExample: StoreEntryExample? = nil,
        links: StorefrontLinkTemplates = StorefrontLinkTemplates()
    ) {
        self.platform = platform
        self.keys = keys
        self.requiredOneOf = requiredOneOf
        self.rules = rules
        self.example = example
        self.initExample = initExample
        self.links = links
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
