import AftercartModel
import AftercartStore
import Foundation
import Testing

/// Who holds outbox rows, and ending the leases of a worker known to be
/// dead so its rows are claimed at once (issue 18), on every backend.
@Suite("Outbox lease takeover")
struct OutboxLeaseTakeoverTests {
    @Test("outbox leases list each owner with its rows and expiries")
    func leasesByOwner() async throws {
        try await withStore { store in
            #expect(try await store.outboxLeases().isEmpty)
            _ = try await store.enqueue((1...5).map { Fixtures.outboxEntry("k\($0)") }, now: Fixtures.t0)
            _ = try await store.claimDue(owner: "host-a:7:x", limit: 2, leaseFor: 300, now: Fixtures.t0)
            _ = try await store.claimDue(owner: "host-a:7:x", limit: 1, leaseFor: 300, now: Fixtures.at(60))
            _ = try await store.claimDue(owner: "host-b:9:y", limit: 1, leaseFor: 30, now: Fixtures.t0)

            let leases = try await store.outboxLeases()
            #expect(leases.map(\.owner) == ["host-a:7:x", "host-b:9:y"])
            #expect(leases.map(\.rows) == [3, 1])
            #expect(leases[0].earliestExpiry == Fixtures.at(300))
            #expect(leases[0].latestExpiry == Fixtures.at(360))
            #expect(leases[1].isHeld(at: Fixtures.at(29)))
            #expect(!leases[1].isHeld(at: Fixtures.at(30)))
        }
    }

    @Test("ending a dead owner's leases lets the next claim take its rows at once, and no one else's")
    func deadOwnersRowsAreClaimedAtOnce() async throws {
        try await withStore { store in
            _ = try await store.enqueue((1...4).map { Fixtures.outboxEntry("k\($0)") }, now: Fixtures.t0)
            let dead = try await store.claimDue(owner: "dead", limit: 3, leaseFor: 300, now: Fixtures.t0)
            let live = try await store.claimDue(owner: "live", limit: 1, leaseFor: 300, now: Fixtures.t0)
            #expect(dead.count == 3 && live.count == 1)
            // The dead worker was mid-send on one row: that one must not be sent again.
            #expect(try await store.markSending(id: dead[0].entry.id, owner: "dead", now: Fixtures.at(1)))

            let now = Fixtures.at(10)
            #expect(try await store.claimDue(owner: "next", limit: 10, leaseFor: 300, now: now).isEmpty)
            #expect(try await store.expireOutboxLeases(owner: "dead", now: now) == 3)
            #expect(try await store.expireOutboxLeases(owner: "dead", now: now) == 0)

            let taken = try await store.claimDue(owner: "next", limit: 10, leaseFor: 300, now: now)
            #expect(Set(taken.map(\.entry.id)) == Set(dead.dropFirst().map(\.entry.id)))
            #expect(taken.allSatisfy { $0.expiredOwner == "dead" })
            let sending = try #require(try await store.outboxEntry(id: dead[0].entry.id))
            #expect(sending.state == .unknown)
            let other = try #require(try await store.outboxEntry(id: live[0].entry.id))
            #expect(other.state == .leased && other.leaseOwner == "live")
            #expect(other.leaseExpiresAt == Fixtures.at(300))
            #expect(try await store.outboxLeases().map(\.owner) == ["live", "next"])
        }
    }

    @Test("an owner names a process on a host as host:pid or host:pid:tag")
    func ownerNames() {
        #expect(LeaseOwner.processID(of: "box:4242", onHost: "box") == 4242)
        #expect(LeaseOwner.processID(of: "box:4242:1234abcd", onHost: "box") == 4242)
        // A numeric tag is not mistaken for the pid.
        #expect(LeaseOwner.processID(of: "box:4242:12345678", onHost: "box") == 4242)
        #expect(LeaseOwner.processID(of: "box:4242", onHost: "other") == nil)
        #expect(LeaseOwner.processID(of: "boxer:4242", onHost: "box") == nil)
        #expect(LeaseOwner.processID(of: "box:worker", onHost: "box") == nil)
        #expect(LeaseOwner.processID(of: "box:0", onHost: "box") == nil)
    }

    @Test("only a gone process on this host counts as dead")
    func liveness() {
        let host = ProcessInfo.processInfo.hostName
        let me = ProcessInfo.processInfo.processIdentifier
        #expect(LeaseOwner.isLocalProcessAlive("\(host):\(me):abcd"))
        // Above Linux's largest pid_max (2^22), so no process has it.
        #expect(!LeaseOwner.isLocalProcessAlive("\(host):2147483000:abcd"))
        #expect(LeaseOwner.isLocalProcessAlive("another-host.example:2147483000:abcd"))
        #expect(LeaseOwner.isLocalProcessAlive("worker-a"))
    }
}
