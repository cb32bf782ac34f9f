public import AftercartConnector
public import AftercartModel
import Crypto
public import Foundation

/// Shopify webhooks through the adapter's own mappers (Shopify docs, "Webhooks").
///
/// - `orders/*` bodies are the bare order: ``ShopifyOrderMapper/mapWebhookOrder(_:)``.
/// - `fulfillments/*` and `refunds/create` bodies name their order
///   (`order_id`); the order is read (`GET orders/{id}.json`) and mapped as
///   a sync would, so shipment status and refunded totals come out the same.
/// - `customers/update` bodies are the bare customer.
///
/// A delivery is identified by `X-Shopify-Webhook-Id`, which stays the same
/// across Shopify's retries; headers are read in either form
/// (`X-Shopify-…` or the newer unprefixed `Shopify-…`).
extension ShopifyConnector: WebhookDecoding {
    /// The order, fulfillment, refund and customer topics Aftercart follows.
    public var webhookTopics: [String] {
        [
            "orders/create", "orders/updated", "orders/paid", "orders/cancelled", "fulfillments/create",
            "fulfillments/update", "refunds/create", "customers/update",
        ]
    }

    /// The mandatory compliance topics, configured with the app rather than
    /// subscribed: `customers/redact` erases the customer in Aftercart;
    /// `customers/data_request` writes their export document for the
    /// merchant to send; `shop/redact` erases everything Aftercart holds
    /// about the shop (its records, outbox, planner state and kept tokens).
    public var privacyTopics: [String] { ["customers/redact", "customers/data_request", "shop/redact"] }

    public func webhookEnvelope(headers: HeaderFields, body: Data) -> WebhookEnvelope {
        guard let topic = Self.header("Topic", in: headers) else {
            return .malformed(reason: "no X-Shopify-Topic header")
        }
        if let id = Self.header("Webhook-Id", in: headers) {
            return .event(topic: topic, deliveryKey: "webhook-id:" + id)
        }
        // Without the id Shopify always sends, identical bodies of one topic are one delivery.
        let digest = SHA256.hash(data: body).map { String(format: "%02x", $0) }.joined()
        return .event(topic: topic, deliveryKey: "body:\(topic):\(digest)")
    }

    public func verifyWebhook(body: Data, headers: HeaderFields, secret: Secret) -> Bool {
        ShopifyWebhookSignature.verify(body: body, headers: headers, secret: secret)
    }

    public func decodeWebhook(topic: String, body: Data) async throws -> WebhookRecords {
        switch topic {
        case "orders/create", "orders/updated", "orders/paid", "orders/cancelled":
            return WebhookRecords(records: [try ShopifyOrderMapper(store: store).mapWebhookOrder(body)])
        case "fulfillments/create", "fulfillments/update", "refunds/create":
            let context = ErrorContext(store: store, resource: "orders", platform: platform)
            let reference = try ShopifyWireDecoder.decode(ShopifyOrderReferenceWire.self, from: body, context: context)
            return try await currentOrder(id: String(reference.orderID))
        case "customers/update":
            let context = ErrorContext(store: store, resource: "customers", platform: platform)
            let wire = try ShopifyWireDecoder.decode(ShopifyCustomerWire.self, from: body, context: context)
            guard let customer = try ShopifyCustomerMapper(store: store).map(wire, at: ShopifyFieldPath("")) else {
                return WebhookRecords(skipped: ["customer \(wire.id): no email address"])
            }
            return WebhookRecords(records: [customer])
        case "customers/redact":
            return try privacyRequest(topic, body: body) { WebhookRecords(erasures: [$0]) }
        case "customers/data_request":
            return try privacyRequest(topic, body: body) { WebhookRecords(dataRequests: [$0]) }
        case "shop/redact":
            return WebhookRecords(erasesStore: true)
        default:
            throw ConnectorError.unsupported(
                operation: "webhook topic \(topic)", ErrorContext(store: store, resource: nil, platform: platform))
        }
    }

    /// A compliance request about one customer: `request` made from their
    /// address, or skipped when the body names none.
    private func privacyRequest(
        _ topic: String, body: Data, request: (String) -> WebhookRecords
    ) throws -> WebhookRecords {
        let context = ErrorContext(store: store, resource: "customers", platform: platform)
        let wire = try ShopifyWireDecoder.decode(ShopifyRedactRequestWire.self, from: body, context: context)
        guard let email = wire.customer.email, !email.isEmpty else {
            return WebhookRecords(skipped: ["\(topic) for customer \(wire.customer.id): no address"])
        }
        return request(email)
    }

    /// The order as the store has it now; skipped when it is gone.
    private func currentOrder(id: String) async throws -> WebhookRecords {
        let request = TransportRequest(
            .get, url: url(ShopifyEndpoints.order(id: id)), resource: "orders", acceptedStatuses: [404])
        let response = try await send(request)
        guard response.status != 404 else { return WebhookRecords(skipped: ["order \(id): not found in the store"]) }
        do {
            return WebhookRecords(records: [try ShopifyOrderMapper(store: store).mapOrder(response.body)])
        } catch {
            throw error.adding(transport.errorContext(for: request))
        }
    }

    /// A delivery header in its `X-Shopify-` or unprefixed `Shopify-` form.
    private static func header(_ suffix: String, in headers: HeaderFields) -> String? {
        let value = headers["X-Shopify-" + suffix] ?? headers["Shopify-" + suffix]
        guard let trimmed = value?.trimmingCharacters(in: .whitespaces), !trimmed.isEmpty else { return nil }
        return trimmed
    }
}

/// The order a fulfillment or refund body belongs to.
struct ShopifyOrderReferenceWire: Decodable, Sendable {
    let orderID: Int64

    enum CodingKeys: String, CodingKey {
        case orderID = "order_id"
    }
}

/// The customer a `customers/redact` or `customers/data_request` names (the
/// orders it lists are that customer's, found again by address and customer id).
struct ShopifyRedactRequestWire: Decodable, Sendable {
    struct Customer: Decodable, Sendable {
        let id: Int64
        let email: String?
    }

    let customer: Customer
}
