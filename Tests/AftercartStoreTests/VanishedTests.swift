import AftercartModel
import AftercartStore
import Testing

@Suite("Records vanished upstream")
struct VanishedTests {
    @Test("marking keeps the row, is idempotent, and a record that comes back is revived")
    func markAndRevive() async throws {
        try await withStore { store in
            let reviews = ["1", "2", "3"].map { Fixtures.review($0) }
            _ = try await store.commitPage(reviews, checkpoint: Fixtures.checkpoint(.reviews, cursor: nil))

            let marked = try await store.markVanished(
                .reviews, store: Fixtures.tokyo, platformIDs: ["1", "2", "missing"], at: Fixtures.at(60))
            #expect(marked == 2)
            #expect(
                try await store.markVanished(
                    .reviews, store: Fixtures.tokyo, platformIDs: ["1"], at: Fixtures.at(120)) == 0)

            let count = try await store.recordCount(store: Fixtures.tokyo, resource: .reviews)
            #expect(count.total == 3)
            #expect(count.vanished == 2)
            #expect(count.live == 1)
            let gone = try #require(try await store.record(Review.self, store: Fixtures.tokyo, platformID: "1"))
            #expect(gone.vanishedAt == Fixtures.at(60))

            let live = try await store.recordPage(
                Review.self, store: Fixtures.tokyo, after: nil, limit: 10, includeVanished: false)
            #expect(live.items.map(\.key.platformID) == ["3"])

            let back = try await store.commitPage(
                [Fixtures.review("1")], checkpoint: Fixtures.checkpoint(.reviews, cursor: nil, at: Fixtures.at(180)))
            #expect(back.updated == 1)
            let revived = try #require(try await store.record(Review.self, store: Fixtures.tokyo, platformID: "1"))
            #expect(revived.vanishedAt == nil)
            #expect(try await store.recordCount(store: Fixtures.tokyo, resource: .reviews).vanished == 1)
        }
    }

    @Test("marking one store's record leaves another store's twin alone")
    func otherStoreUntouched() async throws {
        try await withStore { store in
            _ = try await store.commitPage(
                [Fixtures.customer("7", store: Fixtures.tokyo)],
                checkpoint: Fixtures.checkpoint(.customers, store: Fixtures.tokyo, cursor: nil))
            _ = try await store.commitPage(
                [Fixtures.customer("7", store: Fixtures.osaka)],
                checkpoint: Fixtures.checkpoint(.customers, store: Fixtures.osaka, cursor: nil))
            try await store.markVanished(.customers, store: Fixtures.osaka, platformIDs: ["7"], at: Fixtures.t0)
            #expect(try await store.record(Customer.self, store: Fixtures.tokyo, platformID: "7")?.vanishedAt == nil)
            #expect(try await store.record(Customer.self, store: Fixtures.osaka, platformID: "7")?.vanishedAt != nil)
        }
    }
}
