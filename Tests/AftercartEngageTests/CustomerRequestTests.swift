import AftercartConfig
import AftercartModel
import AftercartStore
import Foundation
import Testing

@testable import AftercartEngage

/// Unsubscribes and forget requests recorded by Aftercart itself
/// (`aftercart unsubscribe` / `aftercart forget`), over a real SQLite file.
@Suite struct CustomerRequestTests {
    typealias F = EngageFixture
    let now = F.now
    let day = F.day

    private func deliveredOrder(_ id: String, customer: String) -> Order {
        F.order(id, customer: customer, created: now - 12 * day, shipment: .delivered, delivered: now - 8 * day)
    }

    @Test func anUnsubscribeStopsMarketingOnTheNextPlanButNotTheOrderConfirmation() async throws {
        var fixture = try await F.make()
        defer { Task { [fixture] in await fixture.remove() } }
        fixture.only("review-request", "order-confirmation")
        try await fixture.save([F.customer("1"), F.customer("2")])
        try await fixture.save([deliveredOrder("10", customer: "1"), deliveredOrder("20", customer: "2")])
        let first = try await fixture.plan()
        #expect(first.actions("review-request").map(\.entry.subjectID).sorted() == ["10", "20"])

        let requests = CustomerRequests(database: fixture.database)
        // Mixed case: the planner compares addresses lowercased.
        let outcome = try await requests.record(.unsubscribed, store: F.store, email: " C1@Example.TEST", now: now)
        #expect(outcome.email == "c1@example.test")
        // The consented customer's already planned review request is cancelled; the other's stays.
        #expect(outcome.cancelled == 1)
        let cancelled = try await fixture.database.outboxEntries(in: .cancelled, limit: 10)
        #expect(cancelled.map(\.subjectID) == ["10"])

        // Consent is still "yes" in the store's records; the recorded unsubscribe wins.
        try await fixture.save([
            F.order("11", customer: "1", created: now - 3600),
            F.order(
                "12", customer: "1", created: now - 20 * day, shipment: .delivered, delivered: now - 8 * day,
                products: ["P7"]),
            F.order(
                "22", customer: "2", created: now - 20 * day, shipment: .delivered, delivered: now - 8 * day,
                products: ["P7"]),
        ])
        let second = try await fixture.plan(at: now + 60)
        #expect(second.actions("review-request").map(\.entry.subjectID) == ["22"])
        #expect(second.summary("review-request")?.suppressed[.unsubscribed] == 1)
        #expect(second.actions("order-confirmation").map(\.entry.subjectID) == ["11"])
    }

    @Test func forgetStopsEverythingAndCancelsPendingRowsButKeepsRecords() async throws {
        var fixture = try await F.make()
        defer { Task { [fixture] in await fixture.remove() } }
        fixture.only("review-thank-you", "order-confirmation")
        try await fixture.save([F.customer("1"), F.customer("2")])
        try await fixture.save([
            F.order("10", customer: "1", created: now - 3600), F.order("20", customer: "2", created: now - 3600),
        ])
        try await fixture.save([
            F.review("R1", product: "P1", email: "c1@example.test", rating: 5, created: now - 3600)
        ])
        let first = try await fixture.plan()
        // Order confirmation, thank-you coupon and email for customer 1; confirmation for 2.
        #expect(first.written >= 4)

        let outcome = try await CustomerRequests(database: fixture.database).record(
            .forgotten, store: F.store, email: "c1@example.test", now: now)
        let cancelled = try await fixture.database.outboxEntries(in: .cancelled, limit: 20)
        #expect(outcome.cancelled == cancelled.count)
        #expect(Set(cancelled.map(\.campaign)) == ["review-thank-you", "order-confirmation"])
        // What waits besides the opt-out queued for the store (ConsentWithdrawalQueueTests).
        let pending = try await fixture.database.outboxEntries(in: .pending, limit: 20)
        #expect(pending.filter { $0.action != .withdrawConsent }.map(\.subjectID) == ["20"])

        // Synced records stay; nothing new is planned for them, transactional included.
        try await fixture.save([F.order("13", customer: "1", created: now - 60)])
        let second = try await fixture.plan(at: now + 60)
        #expect(second.actions.isEmpty)
        // Orders 10 (planned before, now cancelled) and 13 (new).
        #expect(second.summary("order-confirmation")?.suppressed[.forgotten] == 2)
        #expect(try await fixture.database.suppressions(store: F.store) == ["c1@example.test": .forgotten])

        // An unsubscribe recorded afterwards does not weaken the forget.
        _ = try await CustomerRequests(database: fixture.database).record(
            .unsubscribed, store: F.store, email: "c1@example.test", now: now)
        #expect(try await fixture.database.suppressions(store: F.store) == ["c1@example.test": .forgotten])
    }

    @Test(arguments: ["", "ann", "ann@", "@example.com", "ann@example", "ann smith@example.com", "a@b@c.com"])
    func aMistypedAddressIsRejectedAndRecordsNothing(text: String) async throws {
        let fixture = try await F.make()
        defer { Task { [fixture] in await fixture.remove() } }
        await #expect(throws: CustomerRequestError.notAnAddress(text)) {
            _ = try await CustomerRequests(database: fixture.database).record(
                .unsubscribed, store: F.store, email: text, now: now)
        }
        #expect(try await fixture.database.suppressions(store: F.store).isEmpty)
    }
}
