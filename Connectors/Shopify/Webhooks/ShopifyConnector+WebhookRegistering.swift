public import AftercartConnector
public import AftercartModel
import Foundation

/// `webhooks.json` of the REST Admin API: list and create subscriptions.
/// Shopify signs every delivery with the app's client secret, so the
/// `secret` of ``registerWebhook(topic:address:secret:)`` is not sent.
extension ShopifyConnector: WebhookRegistering {
    public func listWebhooks() async throws -> [WebhookSubscription] {
        let request = TransportRequest(.get, url: url("webhooks.json?limit=250"), resource: "webhooks")
        let response = try await send(request)
        let list = try ShopifyWireDecoder.decode(
            ShopifyWebhookListWire.self, from: response.body, context: transport.errorContext(for: request))
        return list.webhooks.map(\.subscription)
    }

    public func registerWebhook(topic: String, address: String, secret: Secret) async throws -> WebhookSubscription {
        let body = ShopifyWebhookCreateBody(webhook: .init(topic: topic, address: address, format: "json"))
        let request = try TransportRequest.json(
            .post, url: url("webhooks.json"), body: body, isIdempotent: false, resource: "webhooks")
        let response = try await send(request)
        return try ShopifyWireDecoder.decode(
            ShopifyWebhookEnvelopeWire.self, from: response.body, context: transport.errorContext(for: request)
        ).webhook.subscription
    }
}

struct ShopifyWebhookWire: Decodable, Sendable {
    let id: Int64
    let topic: String
    let address: String

    var subscription: WebhookSubscription { WebhookSubscription(id: String(id), topic: topic, address: address) }
}

struct ShopifyWebhookListWire: Decodable, Sendable {
    let webhooks: [ShopifyWebhookWire]
}

struct ShopifyWebhookEnvelopeWire: Decodable, Sendable {
    let webhook: ShopifyWebhookWire
}

struct ShopifyWebhookCreateBody: Encodable, Sendable {
    struct Webhook: Encodable, Sendable {
        let topic: String
        let address: String
        let format: String
    }

    let webhook: Webhook
}
