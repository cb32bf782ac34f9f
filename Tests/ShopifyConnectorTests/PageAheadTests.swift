import AftercartConnector
import AftercartModel
import Foundation
import MockStores
import ShopifyConnector
import Testing

/// With page concurrency above 1, a Shopify walk sends the next page's
/// request as soon as the current page's `Link` header is known, while the
/// current page is still being consumed.
@Suite struct PageAheadTests {
    @Test func theNextPageIsRequestedWhileThisOneIsConsumedAndThePagesAreTheSame() async throws {
        try await withShopifyMock(orders: 600) { harness in
            let path = harness.path("orders.json")
            let sequential = try await allPages(harness.connector.read(.orders, since: nil))
            let sequentialRequests = harness.mock.stats().count(path: path)
            #expect(sequentialRequests == 3)

            let pages = PagePrefetch.$concurrency.withValue(2) { harness.connector.read(.orders, since: nil) }
            var iterator = pages.makeAsyncIterator()
            let first = try #require(try await iterator.next())
            // Page 2 is on its way before anyone asked for it.
            var ahead = false
            for _ in 0..<2_000 where !ahead {
                ahead = harness.mock.stats().count(path: path) == sequentialRequests + 2
                if !ahead { try await Task.sleep(for: .milliseconds(10)) }
            }
            #expect(ahead, "page 2 was not requested ahead")
            var read = [first]
            while let page = try await iterator.next() { read.append(page) }

            #expect(read.map(\.orders.count) == sequential.map(\.orders.count))
            #expect(read.flatMap(\.orders).map(\.id) == sequential.flatMap(\.orders).map(\.id))
            // Tokens differ only in the emulator's key order inside page_info; the completed cursor is the same.
            #expect(read.map { $0.cursor.pageToken == nil } == sequential.map { $0.cursor.pageToken == nil })
            #expect(read.map(\.cursor.highWater) == sequential.map(\.cursor.highWater))
            #expect(read.last?.cursor == sequential.last?.cursor)
            // No page was fetched twice: three pages, three requests.
            #expect(harness.mock.stats().count(path: path) == 2 * sequentialRequests)
        }
    }

    @Test func aWalkAbandonedAfterItsFirstPageLeavesNothingRunning() async throws {
        try await withShopifyMock(orders: 600) { harness in
            let path = harness.path("orders.json")
            do {
                let pages = PagePrefetch.$concurrency.withValue(2) { harness.connector.read(.orders, since: nil) }
                var iterator = pages.makeAsyncIterator()
                _ = try await iterator.next()
            }
            try await Task.sleep(for: .milliseconds(300))
            // The first page and at most the one sent ahead; the walk went no further.
            #expect(harness.mock.stats().count(path: path) <= 2)
        }
    }
}
