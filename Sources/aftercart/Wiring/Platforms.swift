import AftercartConfig
import AftercartConnector
import ShopifyConnector
import WooCommerceConnector

/// The platforms this build can talk to: one line per adapter. Each
/// registration carries the adapter's settings schema, which the config
/// loader validates stores against.
enum Platforms {
    static let registry = ConnectorRegistry([
        WooCommerceConnector.registration,
        ShopifyConnector.registration,
    ])

    /// The config keys every registered platform accepts.
    static let settings = StorePlatformRegistry(registry.settingsSchemas)

    /// The registered platform names, in registration order.
    static var names: [String] { registry.settingsSchemas.map(\.platform) }
}
