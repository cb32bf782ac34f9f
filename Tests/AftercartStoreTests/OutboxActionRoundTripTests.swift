import AftercartModel
import AftercartStore
import Foundation
import Testing

@Suite("Outbox actions")
struct OutboxActionRoundTripTests {
    /// The action column has no CHECK list, and a row is read back through
    /// ``OutboxAction``: every action, `withdraw_consent` included, must
    /// survive both databases.
    @Test("every action is stored and read back")
    func everyActionRoundTrips() async throws {
        try await withStore { store in
            let entries = OutboxAction.allCases.map { action in
                NewOutboxEntry(
                    idempotencyKey: "round-trip/\(action.rawValue)", store: Fixtures.tokyo,
                    campaign: "customer_request",
                    subjectKind: .customers, subjectID: "ann@example.test", action: action, payload: "{}",
                    notBefore: Fixtures.t0)
            }
            #expect(try await store.enqueue(entries, now: Fixtures.t0) == entries.map { _ in true })
            let stored = try await store.outboxPage(after: nil, limit: 100)
            #expect(stored.map(\.action) == OutboxAction.allCases)
            #expect(
                try await store.outboxEntry(idempotencyKey: "round-trip/withdraw_consent")?.action == .withdrawConsent)
        }
    }
}
