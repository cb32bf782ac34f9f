public import AftercartConnector
public import AftercartModel
public import MockStores

extension MockStoreServer {
    /// What an adapter needs to talk to this emulator: its base URL (and
    /// WooCommerce's home URL) and the credentials it accepts, as
    /// `[[stores]]` would give them after the config layer resolved them.
    ///
    /// Shopify's client-side REST bucket is set wide open (size and leak
    /// rate 1,000), so the emulator's own limits are the only pacing. The
    /// request timeout is two minutes, not a store's 40 seconds: an
    /// in-process emulator shares two cores with every other test of a full
    /// run, and a test that means to time out sets its own.
    public func connectorSettings(store: StoreID) -> ConnectorSettings {
        switch platform {
        case .woocommerce:
            ConnectorSettings(
                store: store, platform: MockPlatform.woocommerce.rawValue,
                values: ["base_url": baseURL, "home_url": homeURL, "request_timeout": "120"],
                secrets: [
                    "consumer_key": Secret(credentials.consumerKey ?? ""),
                    "consumer_secret": Secret(credentials.consumerSecret ?? ""),
                ])
        case .shopify:
            ConnectorSettings(
                store: store, platform: MockPlatform.shopify.rawValue,
                values: [
                    "base_url": baseURL, "api_version": credentials.apiVersion, "bucket_size": "1000",
                    "leak_rate": "1000", "request_timeout": "120",
                ],
                secrets: ["access_token": Secret(credentials.accessToken ?? "")])
        }
    }
}
