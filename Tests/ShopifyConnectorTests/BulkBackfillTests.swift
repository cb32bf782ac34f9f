import AftercartConnector
import AftercartModel
import Foundation
import MockStores
import Testing

/// Backfills through a GraphQL bulk query against the emulator: the same records as REST
/// pages, no request per customer for loyalty, resuming mid-file, restarting or falling
/// back when the operation cannot serve, and incremental reads on REST afterwards.
@Suite("Shopify bulk backfill")
struct BulkBackfillTests {
    static let loyalty = [
        "loyalty.source": "shopify_metafield", "loyalty.namespace": "aftercart", "loyalty.key": "points",
        "loyalty.tier_key": "tier", "loyalty.expiry_key": "points_expires_at",
        "loyalty.points_expiring_key": "points_expiring", "page_size": "25", "bulk_backfill": "true",
    ]

    static func records(_ pages: [ResourcePage]) -> [any SyncRecord] { pages.flatMap(\.records.anyRecords) }

    /// Records as comparable JSON, keyed by platform id.
    static func byID(_ records: [any SyncRecord]) throws -> [String: Data] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        encoder.dateEncodingStrategy = .iso8601
        var result: [String: Data] = [:]
        for record in records { result[record.platformID] = try encoder.encode(record) }
        return result
    }

    static func metafieldRequests(_ mock: MockStoreServer) -> Int {
        mock.stats().byPath.filter { $0.key.hasSuffix("/metafields.json") }.values.reduce(0) {
            $0 + $1.values.reduce(0, +)
        }
    }

    @Test("a bulk backfill maps exactly the records REST pages map, loyalty without a request per customer")
    func sameRecordsAsREST() async throws {
        var bulk: [ResourceKind: [String: Data]] = [:]
        var rest: [ResourceKind: [String: Data]] = [:]
        try await withShopifyMock(orders: 120, values: Self.loyalty) { harness in
            for resource in [ResourceKind.orders, .customers, .loyalty] {
                let pages = try await allPages(harness.connector.read(resource, since: nil))
                bulk[resource] = try Self.byID(Self.records(pages))
                #expect(pages.last?.progress.hasMore == false)
                #expect(pages.last?.cursor.updatedAfter != nil)
                #expect(pages.last?.cursor.isWalkInProgress == false)
            }
            #expect(harness.mock.shopifyBulkStats.started == 3)
            #expect(harness.mock.shopifyBulkStats.downloadsWithAccessToken == 0)
            #expect(Self.metafieldRequests(harness.mock) == 0)
            #expect(harness.mock.stats().count(path: harness.path("orders.json")) == 0)
        }
        var restValues = Self.loyalty
        restValues["bulk_backfill"] = "false"
        try await withShopifyMock(orders: 120, values: restValues) { harness in
            for resource in [ResourceKind.orders, .customers, .loyalty] {
                rest[resource] = try Self.byID(
                    Self.records(try await allPages(harness.connector.read(resource, since: nil))))
            }
            #expect(harness.mock.shopifyBulkStats.started == 0)
            #expect(Self.metafieldRequests(harness.mock) > 0)
        }
        for resource in [ResourceKind.orders, .customers, .loyalty] {
            let viaBulk = try #require(bulk[resource])
            #expect(!viaBulk.isEmpty)
            #expect(viaBulk.keys.sorted() == rest[resource]?.keys.sorted())
            for (id, json) in viaBulk where json != rest[resource]?[id] {
                Issue.record(
                    "\(resource) \(id) differs:\nbulk \(String(decoding: json, as: UTF8.self))\nrest \(String(decoding: rest[resource]?[id] ?? Data(), as: UTF8.self))"
                )
                break
            }
        }
    }

    @Test("a run stopped after page 2 resumes at its byte offset and reads no line twice")
    func resumesAtCheckpoint() async throws {
        try await withShopifyMock(orders: 120, values: Self.loyalty) { harness in
            var iterator = harness.connector.read(.orders, since: nil).makeAsyncIterator()
            let first = try #require(try await iterator.next())
            let second = try #require(try await iterator.next())
            #expect(first.records.count == 25 && second.records.count == 25)
            let checkpoint = second.cursor
            #expect(checkpoint.isWalkInProgress)
            let offset = try #require(checkpoint.extra["bulk_offset"].flatMap(Int.init))
            #expect(offset > 0)
            // A new process: the cursor committed with page 2 is all it has.
            let resumed = try await allPages(harness.connector.read(.orders, since: checkpoint))
            #expect(harness.mock.shopifyBulkStats.started == 1)
            #expect(harness.mock.shopifyBulkStats.rangeStarts.last == offset)
            let ids = (first.orders + second.orders + resumed.flatMap(\.orders)).map(\.id)
            #expect(ids.count == 120)
            #expect(Set(ids).count == 120)
            #expect(resumed.last?.cursor.isWalkInProgress == false)
        }
    }

    @Test("a download cut mid-file continues with a Range request, losing and repeating nothing")
    func cutDownloadContinues() async throws {
        try await withShopifyMock(orders: 120, values: Self.loyalty) { harness in
            harness.mock.cutNextShopifyBulkDownload(afterBytes: 40_000)
            let pages = try await allPages(harness.connector.read(.orders, since: nil))
            let ids = pages.flatMap(\.orders).map(\.id)
            #expect(ids.count == 120)
            #expect(Set(ids).count == 120)
            #expect(harness.mock.shopifyBulkStats.downloads == 2)
            #expect(harness.mock.shopifyBulkStats.rangeStarts.count == 1)
            #expect((harness.mock.shopifyBulkStats.rangeStarts.first ?? 0) >= 30_000)
        }
    }

    @Test("an expired operation is run again; a failed one falls back to REST pages")
    func expiredAndFailed() async throws {
        try await withShopifyMock(orders: 120, values: Self.loyalty) { harness in
            var iterator = harness.connector.read(.customers, since: nil).makeAsyncIterator()
            let checkpoint = try #require(try await iterator.next()).cursor
            #expect(checkpoint.isWalkInProgress)
            harness.mock.expireShopifyBulkOperations()
            let again = try await allPages(harness.connector.read(.customers, since: checkpoint))
            #expect(harness.mock.shopifyBulkStats.started == 2)
            #expect(Set(Self.records(again).map(\.platformID)).count == harness.mock.counts.customers)

            harness.mock.failNextShopifyBulkOperation(errorCode: "INTERNAL_SERVER_ERROR")
            let before = harness.mock.stats().count(path: harness.path("orders.json"))
            let fallback = try await allPages(harness.connector.read(.orders, since: nil))
            #expect(Set(fallback.flatMap(\.orders).map(\.id)).count == 120)
            #expect(harness.mock.stats().count(path: harness.path("orders.json")) > before)
        }
    }

    @Test("after a backfill, incremental runs read REST pages from the operation's start")
    func incrementalStaysOnREST() async throws {
        try await withShopifyMock(orders: 60, values: Self.loyalty) { harness in
            let backfill = try await allPages(harness.connector.read(.orders, since: nil))
            let cursor = try #require(backfill.last?.cursor)
            #expect(cursor.updatedAfter == harness.mock.clock)
            harness.mock.advance(orders: 5, seconds: 3_600)
            let incremental = try await allPages(harness.connector.read(.orders, since: cursor))
            #expect(harness.mock.shopifyBulkStats.started == 1)
            #expect(harness.mock.stats().count(path: harness.path("orders.json")) >= 1)
            #expect(!incremental.flatMap(\.orders).isEmpty)
        }
    }
}
