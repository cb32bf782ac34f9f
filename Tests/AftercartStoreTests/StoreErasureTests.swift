import AftercartModel
import AftercartStore
import Foundation
import Testing

/// A shop's erasure (`shop/redact`) on both backends: every row of that
/// store goes, the other store's stay.
@Suite("Store erasure")
struct StoreErasureTests {
    @Test("erasing a store deletes its records, checkpoints and tokens, and nothing of another store")
    func eraseOneStore() async throws {
        try await withStore { store in
            let erasing = try #require(store as? any StoreDataErasing)
            let tokens = try #require(store as? any AppCredentialStore)
            for shop in [Fixtures.tokyo, Fixtures.osaka] {
                _ = try await store.commitPage(
                    [Fixtures.order("1", store: shop), Fixtures.order("2", store: shop)],
                    checkpoint: Fixtures.checkpoint(store: shop, cursor: "p2"))
                try await tokens.saveAppCredential(AppCredentialStoreTests.pair(1, at: 0), store: shop)
            }
            let deleted = try await erasing.eraseStoreData(Fixtures.tokyo)
            #expect(deleted >= 4, "two orders, a checkpoint and a token")
            #expect(try await store.recordCount(store: Fixtures.tokyo, resource: .orders).live == 0)
            #expect(try await store.checkpoint(store: Fixtures.tokyo, resource: .orders) == nil)
            #expect(try await tokens.appCredential(store: Fixtures.tokyo) == nil)
            #expect(try await store.recordCount(store: Fixtures.osaka, resource: .orders).live == 2)
            #expect(try await store.checkpoint(store: Fixtures.osaka, resource: .orders) != nil)
            #expect(try await tokens.appCredential(store: Fixtures.osaka) != nil)
            #expect(try await erasing.eraseStoreData(Fixtures.tokyo) == 0)
        }
    }
}
