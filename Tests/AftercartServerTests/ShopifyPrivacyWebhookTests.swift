import AftercartModel
import AftercartStore
import Foundation
import Testing

/// Shopify's mandatory compliance webhooks against a real server and SQLite file.
@Suite struct ShopifyPrivacyWebhookTests {
    let path = "/webhooks/shopify/brooklyn-shop"

    /// `delivery` with another topic and webhook id, `body` signed again.
    func variant(_ delivery: SignedDelivery, topic: String, id: String, body: Data) -> SignedDelivery {
        var copy = delivery.resigned(body, header: "X-Shopify-Hmac-Sha256")
        copy.headers["X-Shopify-Topic"] = topic
        copy.headers["X-Shopify-Webhook-Id"] = id
        return copy
    }

    /// Shopify's sample order delivered to `server`, and it as stored.
    func deliverOrder(to server: RunningServer) async throws -> (delivery: SignedDelivery, stored: Order, email: String)
    {
        let order = try WebhookFixtures.shopifyOrder()
        #expect(try await server.post(path, body: order.body, headers: order.headers).status == 200)
        let stored = try #require(
            try await server.persistence.record(Order.self, store: "brooklyn-shop", platformID: "450789469"))
        return (order, stored.record, try #require(stored.record.customer.email))
    }

    /// A compliance request about the sample order's customer, with the topic's own `fields`.
    func complianceBody(email: String, _ fields: [String: Any]) throws -> Data {
        try JSONSerialization.data(
            withJSONObject: [
                "shop_id": 954_889, "shop_domain": "brooklyn-shop.myshopify.com",
                "customer": ["id": 207_119_551, "email": email, "phone": "555-625-1199"],
            ].merging(fields) { _, new in new })
    }

    @Test func customersRedactErasesTheCustomerAndTheirOrderComesBackRedacted() async throws {
        let capture = LogCapture()
        let server = try await RunningServer.start([try TestStores.shopify()], logger: capture.logger())
        let (order, stored, email) = try await deliverOrder(to: server)

        let request = try complianceBody(email: email, ["orders_to_redact": [450_789_469]])
        let redact = variant(order, topic: "customers/redact", id: "redact-1", body: request)
        let answer = try await server.post(path, body: redact.body, headers: redact.headers)
        #expect(answer.status == 200, "\(answer.body)")
        let erased = try #require(
            try await server.persistence.record(Order.self, store: "brooklyn-shop", platformID: "450789469"))
        #expect(erased.record.customer.email?.hasPrefix("forgotten-") == true)
        #expect(erased.record.customer.firstName == "Forgotten" && erased.record.total == stored.total)
        #expect(try await server.persistence.forgottenCustomers(store: "brooklyn-shop").contains(email))
        // The log says it happened, never to whom.
        #expect(capture.entries.contains { $0.text.contains("customer erased at the platform's request") })
        #expect(!capture.entries.contains { $0.text.lowercased().contains(email.lowercased()) })

        // The order arrives again (a later orders/updated): stored redacted.
        let again = variant(order, topic: "orders/updated", id: "order-again", body: order.body)
        #expect(try await server.post(path, body: again.body, headers: again.headers).status == 200)
        let back = try #require(
            try await server.persistence.record(Order.self, store: "brooklyn-shop", platformID: "450789469"))
        #expect(back.record.customer.email == erased.record.customer.email)

        try await server.stop()
    }

    /// Two days after the uninstall Shopify asks for the shop's erasure:
    /// every row about it goes, other stores' rows and the keyed hashes of
    /// forgotten customers stay, and a repeated delivery changes nothing.
    @Test func shopRedactErasesEverythingAboutTheShop() async throws {
        let capture = LogCapture()
        let server = try await RunningServer.start([try TestStores.shopify()], logger: capture.logger())
        let (order, _, email) = try await deliverOrder(to: server)
        let forget = variant(
            order, topic: "customers/redact", id: "redact-1",
            body: try complianceBody(email: email, ["orders_to_redact": [450_789_469]]))
        #expect(try await server.post(path, body: forget.body, headers: forget.headers).status == 200)
        let token = IssuedCredential(
            accessToken: Secret("shpat_kept"), accessExpiresAt: nil, scopes: [], issuedAt: Date())
        try await server.persistence.saveAppCredential(token, store: "brooklyn-shop")
        try await server.persistence.saveAppCredential(token, store: "other-shop")

        let shop = variant(order, topic: "shop/redact", id: "shop-1", body: Data(#"{"shop_id":954889}"#.utf8))
        #expect(try await server.post(path, body: shop.body, headers: shop.headers).status == 200)
        #expect(try await server.persistence.recordCounts().allSatisfy { $0.total == 0 })
        #expect(try await server.persistence.appCredential(store: "brooklyn-shop") == nil)
        #expect(try await server.persistence.appCredential(store: "other-shop") != nil)
        #expect(try await server.persistence.forgottenCustomers(store: "brooklyn-shop").contains(email))
        #expect(capture.entries.contains { $0.text.contains("store data erased at the platform's request") })
        #expect(try await server.post(path, body: shop.body, headers: shop.headers).status == 200)
        try await server.stop()
    }

    @Test func customersDataRequestWritesTheCustomersExportForTheMerchant() async throws {
        let capture = LogCapture()
        let server = try await RunningServer.start([try TestStores.shopify()], logger: capture.logger())
        let (order, _, email) = try await deliverOrder(to: server)

        let request = try complianceBody(
            email: email, ["orders_requested": [450_789_469], "data_request": ["id": 9999]])
        let ask = variant(order, topic: "customers/data_request", id: "request-1", body: request)
        let answer = try await server.post(path, body: ask.body, headers: ask.headers)
        #expect(answer.status == 200, "\(answer.body)")

        let privacy = server.folder.appendingPathComponent("privacy")
        let names = try FileManager.default.contentsOfDirectory(atPath: privacy.path)
        #expect(names.count == 1)
        let name = try #require(names.first)
        #expect(name.hasPrefix("brooklyn-shop-") && name.hasSuffix("request-1.json"), "\(name)")
        let file = privacy.appendingPathComponent(name)
        let data = try Data(contentsOf: file)
        let document = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(document["found"] as? Bool == true)
        let stores = try #require(document["stores"] as? [[String: Any]])
        let orders = try #require(stores.first?["orders"] as? [[String: Any]])
        #expect(orders.map { $0["id"] as? String } == ["450789469"])
        let permissions = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int
        #expect(permissions == 0o600)
        // The log names the file, never the customer; nothing was erased.
        #expect(capture.entries.contains { $0.text.contains("data request answered") })
        #expect(!capture.entries.contains { $0.text.lowercased().contains(email.lowercased()) })
        let still = try await server.persistence.record(Order.self, store: "brooklyn-shop", platformID: "450789469")
        #expect(still?.record.customer.email == email)
        try await server.stop()
    }
}
