public import AftercartModel
public import Foundation

/// What a webhook delivery says about itself, read from its headers and
/// body before anything in it is trusted.
public enum WebhookEnvelope: Sendable, Hashable {
    /// An activation ping (WooCommerce sends one, unsigned, when a webhook
    /// is created): answer 2xx, verify nothing, store nothing.
    case ping
    /// An event about `topic`; `deliveryKey` identifies this delivery
    /// across retries and replays, so it is applied once.
    case event(topic: String, deliveryKey: String)
    /// Not a delivery of this platform (no topic header); `reason` says
    /// what is missing, never what the body holds.
    case malformed(reason: String)
}

/// What a verified delivery carries, in the normalized model.
public struct WebhookRecords: Sendable {
    /// Records to upsert, mapped by the adapter's own mappers.
    public var records: [any SyncRecord]
    /// Platform ids the platform says are gone (`coupon.deleted`), by resource.
    public var deleted: [ResourceKind: [String]]
    /// Why records in the body were left out (no email address, a trashed order…).
    public var skipped: [String]
    /// Addresses whose personal data the platform asks to erase (a privacy
    /// request such as Shopify's `customers/redact`), as `aftercart forget` does.
    public var erasures: [String]
    /// Addresses whose data the platform asks to see (Shopify's
    /// `customers/data_request`), answered with `aftercart export customer`'s document.
    public var dataRequests: [String]
    /// The platform asks to erase everything held about the store (Shopify's
    /// `shop/redact`, sent 48 hours after the app was uninstalled).
    public var erasesStore: Bool

    /// Creates a decoded delivery.
    public init(
        records: [any SyncRecord] = [], deleted: [ResourceKind: [String]] = [:], skipped: [String] = [],
        erasures: [String] = [], dataRequests: [String] = [], erasesStore: Bool = false
    ) {
        self.records = records
        self.deleted = deleted
        self.skipped = skipped
        self.erasures = erasures
        self.dataRequests = dataRequests
        self.erasesStore = erasesStore
    }
}

/// An optional capability of an adapter: reading the webhooks its platform
/// pushes, with the same mappers its reads use, so a record that arrives
/// by webhook is exactly the record a sync would store.
///
/// The HTTP server stays platform-agnostic: it asks the adapter what a
/// delivery is (``webhookEnvelope(headers:body:)``), whether its signature
/// holds (``verifyWebhook(body:headers:secret:)``) and what it carries
/// (``decodeWebhook(topic:body:)``).
public protocol WebhookDecoding: StoreConnector {
    /// The topics ``decodeWebhook(topic:body:)`` understands, in the
    /// platform's spelling (`orders/updated`, `order.updated`). Deliveries
    /// of other topics are acknowledged and ignored; `aftercart check
    /// --register-webhooks` subscribes to these.
    var webhookTopics: [String] { get }

    /// Classifies a delivery from its headers (and, for a ping, its tiny
    /// form body) before its signature is checked.
    func webhookEnvelope(headers: HeaderFields, body: Data) -> WebhookEnvelope

    /// Whether `body`, exactly as received, is signed with `secret`,
    /// compared in constant time. `false` without a signature header.
    func verifyWebhook(body: Data, headers: HeaderFields, secret: Secret) -> Bool

    /// Privacy topics the platform sends without a subscription (Shopify's
    /// mandatory compliance webhooks): decoded like ``webhookTopics``, never
    /// registered.
    var privacyTopics: [String] { get }

    /// The records a verified delivery of `topic` carries.
    ///
    /// May call the store when the body is not the record itself (a
    /// Shopify fulfillment names its order; the order is read and mapped).
    ///
    /// - Throws: ``ConnectorError`` when the body does not map (naming the
    ///   field, never dumping the body) or the store cannot be read.
    func decodeWebhook(topic: String, body: Data) async throws -> WebhookRecords
}

extension WebhookDecoding {
    /// No privacy topics unless the adapter names some.
    public var privacyTopics: [String] { [] }
}
