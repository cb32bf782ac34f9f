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
        /// A path to an existing file; a relative path is relative to the
        /// config file's folder, as `{ file = … }` secrets are. Adapters
        /// read the absolute path.
        case file
        /// `"15m"`-style duration.
        case duration
        /// `true`/`false`.
        case bool
        /// An integer in the range.
        case integer(ClosedRange<Int>)
        /// An inline or sub-table with its own keys.
        case table([StoreSettingSpec])
    }

    /// A value the config fills in when the key is absent.
    public enum DefaultValue: Sendable, Hashable {
        case string(String)
        case integer(Int)
        case bool(Bool)
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
    public var defaultValue: DefaultValue?

    /// Creates a key description.
    public init(
        _ key: String, _ kind: Kind, required: Bool = false, example: String, summary: String,
        defaultValue: DefaultValue? = nil
    ) {
        self.key = key
        self.kind = kind
        self.required = required
        self.example = example
        self.summary = summary
        self.defaultValue = defaultValue
    }
}
