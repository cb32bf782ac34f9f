import AftercartModel
import AftercartStore
import Foundation
import Testing

/// `allRecords(_:store:createdSince:)`: what a tracking round reads, the
/// recent live orders of one store, without the rest of the store.
@Suite struct RecentRecordsTests {
    @Test func onlyLiveOrdersOfTheStoreCreatedSinceTheTimeAreRead() async throws {
        try await withStore { store in
            var orders: [Order] = []
            for (id, daysAgo) in [("1", 90), ("2", 30), ("3", 10), ("4", 1), ("5", 2)] {
                var order = Fixtures.order(id)
                order.createdAt = Fixtures.at(-86_400 * Double(daysAgo))
                orders.append(order)
            }
            _ = try await store.commitPage(orders, checkpoint: Fixtures.checkpoint(cursor: "c"))
            var other = Fixtures.order("9", store: "other-store")
            other.createdAt = Fixtures.at(-60)
            _ = try await store.commitPage([other], checkpoint: Fixtures.checkpoint(store: "other-store", cursor: "c"))
            try await store.markVanished(.orders, store: Fixtures.tokyo, platformIDs: ["5"], at: Fixtures.t0)

            var read: [String] = []
            // Pages of 1, so the key paging is exercised with the filter.
            for try await stored in store.allRecords(
                Order.self, store: Fixtures.tokyo, createdSince: Fixtures.at(-86_400 * 30), pageSize: 1)
            {
                read.append(stored.record.id)
            }
            #expect(read == ["2", "3", "4"])
        }
    }

    @Test func aResourceWithoutACreationTimeIsRefused() async throws {
        try await withStore { store in
            await #expect(throws: PersistenceError.self) {
                _ = try await store.recordPage(
                    LoyaltyAccount.self, store: Fixtures.tokyo, createdSince: Fixtures.t0, after: nil, limit: 10)
            }
        }
    }
}
