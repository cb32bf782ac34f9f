public import AftercartModel

/// One webhook subscription as the platform lists it.
public struct WebhookSubscription: Sendable, Hashable, Codable {
    /// The platform's id of the subscription.
    public var id: String
    /// The topic, in the platform's spelling.
    public var topic: String
    /// Where deliveries go.
    public var address: String
    /// `active`, `paused`, `disabled` (WooCommerce); `nil` where the platform has none.
    public var status: String?

    /// Creates a subscription value.
    public init(id: String, topic: String, address: String, status: String? = nil) {
        self.id = id
        self.topic = topic
        self.address = address
        self.status = status
    }
}

/// An optional capability of an adapter: listing and creating the store's
/// webhook subscriptions, for `aftercart check --register-webhooks`.
public protocol WebhookRegistering: StoreConnector {
    /// The subscriptions that exist on the store.
    func listWebhooks() async throws -> [WebhookSubscription]

    /// Subscribes `address` to `topic`. `secret` signs the deliveries where
    /// the platform takes one per subscription (WooCommerce); Shopify signs
    /// with the app's client secret and ignores it.
    func registerWebhook(topic: String, address: String, secret: Secret) async throws -> WebhookSubscription

    /// Re-activates a subscription the store switched off (WooCommerce
    /// disables one after repeated failed deliveries) and returns it as the
    /// store now lists it.
    func activateWebhook(id: String) async throws -> WebhookSubscription
}

extension WebhookRegistering {
    /// Platforms without a disabled state (Shopify) have nothing to re-activate.
    public func activateWebhook(id: String) async throws -> WebhookSubscription {
        throw ConnectorError.unsupported(
            operation: "re-activating a webhook", ErrorContext(store: store, resource: "webhooks", platform: platform))
    }
}

extension WebhookSubscription {
    /// Whether the store delivers to it: a listing without statuses
    /// (Shopify) delivers to every subscription it lists.
    public var isActive: Bool { status == nil || status == "active" }
}
