import AftercartModel
import AftercartStore
import Foundation
import Testing

@testable import AftercartEngage

/// The `withdraw_consent` row a customer's request queues for the store,
/// over a real SQLite file.
@Suite struct ConsentWithdrawalQueueTests {
    typealias F = EngageFixture

    private func withdrawals(_ database: any PlannerDatabase) async throws -> [OutboxEntry] {
        try await database.outboxPage(after: nil, limit: 100).filter { $0.action == .withdrawConsent }
    }

    @Test func eachRequestQueuesOneRowAndASecondWhileItWaitsAddsNone() async throws {
        let fixture = try await F.make()
        defer { Task { [fixture] in await fixture.remove() } }
        let requests = CustomerRequests(database: fixture.database)
        let first = try await requests.record(.unsubscribed, store: F.store, email: "Ann@Example.test", now: F.now)
        #expect(first.consentWithdrawalQueued)
        let again = try await requests.record(.forgotten, store: F.store, email: "ann@example.test", now: F.now + 60)
        #expect(!again.consentWithdrawalQueued)
        let rows = try await withdrawals(fixture.database)
        #expect(rows.count == 1)
        let row = try #require(rows.first)
        #expect(row.state == .pending)
        #expect(row.store == F.store)
        #expect(row.campaign == CustomerRequests.campaign)
        let payload = try ModelJSON.decoder().decode(ConsentWithdrawalAction.self, from: Data(row.payload.utf8))
        #expect(payload == ConsentWithdrawalAction(email: "ann@example.test", requestedAt: F.now))

        // Once the store has it, a later request (the customer opted in again meanwhile) writes again.
        let claimed = try await fixture.database.claimDue(owner: "w", limit: 10, leaseFor: 60, now: F.now + 120)
        #expect(claimed.map(\.entry.id) == [row.id])
        #expect(try await fixture.database.complete(id: row.id, owner: "w", result: "done", now: F.now + 121))
        let later = try await requests.record(
            .unsubscribed, store: F.store, email: "ann@example.test", now: F.now + 200)
        #expect(later.consentWithdrawalQueued)
        #expect(try await withdrawals(fixture.database).map(\.state) == [.done, .pending])
    }

    @Test func aRequestNeverCancelsTheWithdrawalRow() async throws {
        let fixture = try await F.make()
        defer { Task { [fixture] in await fixture.remove() } }
        let requests = CustomerRequests(database: fixture.database)
        _ = try await requests.record(.unsubscribed, store: F.store, email: "bo@example.test", now: F.now)
        let forget = try await requests.record(.forgotten, store: F.store, email: "bo@example.test", now: F.now + 1)
        #expect(forget.cancelled == 0)
        #expect(try await withdrawals(fixture.database).map(\.state) == [.pending])
    }
}
