/// A platform's part of the example configuration `aftercart init` writes:
/// a commented `[[stores]]` entry and the variables its secrets name.
public struct StoreEntryExample: Sendable, Hashable {
    /// The `[[stores]]` entry, one line per key, ending in a newline.
    public var toml: String
    /// The `.env.example` lines for the entry's `{ env = … }` secrets,
    /// ending in a newline.
    public var environment: String

    /// Creates an example entry.
    public init(toml: String, environment: String) {
        self.toml = toml
        self.environment = environment
    }
}
