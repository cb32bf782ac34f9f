import AftercartConnector
import AftercartModel
import MockStores
import ShopifyConnector
import Testing

/// Pacing against a tiny REST bucket: the client learns the bucket from
/// `X-Shopify-Shop-Api-Call-Limit` and never overflows it. How close a sync
/// gets to the bucket's floor is measured in `Benchmarks/shopify-rate-limit.sh`,
/// not asserted here.
@Suite struct RateLimitTests {
    @Test func tenPagesThroughABucketOfFourSeeNo429() async throws {
        // The store's bucket holds 4 calls and leaks 8/s (a standard plan's 2/s scaled up
        // so the test is quick); the client believes the standard 40 until told otherwise.
        try await withShopifyMock(
            orders: 250, bucketSize: 4, leakRate: 8,
            values: ["page_size": "25", "bucket_size": "40", "leak_rate": "8"]
        ) { harness in
            let pages = try await allPages(harness.connector.read(.orders, since: nil))
            #expect(pages.count == 10)
            let orders = pages.flatMap(\.orders)
            #expect(orders.count == 250)
            #expect(Set(orders.map(\.id)).count == 250)
            let stats = harness.mock.stats()
            #expect(stats.count(status: 429) == 0)
            // The scopes once, then one request per page.
            #expect(stats.total == 11)
        }
    }
}
