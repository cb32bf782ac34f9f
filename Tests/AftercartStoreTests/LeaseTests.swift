import AftercartModel
import AftercartStore
import Testing

@Suite("Store leases")
struct LeaseTests {
    @Test("a second owner is refused until the lease expires, then takes it")
    func secondOwnerWaitsForExpiry() async throws {
        try await withStore { store throws in
            let name = Lease.syncName(for: Fixtures.tokyo)
            #expect(try await store.acquireLease(name: name, owner: "worker-a", ttl: 60, now: Fixtures.t0))
            #expect(try await !store.acquireLease(name: name, owner: "worker-b", ttl: 60, now: Fixtures.at(30)))
            #expect(try await !store.acquireLease(name: name, owner: "worker-b", ttl: 60, now: Fixtures.at(59)))
            #expect(try await store.acquireLease(name: name, owner: "worker-b", ttl: 60, now: Fixtures.at(60)))

            #expect(try await !store.renewLease(name: name, owner: "worker-a", ttl: 60, now: Fixtures.at(61)))
            #expect(try await !store.releaseLease(name: name, owner: "worker-a"))
            let leases = try await store.leases()
            #expect(
                leases == [
                    Lease(name: name, owner: "worker-b", acquiredAt: Fixtures.at(60), expiresAt: Fixtures.at(120))
                ])
        }
    }

    @Test("the holder renews and re-acquires; release frees the lease at once")
    func renewAndRelease() async throws {
        try await withStore { store throws in
            let name = Lease.syncName(for: Fixtures.osaka)
            #expect(try await store.acquireLease(name: name, owner: "a", ttl: 60, now: Fixtures.t0))
            #expect(try await store.renewLease(name: name, owner: "a", ttl: 60, now: Fixtures.at(50)))
            #expect(try await !store.acquireLease(name: name, owner: "b", ttl: 60, now: Fixtures.at(100)))
            #expect(try await store.acquireLease(name: name, owner: "a", ttl: 60, now: Fixtures.at(100)))
            let lease = try #require(try await store.leases().first)
            #expect(lease.acquiredAt == Fixtures.t0)
            #expect(lease.expiresAt == Fixtures.at(160))
            #expect(lease.isHeld(at: Fixtures.at(159)))

            #expect(try await store.releaseLease(name: name, owner: "a"))
            #expect(try await store.acquireLease(name: name, owner: "b", ttl: 60, now: Fixtures.at(101)))
        }
    }

    @Test("leases of different stores are independent")
    func independentNames() async throws {
        try await withStore { store throws in
            #expect(
                try await store.acquireLease(
                    name: Lease.syncName(for: Fixtures.tokyo), owner: "a", ttl: 60, now: Fixtures.t0))
            #expect(
                try await store.acquireLease(
                    name: Lease.syncName(for: Fixtures.osaka), owner: "b", ttl: 60, now: Fixtures.t0))
        }
    }

    @Test("two processes' connections to one file see one lease holder")
    func twoConnectionsOneFile() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory.path("shared.sqlite")
            let first = try await SQLitePersistence.open(path: path)
            let second = try await SQLitePersistence.open(path: path)
            let name = Lease.syncName(for: Fixtures.tokyo)
            async let a = first.acquireLease(name: name, owner: "a", ttl: 60, now: Fixtures.t0)
            async let b = second.acquireLease(name: name, owner: "b", ttl: 60, now: Fixtures.t0)
            let winners = try await [a, b].filter { $0 }
            #expect(winners.count == 1)
            #expect(try await first.leases() == second.leases())
            try await first.close()
            try await second.close()
        }
    }
}
