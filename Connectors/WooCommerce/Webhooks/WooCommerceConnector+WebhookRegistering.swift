public import AftercartConnector
public import AftercartModel
import Foundation

/// `/wp-json/wc/v3/webhooks`: list, create and re-activate subscriptions, each with its
/// own `secret` (write-only; WooCommerce signs deliveries with it).
///
/// Creating an active webhook makes WooCommerce ping `delivery_url`
/// synchronously; the create succeeds even when the ping fails (WooCommerce's
/// `WC_Webhook::deliver_ping`).
extension WooCommerceConnector: WebhookRegistering {
    public func listWebhooks() async throws -> [WebhookSubscription] {
        let request = TransportRequest(
            .get, url: url(WooCommerceEndpoints.restPrefix + "/webhooks?per_page=100"), resource: "webhooks")
        let response = try await transport.send(request)
        let wires = try decode([WooWebhookWire].self, response.body, request: request, named: "webhooks")
        return wires.map(\.subscription)
    }

    public func registerWebhook(topic: String, address: String, secret: Secret) async throws -> WebhookSubscription {
        let body = WooWebhookCreateBody(
            name: "Aftercart \(topic)", topic: topic, deliveryURL: address, secret: secret.revealed(),
            status: "active")
        let request = try TransportRequest.json(
            .post, url: url(WooCommerceEndpoints.restPrefix + "/webhooks"), body: body, isIdempotent: false,
            resource: "webhooks")
        let response = try await sendWrite(request)
        return try decode(WooWebhookWire.self, response.body, request: request, named: "webhook").subscription
    }

    /// `PUT /webhooks/{id}` with `{"status":"active"}`. WooCommerce keeps the
    /// failure count, so the next failed delivery disables it again (api-facts §8.6).
    public func activateWebhook(id: String) async throws -> WebhookSubscription {
        guard !id.isEmpty, id.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else {
            throw ConnectorError.badRequest(
                status: 400,
                ErrorContext(
                    store: store, resource: "webhooks", platform: platform,
                    platformMessage: "invalid webhook id \(id.prefix(20))"))
        }
        let request = try TransportRequest.json(
            .put, url: url(WooCommerceEndpoints.restPrefix + "/webhooks/\(id)"),
            body: WooWebhookStatusBody(status: "active"), isIdempotent: true, resource: "webhooks")
        let response = try await sendWrite(request)
        return try decode(WooWebhookWire.self, response.body, request: request, named: "webhook").subscription
    }
}

struct WooWebhookStatusBody: Encodable, Sendable {
    let status: String
}

struct WooWebhookWire: Decodable, Sendable {
    let id: WooInteger
    let topic: String
    let deliveryURL: String
    let status: String?

    enum CodingKeys: String, CodingKey {
        case id, topic, status
        case deliveryURL = "delivery_url"
    }

    var subscription: WebhookSubscription {
        WebhookSubscription(id: id.value.map(String.init) ?? "", topic: topic, address: deliveryURL, status: status)
    }
}

struct WooWebhookCreateBody: Encodable, Sendable {
    let name: String
    let topic: String
    let deliveryURL: String
    let secret: String
    let status: String

    enum CodingKeys: String, CodingKey {
        case name, topic, secret, status
        case deliveryURL = "delivery_url"
    }
}
