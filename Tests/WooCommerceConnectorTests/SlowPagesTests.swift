import AftercartConnector
import AftercartModel
import AsyncHTTPClient
import Foundation
import Logging
import MockStores
import Testing
import WooCommerceConnector

/// `page_size` and `request_timeout`, and a slow host whose big pages
/// outlast the deadline: the SDK's pager halves the page and carries on.
@Suite struct SlowPagesTests {
    static func idsRoute(_ request: SeenRequest) -> FakeAnswer {
        .json("[]", headers: ["X-WP-Total": "0", "X-WP-TotalPages": "0"])
    }

    @Test func everyListAsksForTheConfiguredPageSize() async throws {
        try await withConnector(settings: { $0.pageSize = 20 }, route: Self.idsRoute) { connector, store in
            for resource in [ResourceKind.orders, .reviews, .customers] {
                _ = try await allPages(connector.read(resource, since: nil))
            }
            let lists = store.requests.filter { $0.queryValue("page") != nil }
            // Orders, their trash list, reviews, customers.
            #expect(lists.count == 4)
            #expect(lists.contains { $0.queryValue("status") == "trash" })
            #expect(lists.allSatisfy { $0.queryValue("per_page") == "20" })
        }
    }

    @Test func pageSizeAndRequestTimeoutAreReadFromTheConfig() throws {
        let settings = try WooCommerceStoreSettings(
            ConnectorSettings(
                store: "slow-woo", platform: "woocommerce",
                values: ["base_url": "https://shop.example.test", "page_size": "25", "request_timeout": "90"],
                secrets: ["consumer_key": TestKeys.consumerKey, "consumer_secret": TestKeys.consumerSecret]))
        #expect(settings.pageSize == 25)
        #expect(settings.requestTimeout == .seconds(90))
        let configuration = WooCommerceConnector.transportConfiguration(for: settings)
        #expect(configuration.responseTimeout == .seconds(90))
        #expect(configuration.totalDeadline >= .seconds(180))

        let defaults = try WooCommerceStoreSettings(
            ConnectorSettings(
                store: "woo", platform: "woocommerce", values: ["base_url": "https://shop.example.test"],
                secrets: ["consumer_key": TestKeys.consumerKey, "consumer_secret": TestKeys.consumerSecret]))
        #expect(defaults.pageSize == 100)
        #expect(WooCommerceConnector.transportConfiguration(for: defaults).responseTimeout == nil)
    }

    @Test func aStoreWhoseFullPagesOutlastTheDeadlineStillSyncsCompletely() async throws {
        // Pages above 30 records take 6 s; the deadline is 2 s. 100 and 50
        // time out, 25 answers (on a loaded machine a 25 may time out too
        // and shrink further): every one of 230 orders, once.
        try await withSlowStore(orders: 230, slowAbove: 30, values: ["request_timeout": "2"]) { connector, _ in
            let pages = try await allPages(connector.read(.orders, since: nil))
            let ids = pages.flatMap { $0.records.anyRecords.map(\.platformID) }
            #expect(ids.count == 230)
            #expect(Set(ids).count == 230)
            #expect(pages.allSatisfy { $0.records.count <= 25 })
            #expect(pages.count >= 10)
            let shrunk = try #require(pages.first?.cursor)
            #expect(shrunk.nextPage == 2)
            #expect((shrunk.pageSize ?? 100) <= 25)
            #expect(pages.last?.cursor.isWalkInProgress == false)
            #expect(pages.last?.cursor.pageSize == nil)
        }
    }

    @Test func aResumedShrunkWalkCountsPagesInItsOwnSize() async throws {
        try await withSlowStore(orders: 230, slowAbove: 30, values: ["request_timeout": "2"]) { connector, _ in
            // Orders are walked in id order, so records 0..<50 are the first fifty ids.
            let all = try await allPages(connector.read(.orders, since: nil))
                .flatMap { $0.records.anyRecords.map(\.platformID) }
            // Stopped after two pages of 25: resume at page 3 of 25, record 50.
            let resumed = try await allPages(connector.read(.orders, since: SyncCursor(nextPage: 3, pageSize: 25)))
            let rest = resumed.flatMap { $0.records.anyRecords.map(\.platformID) }
            #expect(rest.count == 180)
            #expect(rest == Array(all.dropFirst(50)))
        }
    }

    @Test func aPageThatStaysSlowAtTheSmallestSizeFailsWithTheTimeout() async throws {
        try await withSlowStore(orders: 10, slowAbove: 0, values: ["request_timeout": "0.5", "page_size": "4"]) {
            connector, _ in
            await #expect {
                _ = try await allPages(connector.read(.orders, since: nil))
            } throws: { error in
                guard case .timeout = error as? ConnectorError else { return false }
                return true
            }
        }
    }

    @Test func aPageThatTimesOutOnceIsAskedAgainAtItsOwnSize() async throws {
        // Two one-off timeouts (24 s answers, an 8 s deadline), neither twice
        // in a row. The deadline leaves room for a loaded machine: a page
        // that merely answers late would shrink the walk and fail the test.
        try await withEmulatedWooStore(
            WooCommerceMockOptions(orders: 600, seed: 5), store: "hiccup-woo",
            values: ["marketing_consent": "unknown", "request_timeout": "8", "page_size": "50"]
        ) { connector, mock, _ in
            let base = mock.stats().total
            mock.setFaults(try MockFaultPlan(spec: "slow=24s@\(base + 3),\(base + 7)"))
            let pages = try await allPages(connector.read(.orders, since: nil))
            let ids = pages.flatMap { $0.records.anyRecords.map(\.platformID) }
            #expect(ids.count == 600)
            #expect(Set(ids).count == 600)
            // A slow answer is counted when it is sent, after the walk went on.
            for _ in 0..<300 where mock.stats().faultsInjected < 2 { try await Task.sleep(for: .milliseconds(100)) }
            #expect(mock.stats().faultsInjected == 2)
            #expect(pages.filter { !$0.records.isEmpty }.allSatisfy { $0.records.count == 50 })
        }
    }

    @Test func aWalkThatShrankGrowsBackOnceItsPagesAnswerInTime() async throws {
        // Customers: their walk's first two requests are both page 1 (no
        // trash list before it). Both are slow, so pages of 50 follow;
        // after a run of them, pages of 100 again. The deadline leaves room
        // for a loaded machine (a CI run once took over 3 s for a page of
        // 100 and shrank the walk again).
        try await withEmulatedWooStore(
            WooCommerceMockOptions(data: MockDataOptions(orders: 100, seed: 5, customers: 1000)),
            store: "recovering-woo", values: ["marketing_consent": "unknown", "request_timeout": "10"]
        ) { connector, mock, _ in
            mock.reset()  // counts requests from 1 again
            mock.setFaults(try MockFaultPlan(spec: "slow=30s@1,2"))
            let pages = try await allPages(connector.read(.customers, since: nil)).filter { !$0.records.isEmpty }
            let ids = pages.flatMap { $0.records.anyRecords.map(\.platformID) }
            #expect(ids.count == 1000)
            #expect(Set(ids).count == 1000)
            #expect(pages.first?.records.count == 50)
            #expect(pages.last?.records.count == 100)
            #expect(pages.last?.cursor.pageSize == nil)
        }
    }

    /// A WooCommerce emulator whose pages above `slowAbove` records take
    /// 6 s, and a connector built from `values` as the CLI builds it.
    private func withSlowStore(
        orders: Int, slowAbove: Int, values: [String: String],
        _ body: (any StoreConnector, MockStoreServer) async throws -> Void
    ) async throws {
        try await withEmulatedWooStore(
            WooCommerceMockOptions(
                orders: orders, seed: 5, slowPages: MockSlowPages(perPageAbove: slowAbove, delay: .seconds(6))),
            store: "slow-woo", values: ["marketing_consent": "unknown"].merging(values) { $1 }
        ) { connector, mock, _ in try await body(connector, mock) }
    }
}
