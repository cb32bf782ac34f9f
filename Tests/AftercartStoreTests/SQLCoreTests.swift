import AftercartModel
import AftercartStore
import Foundation
import Testing

/// Rules the one SQL core now enforces the same way on both databases.
@Suite("One SQL core over both databases")
struct SQLCoreTests {
    @Test("a sync page never overwrites a newer record with an older one, on either database")
    func aPageKeepsTheNewerRecord() async throws {
        try await withStore { store in
            var newer = Fixtures.order("1", status: .refunded)
            newer.updatedAt = Fixtures.at(-60)
            _ = try await store.commitPage([newer], checkpoint: Fixtures.checkpoint(cursor: "c1"))
            // A page read before the refund lands after it (a webhook applied it first).
            var older = Fixtures.order("1", status: .completed)
            older.updatedAt = Fixtures.at(-3_600)
            let result = try await store.commitPage(
                [older, Fixtures.order("2")], checkpoint: Fixtures.checkpoint(cursor: "c2", at: Fixtures.at(60)))
            #expect(result.inserted == 1)
            #expect(result.updated == 0)
            #expect(result.unchanged == 1)
            #expect(result.checkpoint.cursor == "c2")
            let stored = try #require(try await store.record(Order.self, store: Fixtures.tokyo, platformID: "1"))
            #expect(stored.record.status == .refunded)
            #expect(stored.changedAt == Fixtures.t0)
        }
    }

    @Test("a record with the same time but another payload is written: the newest arrival wins a tie")
    func aTieIsWritten() async throws {
        try await withStore { store in
            _ = try await store.commitPage([Fixtures.order("1")], checkpoint: Fixtures.checkpoint(cursor: nil))
            let result = try await store.commitPage(
                [Fixtures.order("1", status: .cancelled)], checkpoint: Fixtures.checkpoint(cursor: nil))
            #expect(result.updated == 1)
            #expect(
                try await store.record(Order.self, store: Fixtures.tokyo, platformID: "1")?.record.status == .cancelled)
        }
    }

    @Test("transactions cancelled mid-flight leave nothing behind and the database keeps taking writes")
    func cancelledTransactionsReleaseTheWriter() async throws {
        try await withStore { store in
            let tasks = (0..<24).map { index in
                Task {
                    try await store.commitPage(
                        (0..<50).map { Fixtures.order("\(index)-\($0)") },
                        checkpoint: Fixtures.checkpoint(store: Fixtures.tokyo, cursor: "p\(index)"))
                }
            }
            for (index, task) in tasks.enumerated() where index.isMultiple(of: 2) { task.cancel() }
            var committed = 0
            for task in tasks {
                if (try? await task.value) != nil { committed += 1 }
            }
            // Every page committed whole or not at all.
            let count = try await store.recordCount(store: Fixtures.tokyo, resource: .orders)
            #expect(count.total == committed * 50)
            #expect(committed >= 12)
            // The writer is free: a lease and a page still go through at once.
            #expect(try await store.acquireLease(name: "after", owner: "w", ttl: 60, now: Fixtures.t0))
            let last = try await store.commitPage(
                [Fixtures.order("last")], checkpoint: Fixtures.checkpoint(cursor: "end"))
            #expect(last.inserted == 1)
        }
    }

    @Test("an outbox row moves only along the allowed transitions, whoever asks")
    func outboxTransitionsAreEnforced() async throws {
        try await withStore { store in
            try await store.enqueue(Fixtures.outboxEntry("k1"), now: Fixtures.t0)
            let id = try #require(try await store.outboxEntry(idempotencyKey: "k1")?.id)
            // Pending: a worker can't complete it, an operator can't requeue it.
            #expect(try await !store.complete(id: id, owner: "w1", result: nil, now: Fixtures.t0))
            #expect(try await !store.requeue(id: id, at: Fixtures.t0, now: Fixtures.t0))
            let claim = try #require(
                try await store.claimDue(owner: "w1", limit: 1, leaseFor: 60, now: Fixtures.at(1)).first)
            // Leased: another worker and an operator's cancel are refused.
            #expect(try await !store.complete(id: claim.entry.id, owner: "w2", result: nil, now: Fixtures.at(2)))
            #expect(try await !store.cancel(id: claim.entry.id, now: Fixtures.at(2)))
            #expect(try await store.markUnknown(id: claim.entry.id, owner: "w1", error: "?", now: Fixtures.at(3)))
            // Unknown: only an operator moves it on.
            #expect(try await !store.fail(id: id, owner: "w1", error: "x", retryAt: nil, now: Fixtures.at(4)))
            #expect(try await store.requeue(id: id, at: Fixtures.at(5), now: Fixtures.at(4)))
            let row = try #require(try await store.outboxEntry(id: id))
            #expect(row.state == .pending)
            #expect(row.leaseOwner == nil)
            #expect(try await store.cancel(id: id, now: Fixtures.at(6)))
            #expect(try await !store.cancel(id: id, now: Fixtures.at(7)))
        }
    }
}
