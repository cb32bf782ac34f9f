public import AftercartConnector
public import AftercartModel

/// One store the server takes webhooks for: its adapter (which reads the
/// platform's deliveries) and the secret its deliveries are signed with.
public struct WebhookEndpoint: Sendable {
    /// The store's config name, the last path segment of its webhook URL.
    public var store: StoreID
    /// The adapter, built from the store's settings like a sync builds it.
    public var connector: any WebhookDecoding
    /// `webhook_secret`; without one every delivery is refused.
    public var secret: Secret?

    /// Creates an endpoint.
    public init(connector: any WebhookDecoding, secret: Secret?) {
        self.store = connector.store
        self.connector = connector
        self.secret = secret
    }

    /// The platform's config name (`woocommerce`), the path segment before the store.
    public var platform: String { connector.platform }

    /// The path deliveries for this store are POSTed to.
    public var path: String { "/webhooks/\(platform)/\(store.rawValue)" }
}

/// The stores the server answers for, by name. Stores can be added while
/// the server runs (a daemon that reloads its config, a test that starts
/// an emulator after the server).
public actor WebhookStoreDirectory {
    private var endpoints: [StoreID: WebhookEndpoint]

    /// A directory of `endpoints`; a store named twice keeps the last.
    public init(_ endpoints: [WebhookEndpoint] = []) {
        self.endpoints = Dictionary(endpoints.map { ($0.store, $0) }) { _, last in last }
    }

    /// Adds or replaces the endpoint of `endpoint.store`.
    public func register(_ endpoint: WebhookEndpoint) {
        endpoints[endpoint.store] = endpoint
    }

    /// The endpoint of `store` when its platform is `platform`.
    public func endpoint(platform: String, store: String) -> WebhookEndpoint? {
        guard let endpoint = endpoints[StoreID(store)], endpoint.platform == platform else { return nil }
        return endpoint
    }

    /// Every endpoint, sorted by store.
    public var all: [WebhookEndpoint] {
        endpoints.values.sorted { $0.store.rawValue < $1.store.rawValue }
    }
}
