import AftercartConnector
import AftercartModel
import AftercartServer
import Foundation
import MockStores
import Testing

/// A webhook the store disabled after failed deliveries is re-activated by
/// `check --register-webhooks`, and accepted deliveries are logged at info.
@Suite struct WebhookLifecycleTests {
    @Test func registrationReactivatesADisabledSubscriptionInsteadOfCountingItAsThere() async throws {
        let mock = try await MockStoreServer.start(.woocommerce(WooCommerceMockOptions(orders: 5, seed: 2)))
        // A public address where the emulator itself answers 404, so every delivery fails (fast).
        let publicURL = try #require(URL(string: mock.baseURL + "/nowhere"))
        let endpoint = try TestStores.woo(
            baseURL: mock.baseURL, consumerKey: mock.credentials.consumerKey ?? "",
            consumerSecret: mock.credentials.consumerSecret ?? "")
        let connector = try #require(endpoint.connector as? any WebhookRegistering & WebhookDecoding)
        let first = try await WebhookRegistration.ensure(connector, publicURL: publicURL, secret: Secret("s"))
        let broken = try #require(first.created.first { $0.topic == "order.updated" })
        for _ in 1...7 { _ = await mock.deliverToWebhookSubscription(id: broken.id) }
        #expect(try await connector.listWebhooks().first { $0.id == broken.id }?.status == "disabled")

        let second = try await WebhookRegistration.ensure(connector, publicURL: publicURL, secret: Secret("s"))
        #expect(second.created.isEmpty)
        #expect(second.reactivated.map(\.id) == [broken.id])
        #expect(second.reactivated.first?.status == "active")
        #expect(second.existing.count == connector.webhookTopics.count - 1)
        #expect(!second.existing.contains { $0.id == broken.id })
        #expect(second.all.allSatisfy { $0.isActive })
        #expect(try await connector.listWebhooks().allSatisfy { $0.isActive })
        await mock.stop()
    }

    @Test func anAcceptedDeliveryIsLoggedAtInfoWithoutItsBody() async throws {
        let capture = LogCapture()
        let server = try await RunningServer.start([try TestStores.woo()], logger: capture.logger())
        let delivery = try WebhookFixtures.wooOrder()
        let answer = try await server.post(
            "/webhooks/woocommerce/tokyo-woo", body: delivery.body, headers: delivery.headers)
        #expect(answer.status == 200)
        let applied = try #require(capture.entries.first { $0.message == "webhook applied" })
        #expect(applied.level == .info)
        #expect(applied.metadata["store"] == "tokyo-woo")
        #expect(applied.metadata["topic"] == delivery.headers["X-WC-Webhook-Topic"])
        #expect((Int(applied.metadata["records"] ?? "") ?? 0) >= 1)
        #expect(applied.metadata["delivery"]?.isEmpty == false)
        let body = String(decoding: delivery.body, as: UTF8.self)
        #expect(!capture.entries.contains { $0.text.contains("wc_test_secret_123") })
        // Not the customer's email from the body.
        if let email = body.range(of: #"[A-Za-z0-9._-]+@[A-Za-z0-9.-]+"#, options: .regularExpression) {
            #expect(!capture.entries.contains { $0.text.contains(body[email]) })
        }
        try await server.stop()
    }
}
