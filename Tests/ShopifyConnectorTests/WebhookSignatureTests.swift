import AftercartConnector
import AftercartModel
import AsyncHTTPClient
import Foundation
import Logging
import ShopifyConnector
import Testing

/// The constructed, signed `orders/updated` delivery as a known answer.
@Suite struct WebhookSignatureTests {
    struct Delivery {
        var body: Data
        var secret: Secret
        var headers: [String: String]
    }

    func delivery() throws -> Delivery {
        let fixture = try ShopifyFixtures.object("shopify_webhook_orders_updated_constructed.json")
        return Delivery(
            body: Data(try #require(fixture["raw_body"] as? String).utf8),
            secret: Secret(try #require(fixture["secret"] as? String)),
            headers: try #require(fixture["headers"] as? [String: String]))
    }

    @Test func knownAnswerVerifies() throws {
        let delivery = try delivery()
        let hmac = try #require(ShopifyWebhookSignature.hmacHeader(in: delivery.headers))
        #expect(hmac == "RBGzeouMg2BEm9AMEMrZR4G/j6/56UIJZnLnPPRw2l8=")
        #expect(ShopifyWebhookSignature.verify(body: delivery.body, hmacBase64: hmac, secret: delivery.secret))
        #expect(ShopifyWebhookSignature.signature(body: delivery.body, secret: delivery.secret) == hmac)
    }

    @Test func tamperedBodyWrongSecretOrGarbageFail() throws {
        let delivery = try delivery()
        let hmac = try #require(ShopifyWebhookSignature.hmacHeader(in: delivery.headers))
        var tampered = delivery.body
        tampered[tampered.startIndex + 10] ^= 0x01
        #expect(!ShopifyWebhookSignature.verify(body: tampered, hmacBase64: hmac, secret: delivery.secret))
        #expect(
            !ShopifyWebhookSignature.verify(
                body: delivery.body + Data(" ".utf8), hmacBase64: hmac, secret: delivery.secret))
        #expect(!ShopifyWebhookSignature.verify(body: delivery.body, hmacBase64: hmac, secret: Secret("other")))
        #expect(
            !ShopifyWebhookSignature.verify(body: delivery.body, hmacBase64: "not base64!", secret: delivery.secret))
        #expect(!ShopifyWebhookSignature.verify(body: delivery.body, hmacBase64: hmac, secret: Secret("")))
    }

    @Test func eitherHeaderFormInAnyCase() throws {
        let delivery = try delivery()
        let hmac = try #require(delivery.headers["X-Shopify-Hmac-Sha256"])
        #expect(ShopifyWebhookSignature.hmacHeader(in: ["x-shopify-hmac-sha256": hmac]) == hmac)
        #expect(ShopifyWebhookSignature.hmacHeader(in: ["shopify-hmac-sha256": hmac]) == hmac)
        #expect(ShopifyWebhookSignature.hmacHeader(in: ["Content-Type": "application/json"]) == nil)
        let fields: HeaderFields = ["SHOPIFY-HMAC-SHA256": hmac]
        #expect(ShopifyWebhookSignature.verify(body: delivery.body, headers: fields, secret: delivery.secret))
        #expect(!ShopifyWebhookSignature.verify(body: delivery.body, headers: [:], secret: delivery.secret))
    }

    @Test func connectorVerifiesWithTheConfiguredSecret() async throws {
        let delivery = try delivery()
        let client = HTTPClientFactory.makeClient()
        let logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })
        let configured = ShopifyStoreSettings(
            store: "s", baseURL: "http://127.0.0.1:1", credential: .accessToken(Secret("shpat_1234")),
            webhookSecret: delivery.secret
        )
        let connector = ShopifyConnector(
            settings: configured,
            transport: ShopifyConnector.makeTransport(settings: configured, client: client, logger: logger))
        let headers = HeaderFields(delivery.headers.map { (name: $0.key, value: $0.value) })
        #expect(connector.verifyWebhook(body: delivery.body, headers: headers))
        #expect(!connector.verifyWebhook(body: delivery.body + Data("x".utf8), headers: headers))
        var unconfigured = configured
        unconfigured.webhookSecret = nil
        let without = ShopifyConnector(
            settings: unconfigured,
            transport: ShopifyConnector.makeTransport(settings: unconfigured, client: client, logger: logger))
        #expect(!without.verifyWebhook(body: delivery.body, headers: headers))
        try await client.shutdown()
    }
}
