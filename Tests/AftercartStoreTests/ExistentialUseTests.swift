import AftercartModel
import AftercartStore
import Testing

/// The sync engine, planner, executor and CLI hold `any Persistence`, not
/// the SQLite type; this proves the whole flow works through the protocol.
@Suite("Use through the protocol")
struct ExistentialUseTests {
    @Test("a sync page, a lease, an outbox round and status reads through any Persistence")
    func throughTheProtocol() async throws {
        try await withStore { sqlite in
            let persistence: any Persistence = sqlite
            let lease = Lease.syncName(for: Fixtures.tokyo)
            #expect(try await persistence.acquireLease(name: lease, owner: "w", ttl: 60, now: Fixtures.t0))
            let result = try await persistence.commitPage(
                [Fixtures.customer("1"), Fixtures.customer("2")],
                checkpoint: Fixtures.checkpoint(.customers, cursor: "c", completesRun: true))
            #expect(result.inserted == 2)
            try await persistence.releaseLease(name: lease, owner: "w")

            try await persistence.enqueue(
                NewOutboxEntry(
                    idempotencyKey: "welcome:tokyo-woo:1:1", store: Fixtures.tokyo, campaign: "welcome",
                    subjectKind: .customers, subjectID: "1", action: .tagCustomer, payload: "{}",
                    notBefore: Fixtures.t0),
                now: Fixtures.t0)
            let claims = try await persistence.claimDue(owner: "w", limit: 5, leaseFor: 60, now: Fixtures.t0)
            try await persistence.complete(
                id: try #require(claims.first).entry.id, owner: "w", result: "ok", now: Fixtures.t0)

            var emails: [String] = []
            for try await stored in persistence.allRecords(Customer.self, store: Fixtures.tokyo, pageSize: 1) {
                emails.append(stored.record.email)
            }
            #expect(emails == ["Customer1@Example.com", "Customer2@Example.com"])
            #expect(try await persistence.checkpoints().first?.lastCompletedAt == Fixtures.t0)
            #expect(try await persistence.outboxCounts()[.done] == 1)
            #expect(try await persistence.schemaStatus().isCurrent)
            if persistence is PostgresPersistence {
                #expect(persistence.location.hasPrefix("postgres://"))
                let password = try TestPostgres.configuration().password ?? "no password"
                #expect(!persistence.location.contains(password))
            } else {
                #expect(persistence.location.hasSuffix("aftercart.sqlite"))
            }
        }
    }
}
