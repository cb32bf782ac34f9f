import AftercartModel
import AftercartStore
import Foundation
import Testing

/// The planner's and the webhook server's stores, on both backends.
@Suite("Planner state and webhook inbox")
struct PlanningAndWebhookTests {
    @Test("planned keys and emails, observed tiers and the install secret")
    func plannerState() async throws {
        try await withStore { persistence in
            let store = try #require(persistence as? any PlanningStore)
            _ = try await persistence.enqueue(
                [
                    Fixtures.outboxEntry("a", notBefore: Fixtures.at(-60)), Fixtures.outboxEntry("b"),
                    Fixtures.outboxEntry("c", store: Fixtures.osaka),
                ], now: Fixtures.t0)
            #expect(try await store.plannedKeys(store: Fixtures.tokyo) == ["a", "b"])
            #expect(
                try await store.plannedEmails(store: Fixtures.tokyo, since: Fixtures.t0).map(\.idempotencyKey) == ["b"])

            #expect(try await store.observedTiers(store: Fixtures.tokyo).isEmpty)
            try await store.recordObservedTiers(
                store: Fixtures.tokyo, tiers: ["1": "gold", "2": "silver"], now: Fixtures.t0)
            try await store.recordObservedTiers(store: Fixtures.tokyo, tiers: ["2": "gold"], now: Fixtures.at(60))
            #expect(try await store.observedTiers(store: Fixtures.tokyo) == ["1": "gold", "2": "gold"])
            #expect(try await store.observedTiers(store: Fixtures.osaka).isEmpty)

            let first = try await store.installSecret(named: "links") { "first" }
            #expect(first == "first")
            #expect(try await store.installSecret(named: "links") { "second" } == "first")
        }
    }

    @Test("a delivery applies once; an older record is stale; deletions mark vanished")
    func webhookInbox() async throws {
        try await withStore { persistence in
            let inbox = try #require(persistence as? any WebhookInbox)
            _ = try await persistence.commitPage([Fixtures.order("2")], checkpoint: Fixtures.checkpoint(cursor: "c"))
            let receipt = WebhookReceipt(
                store: Fixtures.tokyo, platform: "woocommerce", deliveryKey: "d1", topic: "order.updated",
                receivedAt: Fixtures.at(10))
            let applied = try await inbox.applyWebhook(
                receipt, records: [Fixtures.order("1")], deleted: [.orders: ["2"]])
            #expect(!applied.duplicate)
            #expect(applied.changed == [.orders: ["1"]])
            #expect(applied.vanished == 1)
            #expect(try await inbox.hasWebhookDelivery(store: Fixtures.tokyo, deliveryKey: "d1"))
            #expect(try await inbox.applyWebhook(receipt, records: [Fixtures.order("1")], deleted: [:]).duplicate)

            var older = Fixtures.order("1", status: .refunded)
            older.updatedAt = Fixtures.at(-7_200)
            var second = receipt
            second.deliveryKey = "d2"
            let stale = try await inbox.applyWebhook(second, records: [older], deleted: [:])
            #expect(stale.stale == 1)
            #expect(
                try await persistence.record(Order.self, store: Fixtures.tokyo, platformID: "1")?.record.status
                    == .completed)
            #expect(try await persistence.checkpoint(store: Fixtures.tokyo, resource: .orders)?.cursor == "c")

            #expect(try await inbox.pruneWebhookDeliveries(receivedBefore: Fixtures.at(11)) == 2)
            #expect(try await !inbox.hasWebhookDelivery(store: Fixtures.tokyo, deliveryKey: "d1"))
        }
    }
}
