import AftercartModel
import AftercartStore
import Testing

@Suite("A page is one transaction")
struct PageTransactionTests {
    @Test("a record refused mid-page leaves neither rows nor checkpoint")
    func failureMidPageOnEmptyDatabase() async throws {
        try await withStore { store throws in
            // The empty id breaks a CHECK constraint on the third row, after
            // two rows were already written inside the transaction.
            let page = [Fixtures.order("1"), Fixtures.order("2"), Fixtures.order(""), Fixtures.order("4")]
            let error = await #expect(throws: PersistenceError.self) {
                try await store.commitPage(page, checkpoint: Fixtures.checkpoint(cursor: "after-page-1"))
            }
            #expect(error?.kind == .invalidRecord)
            #expect(error?.description.contains("empty id") == true)
            #expect(try await store.recordCounts().isEmpty)
            #expect(try await store.checkpoint(store: Fixtures.tokyo, resource: .orders) == nil)
        }
    }

    @Test("a failed page keeps the previous page's rows and cursor exactly")
    func failureKeepsPreviousCheckpoint() async throws {
        try await withStore { store throws in
            let good = try await store.commitPage(
                [Fixtures.order("1")], checkpoint: Fixtures.checkpoint(cursor: "page-1"))
            let bad = [Fixtures.order("1", status: .refunded), Fixtures.order("2"), Fixtures.order("")]
            await #expect(throws: PersistenceError.self) {
                try await store.commitPage(bad, checkpoint: Fixtures.checkpoint(cursor: "page-2", at: Fixtures.at(60)))
            }
            #expect(try await store.checkpoint(store: Fixtures.tokyo, resource: .orders) == good.checkpoint)
            #expect(try await store.recordCount(store: Fixtures.tokyo, resource: .orders).total == 1)
            let stored = try #require(try await store.record(Order.self, store: Fixtures.tokyo, platformID: "1"))
            #expect(stored.record.status == .completed)
        }
    }

    @Test("records of another store or resource are refused before anything is written")
    func mismatchedPageIsRefused() async throws {
        try await withStore { store throws in
            let wrongStore = await #expect(throws: PersistenceError.self) {
                try await store.commitPage(
                    [Fixtures.order("1"), Fixtures.order("2", store: Fixtures.osaka)],
                    checkpoint: Fixtures.checkpoint(cursor: "x"))
            }
            #expect(wrongStore?.kind == .invalidArgument)
            let wrongResource = await #expect(throws: PersistenceError.self) {
                try await store.commitPage(
                    [Fixtures.order("1")], checkpoint: Fixtures.checkpoint(.reviews, cursor: "x"))
            }
            #expect(wrongResource?.kind == .invalidArgument)
            #expect(try await store.recordCounts().isEmpty)
            #expect(try await store.checkpoints().isEmpty)
        }
    }
}
