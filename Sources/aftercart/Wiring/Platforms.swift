import AftercartConnector
import ShopifyConnector
import WooCommerceConnector

/// The platforms this build can talk to: one line per adapter.
enum Platforms {
    static let registry = ConnectorRegistry([
        WooCommerceConnector.registration,
        ShopifyConnector.registration,
    ])
}
