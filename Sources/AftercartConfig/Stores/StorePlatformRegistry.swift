public import AftercartPlatform

/// The store platforms the config accepts, by `platform` name: the schemas
/// the adapters declare, handed over by the CLI's registration.
public struct StorePlatformRegistry: Sendable {
    private var byPlatform: [String: StorePlatformSchema]
    /// The platform names in the order they were first registered.
    private var registrationOrder: [String]

    /// A registry with the given schemas.
    public init(_ schemas: [StorePlatformSchema] = []) {
        byPlatform = [:]
        registrationOrder = []
        for schema in schemas { register(schema) }
    }

    /// Adds or replaces the schema for `schema.platform`.
    public mutating func register(_ schema: StorePlatformSchema) {
        if byPlatform[schema.platform] == nil { registrationOrder.append(schema.platform) }
        byPlatform[schema.platform] = schema
    }

    /// The schema for a `platform` value, if registered.
    public func schema(for platform: String) -> StorePlatformSchema? {
        byPlatform[platform]
    }

    /// The registered platform names, sorted.
    public var platforms: [String] {
        byPlatform.keys.sorted()
    }

    /// The schemas in registration order: the order examples list them in.
    public var schemas: [StorePlatformSchema] {
        registrationOrder.compactMap { byPlatform[$0] }
    }
}
