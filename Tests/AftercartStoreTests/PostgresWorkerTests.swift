import AftercartModel
import AftercartStore
import Foundation
import Testing

/// Several workers (each its own ``PostgresPersistence`` with its own pool,
/// as separate processes would have) sharing one PostgreSQL schema.
@Suite(
    "PostgreSQL workers share the work", .enabled(if: TestPostgres.url != nil, "AFTERCART_TEST_POSTGRES_URL is unset"))
struct PostgresWorkerTests {
    /// Opens `count` workers on one fresh schema and closes them afterwards.
    private func withWorkers(_ count: Int, _ body: ([PostgresPersistence]) async throws -> Void) async throws {
        try await TestPostgres.withSchema { schema in
            var workers: [PostgresPersistence] = []
            do {
                for _ in 0..<count { workers.append(try await TestPostgres.open(schema: schema)) }
                try await body(workers)
                for worker in workers { try await worker.close() }
            } catch {
                for worker in workers { try? await worker.close() }
                throw error
            }
        }
    }

    @Test("concurrent claimers never get the same outbox row, and together get every row once")
    func skipLockedClaims() async throws {
        try await withWorkers(3) { workers throws in
            let keys = (1...300).map { "k\($0)" }
            _ = try await workers[0].enqueue(keys.map { Fixtures.outboxEntry($0) }, now: Fixtures.t0)
            let perWorker = try await withThrowingTaskGroup(of: [Int64].self) { group in
                for (index, worker) in workers.enumerated() {
                    group.addTask {
                        var claimed: [Int64] = []
                        while true {
                            let claims = try await worker.claimDue(
                                owner: "worker-\(index)", limit: 7, leaseFor: 600, now: Fixtures.at(1))
                            if claims.isEmpty { return claimed }
                            #expect(claims.allSatisfy { $0.entry.leaseOwner == "worker-\(index)" && !$0.isTakeover })
                            claimed += claims.map(\.entry.id)
                        }
                    }
                }
                return try await group.reduce(into: [[Int64]]()) { $0.append($1) }
            }
            let all = perWorker.flatMap { $0 }
            #expect(all.count == 300)
            #expect(Set(all).count == 300)
            #expect(try await workers[1].outboxCounts()[.leased] == 300)
            var attempts: Set<Int> = []
            for try await entry in workers[2].allOutboxEntries(pageSize: 100) { attempts.insert(entry.attempts) }
            #expect(attempts == [1])
        }
    }

    @Test("a dead worker's outbox lease expires and another worker takes the row over")
    func expiredOutboxLeaseIsTakenOver() async throws {
        try await withWorkers(2) { workers throws in
            let (dead, alive) = (workers[0], workers[1])
            try await dead.enqueue(Fixtures.outboxEntry("k"), now: Fixtures.t0)
            let first = try #require(
                try await dead.claimDue(owner: "dead", limit: 1, leaseFor: 60, now: Fixtures.t0).first)
            #expect(try await alive.claimDue(owner: "alive", limit: 1, leaseFor: 60, now: Fixtures.at(59)).isEmpty)

            let takeover = try #require(
                try await alive.claimDue(owner: "alive", limit: 1, leaseFor: 60, now: Fixtures.at(60)).first)
            #expect(takeover.entry.id == first.entry.id)
            #expect(takeover.expiredOwner == "dead")
            #expect(takeover.entry.attempts == 2)
            #expect(try await !dead.complete(id: first.entry.id, owner: "dead", result: "late", now: Fixtures.at(61)))
            #expect(try await alive.complete(id: first.entry.id, owner: "alive", result: "ok", now: Fixtures.at(62)))
            #expect(try await dead.outboxEntry(id: first.entry.id)?.result == "ok")
        }
    }

    @Test("a row marked sending whose worker died becomes unknown, never claimed again")
    func interruptedSendBecomesUnknown() async throws {
        try await withWorkers(2) { workers throws in
            let (dead, alive) = (workers[0], workers[1])
            try await dead.enqueue(Fixtures.outboxEntry("mail"), now: Fixtures.t0)
            let claim = try #require(
                try await dead.claimDue(owner: "dead", limit: 1, leaseFor: 60, now: Fixtures.t0).first)
            #expect(try await dead.markSending(id: claim.entry.id, owner: "dead", now: Fixtures.at(1)))
            #expect(try await !alive.markSending(id: claim.entry.id, owner: "alive", now: Fixtures.at(2)))

            #expect(try await alive.claimDue(owner: "alive", limit: 5, leaseFor: 60, now: Fixtures.at(120)).isEmpty)
            let entry = try #require(try await alive.outboxEntry(id: claim.entry.id))
            #expect(entry.state == .unknown)
            #expect(entry.leaseOwner == nil)
            #expect(entry.lastError?.contains("2026-10-26T") == true)
            #expect(try await alive.expireInterruptedSends(now: Fixtures.at(200)).isEmpty)
        }
    }

    @Test("claims can be restricted to some stores")
    func claimByStore() async throws {
        try await withWorkers(1) { workers throws in
            let store = workers[0]
            _ = try await store.enqueue(
                [Fixtures.outboxEntry("t1"), Fixtures.outboxEntry("o1", store: Fixtures.osaka)], now: Fixtures.t0)
            #expect(
                try await store.claimDue(owner: "w", limit: 5, leaseFor: 60, now: Fixtures.t0, stores: []).isEmpty)
            let osaka = try await store.claimDue(
                owner: "w", limit: 5, leaseFor: 60, now: Fixtures.t0, stores: [Fixtures.osaka])
            #expect(osaka.map(\.entry.idempotencyKey) == ["o1"])
        }
    }

    @Test("a dead worker's store lease expires and another worker takes the store over")
    func expiredStoreLeaseIsTakenOver() async throws {
        try await withWorkers(2) { workers throws in
            let (dead, alive) = (workers[0], workers[1])
            let name = Lease.syncName(for: Fixtures.tokyo)
            #expect(try await dead.acquireLease(name: name, owner: "dead", ttl: 30, now: Fixtures.t0))
            #expect(try await !alive.acquireLease(name: name, owner: "alive", ttl: 30, now: Fixtures.at(29)))
            #expect(try await alive.acquireLease(name: name, owner: "alive", ttl: 30, now: Fixtures.at(30)))
            #expect(try await !dead.renewLease(name: name, owner: "dead", ttl: 30, now: Fixtures.at(31)))
            #expect(
                try await dead.leases() == [
                    Lease(name: name, owner: "alive", acquiredAt: Fixtures.at(30), expiresAt: Fixtures.at(60))
                ])
        }
    }

    @Test("workers racing for the same store leases: each lease has exactly one winner")
    func leaseRace() async throws {
        try await withWorkers(3) { workers throws in
            let stores = (0..<20).map { StoreID("store-\($0)") }
            let winners = try await withThrowingTaskGroup(of: (String, String).self) { group in
                for (index, worker) in workers.enumerated() {
                    for store in stores {
                        group.addTask {
                            let won = try await worker.acquireLease(
                                name: Lease.syncName(for: store), owner: "w\(index)", ttl: 60, now: Fixtures.t0)
                            return (won ? "w\(index)" : "", Lease.syncName(for: store))
                        }
                    }
                }
                return try await group.reduce(into: [String: [String]]()) { result, pair in
                    if !pair.0.isEmpty { result[pair.1, default: []].append(pair.0) }
                }
            }
            #expect(winners.count == 20)
            #expect(winners.values.allSatisfy { $0.count == 1 })
            let leases = try await workers[0].leases()
            #expect(Dictionary(uniqueKeysWithValues: leases.map { ($0.name, [$0.owner]) }) == winners)
        }
    }
}
