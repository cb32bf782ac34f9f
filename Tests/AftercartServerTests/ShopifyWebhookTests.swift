import AftercartConnector
import AftercartModel
import AftercartServer
import AftercartStore
import Foundation
import Logging
import ShopifyConnector
import Testing

/// Shopify deliveries against a real server and a real SQLite file.
@Suite struct ShopifyWebhookTests {
    let path = "/webhooks/shopify/brooklyn-shop"

    @Test func signedFixtureIsStoredAsTheAdapterMapsIt() async throws {
        let server = try await RunningServer.start([try TestStores.shopify()])
        let delivery = try WebhookFixtures.shopifyOrder()
        let answer = try await server.post(path, body: delivery.body, headers: delivery.headers)
        #expect(answer.status == 200)
        #expect(answer.body.contains("\"outcome\":\"applied\""))
        let stored = try #require(
            try await server.persistence.record(Order.self, store: "brooklyn-shop", platformID: "450789469"))
        // The same mapper a sync uses, not a second mapping.
        let expected = try ShopifyOrderMapper(store: "brooklyn-shop").mapWebhookOrder(delivery.body)
        #expect(stored.record == expected)
        // A webhook is not a sync: no checkpoint moved.
        #expect(try await server.persistence.checkpoints().isEmpty)
        try await server.stop()
    }

    @Test func oneFlippedByteIsRefusedAndNothingStored() async throws {
        let capture = LogCapture()
        let server = try await RunningServer.start([try TestStores.shopify()], logger: capture.logger())
        let delivery = try WebhookFixtures.shopifyOrder()
        var tampered = delivery.body
        let index = try #require(tampered.firstIndex(of: UInt8(ascii: "4")))
        tampered[index] = UInt8(ascii: "5")
        let answer = try await server.post(path, body: tampered, headers: delivery.headers)
        #expect(answer.status == 401)
        #expect(try await server.persistence.recordCounts().isEmpty)
        #expect(try await server.persistence.record(Order.self, store: "brooklyn-shop", platformID: "550789469") == nil)
        let warnings = capture.entries.filter { $0.level == .warning }
        #expect(warnings.count == 1)
        #expect(warnings.allSatisfy { $0.text.contains("brooklyn-shop") })
        // Never the body: not the customer's email, not the order id.
        #expect(!capture.entries.contains { $0.text.contains("bob.norman") || $0.text.contains("89469") })
        try await server.stop()
    }

    @Test func storeWithoutSecretRefusesEverything() async throws {
        let server = try await RunningServer.start([try TestStores.shopify(secret: nil)])
        let delivery = try WebhookFixtures.shopifyOrder()
        #expect(try await server.post(path, body: delivery.body, headers: delivery.headers).status == 401)
        #expect(try await server.persistence.recordCounts().isEmpty)
        try await server.stop()
    }

    @Test func replayedWebhookIdIsAppliedOnceEvenAfterARestart() async throws {
        let counter = FollowUpRecorder()
        let endpoint = try TestStores.shopify()
        let first = try await RunningServer.start([endpoint], followUp: counter)
        let delivery = try WebhookFixtures.shopifyOrder()
        #expect(try await first.post(path, body: delivery.body, headers: delivery.headers).body.contains("applied"))
        let replay = try await first.post(path, body: delivery.body, headers: delivery.headers)
        #expect(replay.status == 200)
        #expect(replay.body.contains("\"outcome\":\"duplicate\""))
        try await first.stop(removeFiles: false)

        // Same id, different body (Shopify retries carry the payload of the event): still once.
        let second = try await RunningServer.start([endpoint], folder: first.folder, followUp: counter)
        let edited = delivery.resigned(
            try WebhookFixtures.editing(delivery.body, ["note": "changed"]), header: "X-Shopify-Hmac-Sha256")
        let afterRestart = try await second.post(path, body: edited.body, headers: edited.headers)
        #expect(afterRestart.body.contains("\"outcome\":\"duplicate\""))
        let stored = try #require(
            try await second.persistence.record(Order.self, store: "brooklyn-shop", platformID: "450789469"))
        #expect(stored.record == (try ShopifyOrderMapper(store: "brooklyn-shop").mapWebhookOrder(delivery.body)))
        try await second.stop()
        #expect(await counter.calls.count == 1)
    }

    @Test func hundredConcurrentDeliveriesForOneOrderLeaveTheNewest() async throws {
        let server = try await RunningServer.start([try TestStores.shopify()])
        let delivery = try WebhookFixtures.shopifyOrder()
        let base = try #require(Timestamp.parse("2026-11-05T10:00:00Z"))
        // Each delivery is a later state of the order: newer updated_at, a different note.
        let versions = try (0..<100).map { step -> SignedDelivery in
            let body = try WebhookFixtures.editing(
                delivery.body,
                ["updated_at": Timestamp.format(base.addingTimeInterval(Double(step))), "note": "version \(step)"])
            var signed = delivery.resigned(body, header: "X-Shopify-Hmac-Sha256")
            signed.headers["X-Shopify-Webhook-Id"] = "concurrent-\(step)"
            return signed
        }
        // Eight in flight at a time, in random order: as many as the shared
        // client's pool holds per host, so no delivery waits for a connection
        // long enough to time out on a loaded machine.
        let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
            var pending = versions.shuffled()[...]
            var statuses: [Int] = []
            func post(_ version: SignedDelivery) {
                group.addTask { try await server.post(path, body: version.body, headers: version.headers).status }
            }
            for _ in 0..<8 { if let version = pending.popFirst() { post(version) } }
            while let status = try await group.next() {
                statuses.append(status)
                if let version = pending.popFirst() { post(version) }
            }
            return statuses
        }
        #expect(statuses.count == 100)
        #expect(statuses.allSatisfy { $0 == 200 })
        let stored = try #require(
            try await server.persistence.record(Order.self, store: "brooklyn-shop", platformID: "450789469"))
        let newest = try ShopifyOrderMapper(store: "brooklyn-shop").mapWebhookOrder(versions[99].body)
        #expect(stored.record == newest)
        #expect(stored.record.updatedAt == base.addingTimeInterval(99))
        #expect(try await server.persistence.recordCounts().map(\.total) == [1])
        try await server.stop()
    }

    @Test func anOlderDeliveryAfterANewerOneIsKeptOut() async throws {
        let server = try await RunningServer.start([try TestStores.shopify()])
        let delivery = try WebhookFixtures.shopifyOrder()
        func version(_ time: String, note: String, id: String) throws -> SignedDelivery {
            var signed = delivery.resigned(
                try WebhookFixtures.editing(delivery.body, ["updated_at": time, "note": note]),
                header: "X-Shopify-Hmac-Sha256")
            signed.headers["X-Shopify-Webhook-Id"] = id
            return signed
        }
        let newer = try version("2026-11-05T10:00:00-05:00", note: "newer", id: "a")
        let older = try version("2026-11-05T09:00:00-05:00", note: "older", id: "b")
        #expect(
            try await server.post(path, body: newer.body, headers: newer.headers).body.contains("1 records changed"))
        let late = try await server.post(path, body: older.body, headers: older.headers)
        #expect(late.status == 200)
        #expect(late.body.contains("older than stored"))
        let stored = try #require(
            try await server.persistence.record(Order.self, store: "brooklyn-shop", platformID: "450789469"))
        #expect(stored.record == (try ShopifyOrderMapper(store: "brooklyn-shop").mapWebhookOrder(newer.body)))
        try await server.stop()
    }

    @Test func unknownTopicIsAcknowledgedAndLoggedAtDebug() async throws {
        let capture = LogCapture()
        let server = try await RunningServer.start([try TestStores.shopify()], logger: capture.logger())
        var delivery = try WebhookFixtures.shopifyOrder()
        delivery.headers["X-Shopify-Topic"] = "app/uninstalled"
        let answer = try await server.post(path, body: delivery.body, headers: delivery.headers)
        #expect(answer.status == 200)
        #expect(answer.body.contains("\"outcome\":\"ignored\""))
        #expect(try await server.persistence.recordCounts().isEmpty)
        #expect(capture.entries.contains { $0.level == .debug && $0.text.contains("app/uninstalled") })
        try await server.stop()
    }

    @Test func signedBodyThatDoesNotMapIs422AndStoresNothing() async throws {
        let server = try await RunningServer.start([try TestStores.shopify()])
        let delivery = try WebhookFixtures.shopifyOrder()
        let broken = delivery.resigned(
            try WebhookFixtures.editing(delivery.body, ["total_price": "twelve"]), header: "X-Shopify-Hmac-Sha256")
        let answer = try await server.post(path, body: broken.body, headers: broken.headers)
        #expect(answer.status == 422)
        #expect(answer.body.contains("total_price"))
        #expect(try await server.persistence.recordCounts().isEmpty)
        // Not remembered as applied: the corrected delivery with the same id goes through.
        let fixed = try await server.post(path, body: delivery.body, headers: delivery.headers)
        #expect(fixed.body.contains("\"outcome\":\"applied\""))
        try await server.stop()
    }
}

/// Counts follow-up calls; the seam the lead wires plan → send into.
actor FollowUpRecorder: WebhookFollowUp {
    struct Call: Sendable, Hashable {
        var store: StoreID
        var resource: ResourceKind
        var ids: [String]
    }

    private(set) var calls: [Call] = []
    private var waiters: [(count: Int, continuation: CheckedContinuation<Void, Never>)] = []

    func recordsChanged(store: StoreID, resource: ResourceKind, ids: [String]) async {
        calls.append(Call(store: store, resource: resource, ids: ids))
        let ready = waiters.filter { calls.count >= $0.count }
        waiters.removeAll { calls.count >= $0.count }
        for waiter in ready { waiter.continuation.resume() }
    }

    /// Returns once at least `count` calls happened.
    func waitFor(_ count: Int) async {
        if calls.count >= count { return }
        await withCheckedContinuation { waiters.append((count, $0)) }
    }
}
