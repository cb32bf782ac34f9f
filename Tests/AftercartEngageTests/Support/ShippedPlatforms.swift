import AftercartConfig
import ShopifyConnector
import WooCommerceConnector

extension StorePlatformRegistry {
    /// The settings schemas of the adapters the product ships, in the order
    /// the CLI registers them.
    static let shipped = StorePlatformRegistry([
        WooCommerceConnector.settingsSchema, ShopifyConnector.settingsSchema,
    ])
}
