import AftercartConnector
import AftercartModel
import Foundation
import MockStores
import ShopifyConnector
import Testing

/// The adapter against the Shopify emulator over HTTP on 127.0.0.1.
@Suite struct MockStoreReadTests {
    @Test func checkReportsTheShop() async throws {
        try await withShopifyMock { harness in
            let facts = try await harness.connector.check()
            #expect(facts.currency?.code == harness.mock.currency)
            #expect(facts.timeZoneIdentifier == harness.mock.timeZone)
            #expect(facts.platformVersion?.contains(harness.mock.credentials.apiVersion) == true)
            #expect(facts.platformVersion?.contains("plan") == true)
            #expect(!facts.name.isEmpty)
        }
    }

    @Test func wrongTokenIsUnauthorizedWithoutRetryOrLeak() async throws {
        try await withShopifyMock(token: "shpat_wrong_token_0000") { harness in
            do {
                _ = try await harness.connector.check()
                Issue.record("expected unauthorized")
            } catch let error as ConnectorError {
                guard case .unauthorized(let context) = error else {
                    Issue.record("expected unauthorized, got \(error)")
                    return
                }
                #expect(context.store == "test-shopify")
                #expect(context.attempts == 1)
                let line = String(describing: error)
                #expect(line.contains("access token rejected"))
                #expect(!line.contains("shpat_wrong_token_0000"))
                #expect(!error.debugDetails.contains("shpat_wrong_token_0000"))
            }
            #expect(harness.mock.stats().total == 1)
        }
    }

    @Test func readsEveryOrderExactlyOnceIncludingClosedOnes() async throws {
        try await withShopifyMock(orders: 600) { harness in
            let pages = try await allPages(harness.connector.read(.orders, since: nil))
            let orders = pages.flatMap(\.orders)
            #expect(pages.count == 3)
            #expect(orders.count == 600)
            #expect(Set(orders.map(\.id)).count == 600)
            // status=any: archived (delivered) and cancelled orders are there too.
            #expect(orders.contains { $0.status == .cancelled })
            #expect(orders.contains { $0.shipmentStatus == .delivered && $0.deliveredAt != nil })
            #expect(orders.contains { $0.customer.id == nil && $0.customer.email != nil })
            // Walk cursors: continuation tokens carry only limit and page_info.
            for page in pages.dropLast() {
                let token = try #require(page.cursor.pageToken)
                let query = try #require(token.split(separator: "?").last)
                #expect(
                    query.split(separator: "&").map { $0.split(separator: "=")[0] }.sorted() == ["limit", "page_info"])
                #expect(page.progress.hasMore)
            }
            let last = try #require(pages.last?.cursor)
            #expect(last.pageToken == nil)
            #expect(last.highWater == nil)
            #expect(last.updatedAfter == orders.compactMap(\.updatedAt).max())
            #expect(harness.mock.stats().count(status: 400) == 0)
        }
    }

    @Test func resumesFromAStoredPageToken() async throws {
        try await withShopifyMock(orders: 600) { harness in
            var iterator = harness.connector.read(.orders, since: nil).makeAsyncIterator()
            let first = try #require(try await iterator.next())
            let stored = try SyncCursor(jsonString: try first.cursor.jsonString())
            let rest = try await allPages(harness.connector.read(.orders, since: stored)).flatMap(\.orders)
            let all = first.orders + rest
            #expect(all.count == 600)
            #expect(Set(all.map(\.id)).count == 600)
        }
    }

    @Test func incrementalReadReturnsTheChangedOrders() async throws {
        try await withShopifyMock(orders: 300) { harness in
            let full = try await allPages(harness.connector.read(.orders, since: nil))
            let cursor = try #require(full.last?.cursor)
            let advanced = harness.mock.advance(orders: 5)
            #expect(!advanced.changedOrderIDs.isEmpty)
            let changed = try await allPages(harness.connector.read(.orders, since: cursor)).flatMap(\.orders)
            let ids = Set(changed.map(\.id))
            #expect(Set(advanced.changedOrderIDs.map(String.init)).isSubset(of: ids))
            #expect(changed.count < 300)
            let query = harness.mock.stats().byPath.keys.filter { $0.hasSuffix("orders.json") }
            #expect(!query.isEmpty)
        }
    }

    @Test func smallBucketCompletesWithinTheRateLimit() async throws {
        // The store's bucket holds 3 calls and leaks 20/s; the client starts
        // believing in 40 and must learn from X-Shopify-Shop-Api-Call-Limit.
        try await withShopifyMock(
            orders: 200, bucketSize: 3, leakRate: 20,
            values: ["page_size": "10", "leak_rate": "10", "bucket_size": "40"]
        ) { harness in
            let orders = try await allPages(harness.connector.read(.orders, since: nil)).flatMap(\.orders)
            #expect(orders.count == 200)
            #expect(Set(orders.map(\.id)).count == 200)
            let stats = harness.mock.stats()
            let ok = stats.count(status: 200)
            #expect(ok == 21)  // the granted scopes, then 20 pages
            // Any 429 was retried: every page arrived, and the store refused
            // only while the client was still learning the bucket.
            #expect(stats.count(status: 429) <= 10)
        }
    }

    @Test func customersCouponsAndLoyalty() async throws {
        try await withShopifyMock(
            orders: 80,
            values: [
                "loyalty.source": "shopify_metafield", "loyalty.namespace": "aftercart", "loyalty.key": "points",
                "loyalty.tier_key": "tier", "loyalty.expiry_key": "points_expires_at",
                "loyalty.expiring_key": "points_expiring",
            ]
        ) { harness in
            let customers = try await allPages(harness.connector.read(.customers, since: nil)).flatMap {
                page -> [Customer] in
                if case .customers(let records) = page.records { return records }
                return []
            }
            #expect(customers.count == harness.mock.counts.customers)
            #expect(customers.contains { $0.acceptsMarketing == true })
            #expect(customers.contains { $0.acceptsMarketing == false })
            #expect(customers.allSatisfy { $0.totalSpent?.currency.code == harness.mock.currency })

            let coupons = try await allPages(harness.connector.read(.coupons, since: nil)).flatMap { page -> [Coupon] in
                if case .coupons(let records) = page.records { return records }
                return []
            }
            #expect(!coupons.isEmpty)
            #expect(coupons.allSatisfy { $0.amount > 0 })
            #expect(coupons.filter { $0.kind != .percent }.allSatisfy { $0.currency?.code == harness.mock.currency })

            let accounts = try await allPages(harness.connector.read(.loyalty, since: nil)).flatMap {
                page -> [LoyaltyAccount] in
                if case .loyalty(let records) = page.records { return records }
                return []
            }
            #expect(accounts.count == customers.count)
            #expect(accounts.allSatisfy { $0.source == "shopify_metafield" && $0.tier != nil && $0.expiresAt != nil })
        }
    }

    @Test func reviewsAreUnsupported() async throws {
        try await withShopifyMock { harness in
            #expect(!harness.connector.capabilities.readable.contains(.reviews))
            do {
                _ = try await allPages(harness.connector.read(.reviews, since: nil))
                Issue.record("expected unsupported")
            } catch let error as ConnectorError {
                guard case .unsupported(let operation, let context) = error else {
                    Issue.record("expected unsupported, got \(error)")
                    return
                }
                #expect(operation.contains("reviews"))
                #expect(context.resource == "reviews")
            }
            #expect(harness.mock.stats().total == 0)
        }
    }

    @Test func corruptPageIsADecodingErrorWithStoreAndURL() async throws {
        // Request 1 asks for the granted scopes; request 2 is the first page.
        let faults = try MockFaultPlan(spec: "badjson@2")
        try await withShopifyMock(faults: faults) { harness in
            do {
                _ = try await allPages(harness.connector.read(.orders, since: nil))
                Issue.record("expected a decoding error")
            } catch let error as ConnectorError {
                guard case .decoding(_, _, let context) = error else {
                    Issue.record("expected decoding, got \(error)")
                    return
                }
                #expect(context.store == "test-shopify")
                #expect(context.resource == "orders")
                #expect(context.url?.contains("orders.json") == true)
            }
        }
    }

    @Test func forbiddenNamesTheScope() async throws {
        let faults = try MockFaultPlan(spec: "403@2")
        try await withShopifyMock(faults: faults) { harness in
            do {
                _ = try await allPages(harness.connector.read(.customers, since: nil))
                Issue.record("expected forbidden")
            } catch let error as ConnectorError {
                #expect(error.status == 403)
                #expect(String(describing: error).contains("read_customers"))
            }
        }
    }
}
