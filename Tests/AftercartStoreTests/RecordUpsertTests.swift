import AftercartModel
import AftercartStore
import Foundation
import Testing

@Suite("Record upserts")
struct RecordUpsertTests {
    @Test("re-applying the same page changes nothing: one row, same payload, no churn")
    func upsertTwice() async throws {
        try await withStore { store in
            let page = [Fixtures.order("1042"), Fixtures.order("1043")]
            let first = try await store.commitPage(page, checkpoint: Fixtures.checkpoint(cursor: "c1"))
            #expect(first.inserted == 2)
            let payloadBefore = try await payloads(store)
            let storedBefore = try #require(
                try await store.record(Order.self, store: Fixtures.tokyo, platformID: "1042"))

            let second = try await store.commitPage(
                page, checkpoint: Fixtures.checkpoint(cursor: "c1", at: Fixtures.at(600)))
            #expect(second.inserted == 0)
            #expect(second.updated == 0)
            #expect(second.unchanged == 2)

            let count = try await store.recordCount(store: Fixtures.tokyo, resource: .orders)
            #expect(count.total == 2)
            #expect(try await payloads(store) == payloadBefore)
            let storedAfter = try #require(
                try await store.record(Order.self, store: Fixtures.tokyo, platformID: "1042"))
            #expect(storedAfter == storedBefore)
            #expect(storedAfter.changedAt == Fixtures.t0)
            #expect(storedAfter.record == Fixtures.order("1042"))
        }
    }

    @Test("a changed record is updated in place and its change time moves")
    func changedRecordIsUpdated() async throws {
        try await withStore { store in
            _ = try await store.commitPage([Fixtures.order("1")], checkpoint: Fixtures.checkpoint(cursor: nil))
            let changed = Fixtures.order("1", status: .refunded, total: 0)
            let result = try await store.commitPage(
                [changed], checkpoint: Fixtures.checkpoint(cursor: nil, at: Fixtures.at(60)))
            #expect(result.updated == 1)
            let stored = try #require(try await store.record(Order.self, store: Fixtures.tokyo, platformID: "1"))
            #expect(stored.record == changed)
            #expect(stored.changedAt == Fixtures.at(60))
            #expect(try await store.recordCount(store: Fixtures.tokyo, resource: .orders).total == 1)
        }
    }

    @Test("within one page the last record with a key wins")
    func duplicateKeysInOnePage() async throws {
        try await withStore { store in
            let result = try await store.commitPage(
                [Fixtures.order("1"), Fixtures.order("1", status: .cancelled)],
                checkpoint: Fixtures.checkpoint(cursor: nil))
            #expect(result.inserted == 1)
            let stored = try #require(try await store.record(Order.self, store: Fixtures.tokyo, platformID: "1"))
            #expect(stored.record.status == .cancelled)
        }
    }

    @Test("every model type round-trips through its table")
    func everyTypeRoundTrips() async throws {
        try await withStore { store in
            let order = Fixtures.order("1")
            let customer = Fixtures.customer("77")
            let coupon = Fixtures.coupon("5")
            let loyalty = Fixtures.loyalty("77")
            let review = Fixtures.review("9", rating: 2)
            _ = try await store.commitPage([order], checkpoint: Fixtures.checkpoint(.orders, cursor: nil))
            _ = try await store.commitPage([customer], checkpoint: Fixtures.checkpoint(.customers, cursor: nil))
            _ = try await store.commitPage([coupon], checkpoint: Fixtures.checkpoint(.coupons, cursor: nil))
            _ = try await store.commitPage([loyalty], checkpoint: Fixtures.checkpoint(.loyalty, cursor: nil))
            _ = try await store.commitPage([review], checkpoint: Fixtures.checkpoint(.reviews, cursor: nil))

            #expect(try await store.record(Order.self, key: RecordKey(order))?.record == order)
            #expect(try await store.record(Customer.self, key: RecordKey(customer))?.record == customer)
            #expect(try await store.record(Coupon.self, key: RecordKey(coupon))?.record == coupon)
            #expect(try await store.record(LoyaltyAccount.self, key: RecordKey(loyalty))?.record == loyalty)
            #expect(try await store.record(Review.self, key: RecordKey(review))?.record == review)
            #expect(try await store.record(Order.self, store: Fixtures.tokyo, platformID: "nope") == nil)

            let counts = try await store.recordCounts()
            #expect(counts.map(\.resource) == [.orders, .customers, .coupons, .loyalty, .reviews])
            #expect(counts.allSatisfy { $0.total == 1 && $0.vanished == 0 })
        }
    }

    @Test("records of two stores with the same platform id don't collide")
    func twoStoresSameID() async throws {
        try await withStore { store in
            let tokyo = Fixtures.order("1001", store: Fixtures.tokyo, total: 100)
            let osaka = Fixtures.order("1001", store: Fixtures.osaka, total: 200)
            _ = try await store.commitPage([tokyo], checkpoint: Fixtures.checkpoint(store: Fixtures.tokyo, cursor: "t"))
            _ = try await store.commitPage([osaka], checkpoint: Fixtures.checkpoint(store: Fixtures.osaka, cursor: "o"))

            #expect(try await store.record(Order.self, store: Fixtures.tokyo, platformID: "1001")?.record == tokyo)
            #expect(try await store.record(Order.self, store: Fixtures.osaka, platformID: "1001")?.record == osaka)
            let counts = try await store.recordCounts()
            #expect(
                counts == [
                    RecordCount(store: Fixtures.osaka, resource: .orders, total: 1, vanished: 0),
                    RecordCount(store: Fixtures.tokyo, resource: .orders, total: 1, vanished: 0),
                ])
        }
    }

    @Test("pages committed concurrently for several stores all land")
    func concurrentCommits() async throws {
        try await withStore { store in
            let stores: [StoreID] = (0..<4).map { StoreID("store-\($0)") }
            try await withThrowingTaskGroup(of: Void.self) { group in
                for storeID in stores {
                    group.addTask {
                        for page in 0..<5 {
                            let orders = (0..<20).map { Fixtures.order("\(page)-\($0)", store: storeID) }
                            _ = try await store.commitPage(
                                orders, checkpoint: Fixtures.checkpoint(store: storeID, cursor: "\(page)"))
                        }
                    }
                }
                try await group.waitForAll()
            }
            for storeID in stores {
                #expect(try await store.recordCount(store: storeID, resource: .orders).total == 100)
                #expect(try await store.checkpoint(store: storeID, resource: .orders)?.cursor == "4")
            }
        }
    }

    private func payloads(_ store: any Persistence) async throws -> [String] {
        var result: [String] = []
        for try await payload in store.allPayloads(.orders) { result.append(payload.json) }
        return result
    }
}
