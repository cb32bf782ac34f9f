/// The store platforms the config accepts, by `platform` name.
public struct StorePlatformRegistry: Sendable {
    private var schemas: [String: StorePlatformSchema]

    /// A registry with the given schemas.
    public init(_ schemas: [StorePlatformSchema] = []) {
        self.schemas = [:]
        for schema in schemas { register(schema) }
    }

    /// WooCommerce and Shopify, the platforms this release ships.
    public static let builtIn = StorePlatformRegistry([.wooCommerce, .shopify])

    /// Adds or replaces the schema for `schema.platform`.
    public mutating func register(_ schema: StorePlatformSchema) {
        schemas[schema.platform] = schema
    }

    /// The schema for a `platform` value, if registered.
    public func schema(for platform: String) -> StorePlatformSchema? {
        schemas[platform]
    }

    /// The registered platform names, sorted.
    public var platforms: [String] {
        schemas.keys.sorted()
    }
}
