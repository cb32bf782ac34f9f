import AftercartModel
import Foundation
import Testing
import WooCommerceConnector

/// `X-WC-Webhook-Signature` against the constructed signed delivery.
@Suite struct WebhookSignatureTests {
    struct Delivery {
        let body: Data
        let signature: String
        let secret: Secret
        let headers: [String: String]
    }

    func delivery() throws -> Delivery {
        let fixture = try WooFixtures.object("woocommerce_webhook_order_updated_constructed.json")
        let headers = try #require(fixture["headers"] as? [String: String])
        return Delivery(
            body: Data(try #require(fixture["raw_body"] as? String).utf8),
            signature: try #require(headers[WooCommerceWebhookSignature.headerName]),
            secret: Secret(try #require(fixture["secret"] as? String)), headers: headers)
    }

    @Test func fixtureSignatureVerifies() throws {
        let delivery = try delivery()
        #expect(
            WooCommerceWebhookSignature.verify(
                body: delivery.body, signature: delivery.signature, secret: delivery.secret))
        #expect(
            WooCommerceWebhookSignature.signature(body: delivery.body, secret: delivery.secret) == delivery.signature)
    }

    @Test func tamperedBodyWrongSecretAndGarbageFail() throws {
        let delivery = try delivery()
        var tampered = delivery.body
        tampered[tampered.index(tampered.startIndex, offsetBy: 10)] ^= 0x01
        #expect(
            !WooCommerceWebhookSignature.verify(body: tampered, signature: delivery.signature, secret: delivery.secret))
        let reencoded = Data(
            String(decoding: delivery.body, as: UTF8.self).replacingOccurrences(
                of: "\"total\":\"29.35\"", with: "\"total\":\"0.01\""
            ).utf8)
        #expect(
            !WooCommerceWebhookSignature.verify(body: reencoded, signature: delivery.signature, secret: delivery.secret)
        )
        #expect(
            !WooCommerceWebhookSignature.verify(
                body: delivery.body, signature: delivery.signature, secret: Secret("other")))
        #expect(
            !WooCommerceWebhookSignature.verify(body: delivery.body, signature: "not base64!", secret: delivery.secret))
        #expect(!WooCommerceWebhookSignature.verify(body: delivery.body, signature: "", secret: delivery.secret))
        #expect(
            !WooCommerceWebhookSignature.verify(body: delivery.body, signature: delivery.signature, secret: Secret("")))
    }

    @Test func realPingIsRecognisedAndSignedDeliveriesAreNot() throws {
        let ping = try WooFixtures.data("woocommerce-10-real/webhook_ping.body")
        let headers = [
            "Content-Type": "application/x-www-form-urlencoded", "User-Agent": "WooCommerce/10.0.2 Hookshot",
        ]
        #expect(WooCommerceWebhookSignature.isPing(body: ping, headers: headers))
        let delivery = try delivery()
        #expect(!WooCommerceWebhookSignature.isPing(body: delivery.body, headers: delivery.headers))
        #expect(!WooCommerceWebhookSignature.isPing(body: ping, headers: ["X-WC-Webhook-Topic": "order.updated"]))
    }
}

/// `X-WC-Webhook-Topic` parsing.
@Suite struct WebhookTopicTests {
    @Test func topicsMapToSyncedResources() throws {
        let order = try #require(WooCommerceWebhookTopic("order.updated"))
        #expect(order.resource == .orders)
        #expect(order.event == .updated)
        #expect(WooCommerceWebhookTopic("customer.deleted")?.resource == .customers)
        #expect(WooCommerceWebhookTopic("coupon.created")?.event == .created)
        #expect(WooCommerceWebhookTopic("product.updated")?.resource == nil)
        #expect(WooCommerceWebhookTopic("action.woocommerce_order_status_completed")?.event == nil)
        #expect(WooCommerceWebhookTopic("ping") == nil)
    }
}
