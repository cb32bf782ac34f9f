import AftercartModel
import AftercartServer
import AftercartStore
import Foundation
import Testing

/// Everything around the webhooks: unknown stores, oversized bodies, health and metrics.
@Suite struct ServerRoutesTests {
    @Test func unknownStoreOrWrongPlatformIs404() async throws {
        let server = try await RunningServer.start([try TestStores.shopify(), try TestStores.woo()])
        let delivery = try WebhookFixtures.shopifyOrder()
        let unknown = try await server.post(
            "/webhooks/shopify/no-such-store", body: delivery.body, headers: delivery.headers)
        #expect(unknown.status == 404)
        // tokyo-woo exists, but not as a Shopify store.
        let crossed = try await server.post(
            "/webhooks/shopify/tokyo-woo", body: delivery.body, headers: delivery.headers)
        #expect(crossed.status == 404)
        #expect(try await server.persistence.recordCounts().isEmpty)
        try await server.stop()
    }

    @Test func bodyOverTheLimitIs413AndStoresNothing() async throws {
        let server = try await RunningServer.start([try TestStores.shopify()])
        let delivery = try WebhookFixtures.shopifyOrder()
        let padding = String(repeating: " ", count: (1 << 20) + 1 - delivery.body.count)
        // JSON with trailing spaces is still the same order; only its size is wrong.
        let large = delivery.resigned(delivery.body + Data(padding.utf8), header: "X-Shopify-Hmac-Sha256")
        #expect(large.body.count == (1 << 20) + 1)
        let answer = try await server.post("/webhooks/shopify/brooklyn-shop", body: large.body, headers: large.headers)
        #expect(answer.status == 413)
        #expect(try await server.persistence.recordCounts().isEmpty)
        // Exactly at the limit is accepted.
        let fits = delivery.resigned(delivery.body + Data(padding.dropLast().utf8), header: "X-Shopify-Hmac-Sha256")
        let ok = try await server.post("/webhooks/shopify/brooklyn-shop", body: fits.body, headers: fits.headers)
        #expect(ok.status == 200)
        try await server.stop()
    }

    @Test func healthzReportsTheDatabaseAndLastSyncPerStore() async throws {
        let server = try await RunningServer.start([try TestStores.shopify(), try TestStores.woo()])
        let syncedAt = try #require(Timestamp.parse("2026-11-20T08:00:00Z"))
        _ = try await server.persistence.commitPage(
            [Order](),
            checkpoint: CheckpointUpdate(
                store: "tokyo-woo", resource: .orders, cursor: "c", at: syncedAt, completesRun: true))
        let answer = try await server.get("/healthz")
        #expect(answer.status == 200)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(answer.body.utf8)) as? [String: Any])
        #expect(object["status"] as? String == "ok")
        let database = try #require(object["database"] as? [String: Any])
        #expect(database["reachable"] as? Bool == true)
        let stores = try #require(object["stores"] as? [[String: Any]])
        #expect(stores.compactMap { $0["store"] as? String } == ["brooklyn-shop", "tokyo-woo"])
        #expect(stores[0]["last_sync_at"] == nil)
        #expect(stores[1]["last_sync_at"] as? String == "2026-11-20T08:00:00Z")
        #expect(stores[1]["platform"] as? String == "woocommerce")
        try await server.stop()
    }

    @Test func healthzSays503WhenTheDatabaseIsGone() async throws {
        let server = try await RunningServer.start([try TestStores.shopify()])
        try await server.persistence.close()
        let answer = try await server.get("/healthz")
        #expect(answer.status == 503)
        #expect(answer.body.contains("\"reachable\":false"))
        try? await server.stop()
    }

    @Test func metricsCountWebhooksByPlatformAndOutcome() async throws {
        let server = try await RunningServer.start([try TestStores.shopify()])
        let delivery = try WebhookFixtures.shopifyOrder()
        let path = "/webhooks/shopify/brooklyn-shop"
        _ = try await server.post(path, body: delivery.body, headers: delivery.headers)
        _ = try await server.post(path, body: delivery.body, headers: delivery.headers)
        var bad = delivery.headers
        bad["X-Shopify-Hmac-Sha256"] = "AAAA"
        _ = try await server.post(path, body: delivery.body, headers: bad)
        let answer = try await server.get("/metrics")
        #expect(answer.status == 200)
        let lines = answer.body.split(separator: "\n").map(String.init)
        #expect(lines.contains(#"aftercart_webhooks_total{platform="shopify",outcome="applied"} 1"#))
        #expect(lines.contains(#"aftercart_webhooks_total{platform="shopify",outcome="duplicate"} 1"#))
        #expect(lines.contains(#"aftercart_webhooks_total{platform="shopify",outcome="unauthorized"} 1"#))
        #expect(lines.contains(#"aftercart_webhook_duration_seconds_count{platform="shopify"} 3"#))
        try await server.stop()
    }
}
