import AftercartModel
import AftercartStore
import Foundation
import Testing

@Suite("Outbox")
struct OutboxTests {
    private func entry(_ key: String, notBefore: Date = Fixtures.t0, action: OutboxAction = .sendEmail)
        -> NewOutboxEntry
    {
        NewOutboxEntry(
            idempotencyKey: key, store: Fixtures.tokyo, campaign: "review-request", subjectKind: .orders,
            subjectID: "1042", action: action, payload: #"{"template":"review-request"}"#, notBefore: notBefore)
    }

    @Test("enqueue is idempotent on the key, across calls and within a batch")
    func enqueueIsIdempotent() async throws {
        try await withStore { store in
            #expect(try await store.enqueue(entry("review-request:tokyo-woo:1042:1"), now: Fixtures.t0))
            #expect(try await !store.enqueue(entry("review-request:tokyo-woo:1042:1"), now: Fixtures.at(60)))
            let batch = try await store.enqueue(
                [entry("k2"), entry("k2"), entry("review-request:tokyo-woo:1042:1")], now: Fixtures.at(60))
            #expect(batch == [true, false, false])

            let counts = try await store.outboxCounts()
            #expect(counts[.pending] == 2)
            #expect(counts.count == OutboxState.allCases.count)
            let stored = try #require(try await store.outboxEntry(idempotencyKey: "review-request:tokyo-woo:1042:1"))
            #expect(stored.createdAt == Fixtures.t0)
            #expect(stored.state == .pending)
            #expect(stored.attempts == 0)
            #expect(stored.payload == #"{"template":"review-request"}"#)
        }
    }

    @Test("a done key is never planned again")
    func doneKeyStaysDone() async throws {
        try await withStore { store in
            try await store.enqueue(entry("k"), now: Fixtures.t0)
            let claim = try #require(
                try await store.claimDue(owner: "w", limit: 1, leaseFor: 60, now: Fixtures.t0).first)
            #expect(try await store.complete(id: claim.entry.id, owner: "w", result: "msg-1", now: Fixtures.at(1)))
            #expect(try await !store.enqueue(entry("k"), now: Fixtures.at(2)))
            let done = try #require(try await store.outboxEntry(id: claim.entry.id))
            #expect(done.state == .done)
            #expect(done.result == "msg-1")
            #expect(done.leaseOwner == nil)
        }
    }

    @Test("claim takes only due pending rows, oldest first")
    func claimRespectsNotBefore() async throws {
        try await withStore { store in
            try await store.enqueue(entry("later", notBefore: Fixtures.at(3_600)), now: Fixtures.t0)
            try await store.enqueue(entry("now", notBefore: Fixtures.t0), now: Fixtures.t0)
            try await store.enqueue(entry("earlier", notBefore: Fixtures.at(-60)), now: Fixtures.t0)

            let claims = try await store.claimDue(owner: "w1", limit: 10, leaseFor: 7_200, now: Fixtures.t0)
            #expect(claims.map(\.entry.idempotencyKey) == ["earlier", "now"])
            #expect(claims.allSatisfy { $0.entry.state == .leased && $0.entry.leaseOwner == "w1" && !$0.isTakeover })
            #expect(claims.allSatisfy { $0.entry.attempts == 1 && $0.entry.leaseExpiresAt == Fixtures.at(7_200) })

            #expect(try await store.claimDue(owner: "w2", limit: 10, leaseFor: 300, now: Fixtures.at(3_599)).isEmpty)
            let later = try await store.claimDue(owner: "w2", limit: 10, leaseFor: 300, now: Fixtures.at(3_600))
            #expect(later.map(\.entry.idempotencyKey) == ["later"])
        }
    }

    @Test("claim honours its limit")
    func claimLimit() async throws {
        try await withStore { store in
            _ = try await store.enqueue((1...5).map { entry("k\($0)") }, now: Fixtures.t0)
            #expect(try await store.claimDue(owner: "w", limit: 2, leaseFor: 60, now: Fixtures.t0).count == 2)
            #expect(try await store.claimDue(owner: "w", limit: 10, leaseFor: 60, now: Fixtures.t0).count == 3)
        }
    }

    @Test("a live lease can't be claimed; an expired one is taken over and the old owner can't finish")
    func expiredLeaseIsReclaimed() async throws {
        try await withStore { store in
            try await store.enqueue(entry("k"), now: Fixtures.t0)
            let first = try await store.claimDue(owner: "w1", limit: 10, leaseFor: 30, now: Fixtures.t0)
            #expect(first.count == 1)
            #expect(try await store.claimDue(owner: "w2", limit: 10, leaseFor: 30, now: Fixtures.at(29)).isEmpty)

            let takeover = try await store.claimDue(owner: "w2", limit: 10, leaseFor: 30, now: Fixtures.at(30))
            let claim = try #require(takeover.first)
            #expect(claim.expiredOwner == "w1")
            #expect(claim.entry.leaseOwner == "w2")
            #expect(claim.entry.attempts == 2)

            #expect(try await !store.complete(id: claim.entry.id, owner: "w1", result: nil, now: Fixtures.at(31)))
            #expect(try await !store.markUnknown(id: claim.entry.id, owner: "w1", error: "late", now: Fixtures.at(31)))
            #expect(
                try await store.markUnknown(
                    id: claim.entry.id, owner: "w2", error: "SMTP connection dropped after DATA", now: Fixtures.at(32)))
            let unknown = try #require(try await store.outboxEntry(id: claim.entry.id))
            #expect(unknown.state == .unknown)
            #expect(unknown.lastError == "SMTP connection dropped after DATA")
            #expect(try await store.outboxEntries(in: .unknown, limit: 10).map(\.id) == [claim.entry.id])
            #expect(try await store.outboxCounts()[.unknown] == 1)
            // Unknown is never retried by itself.
            #expect(try await store.claimDue(owner: "w3", limit: 10, leaseFor: 30, now: Fixtures.at(10_000)).isEmpty)
        }
    }

    @Test("fail reschedules or gives up; operators requeue and cancel")
    func failRequeueCancel() async throws {
        try await withStore { store in
            try await store.enqueue(entry("k"), now: Fixtures.t0)
            let id = try #require(try await store.claimDue(owner: "w", limit: 1, leaseFor: 60, now: Fixtures.t0).first)
                .entry.id
            #expect(
                try await store.fail(id: id, owner: "w", error: "429", retryAt: Fixtures.at(600), now: Fixtures.at(1)))
            let retry = try #require(try await store.outboxEntry(id: id))
            #expect(retry.state == .pending)
            #expect(retry.notBefore == Fixtures.at(600))
            #expect(retry.lastError == "429")
            #expect(try await store.claimDue(owner: "w", limit: 1, leaseFor: 60, now: Fixtures.at(599)).isEmpty)

            #expect(try await store.claimDue(owner: "w", limit: 1, leaseFor: 60, now: Fixtures.at(600)).count == 1)
            #expect(
                try await store.fail(id: id, owner: "w", error: "403 forbidden", retryAt: nil, now: Fixtures.at(601)))
            #expect(try await store.outboxEntry(id: id)?.state == .failed)
            #expect(try await store.outboxCounts()[.failed] == 1)

            #expect(try await store.requeue(id: id, at: Fixtures.at(700), now: Fixtures.at(650)))
            #expect(try await store.outboxEntry(id: id)?.state == .pending)
            #expect(try await store.cancel(id: id, now: Fixtures.at(660)))
            #expect(try await store.outboxEntry(id: id)?.state == .cancelled)
            #expect(try await !store.requeue(id: id, at: Fixtures.at(700), now: Fixtures.at(670)))
            #expect(try await store.claimDue(owner: "w", limit: 1, leaseFor: 60, now: Fixtures.at(10_000)).isEmpty)
        }
    }

    @Test("export lists every row once in id order")
    func exportPages() async throws {
        try await withStore { store in
            _ = try await store.enqueue((1...7).map { entry("k\($0)") }, now: Fixtures.t0)
            var keys: [String] = []
            for try await entry in store.allOutboxEntries(pageSize: 3) { keys.append(entry.idempotencyKey) }
            #expect(keys == (1...7).map { "k\($0)" })
        }
    }

    @Test("renewing a batch extends the live leases; a row taken over meanwhile is not renewed")
    func renewClaims() async throws {
        try await withStore { store in
            for key in ["a", "b", "c"] { try await store.enqueue(entry(key), now: Fixtures.t0) }
            let claims = try await store.claimDue(owner: "w1", limit: 2, leaseFor: 60, now: Fixtures.t0)
            let ids = claims.map(\.entry.id)
            #expect(ids.count == 2)

            // Within the lease: both renewed to now + 60 s.
            let held = try await store.renewClaims(ids: ids, owner: "w1", leaseFor: 60, now: Fixtures.at(30))
            #expect(held == Set(ids))
            for id in ids {
                #expect(try await store.outboxEntry(id: id)?.leaseExpiresAt == Fixtures.at(90))
            }
            // Another owner renews nothing; nor does anyone for a pending row.
            let pending = try #require(try await store.outboxEntry(idempotencyKey: "c"))
            #expect(
                try await store.renewClaims(ids: ids + [pending.id], owner: "w2", leaseFor: 60, now: Fixtures.at(31))
                    .isEmpty)
            #expect(
                try await store.renewClaims(ids: [pending.id], owner: "w1", leaseFor: 60, now: Fixtures.at(31)).isEmpty)

            // After the lease ran out and w2 took the rows: w1 holds nothing, w2 keeps them.
            let takeover = try await store.claimDue(owner: "w2", limit: 3, leaseFor: 60, now: Fixtures.at(100))
            #expect(Set(takeover.map(\.entry.id)).isSuperset(of: ids))
            #expect(try await store.renewClaims(ids: ids, owner: "w1", leaseFor: 60, now: Fixtures.at(101)).isEmpty)
            #expect(try await store.renewClaims(ids: ids, owner: "w2", leaseFor: 60, now: Fixtures.at(101)) == Set(ids))
            #expect(try await store.renewClaims(ids: [], owner: "w2", leaseFor: 60, now: Fixtures.at(101)).isEmpty)
        }
    }
}
