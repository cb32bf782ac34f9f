import AftercartConnector
import AftercartModel
import Foundation
import NIOConcurrencyHelpers
import Testing

@Suite("Contract types")
struct ContractTests {
    let t0 = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func lookbackAndStartDate() {
        let cursor = SyncCursor(updatedAfter: t0)
        #expect(cursor.queryStart(lookback: 3600) == t0.addingTimeInterval(-3600))
        #expect(cursor.queryStart(lookback: 3600, notBefore: t0.addingTimeInterval(-60)) == t0.addingTimeInterval(-60))
        #expect(SyncCursor().queryStart(lookback: 3600) == nil)
        #expect(SyncCursor().queryStart(lookback: 3600, notBefore: t0) == t0)
    }

    @Test func walkAdvancesAndCompletes() {
        let review = Review(
            store: "tokyo-woo", id: "1", productID: "9", customerEmail: "a@example.com", reviewerName: nil, rating: 5,
            verified: true, status: .approved, createdAt: t0.addingTimeInterval(50))
        let older = Review(
            store: "tokyo-woo", id: "2", productID: "9", customerEmail: "b@example.com", reviewerName: nil, rating: 4,
            verified: true, status: .approved, createdAt: t0.addingTimeInterval(10))
        var cursor = SyncCursor(updatedAfter: t0).advanced(past: [review, older]).continuing(atPage: 2)
        #expect(cursor.highWater == t0.addingTimeInterval(50))
        #expect(cursor.isWalkInProgress)
        #expect(cursor.updatedAfter == t0, "the run's filter stays put while it walks")
        cursor = cursor.completed()
        #expect(cursor.updatedAfter == t0.addingTimeInterval(50))
        #expect(!cursor.isWalkInProgress)
        #expect(cursor.highWater == nil)
    }

    @Test func cursorJSONRoundTrip() throws {
        let cursor = SyncCursor(
            updatedAfter: t0, highWater: t0.addingTimeInterval(1), nextPage: nil,
            pageToken: "https://s.example/x?page_info=abc", extra: ["window_end": "2026-01-01T00:00:00Z"])
        let text = try cursor.jsonString()
        #expect(text.contains(#""updated_after":"2027-01-15T08:00:00Z""#))
        #expect(try SyncCursor(jsonString: text) == cursor)
        #expect(try SyncCursor(jsonString: "{}") == SyncCursor())
    }

    @Test func pagesAreFetchedOnlyWhenAsked() async throws {
        let fetches = NIOLockedValueBox(0)
        let pages = ResourcePages(initial: 1) { page -> (ResourcePage, Int?)? in
            fetches.withLockedValue { $0 += 1 }
            return (
                ResourcePage(records: .empty(.orders), cursor: SyncCursor(nextPage: page + 1)),
                page < 1000 ? page + 1 : nil
            )
        }
        var iterator = pages.makeAsyncIterator()
        _ = try await iterator.next()
        _ = try await iterator.next()
        #expect(fetches.withLockedValue { $0 } == 2)
    }

    @Test func failingSequenceThrowsOnceThenEnds() async throws {
        let pages = ResourcePages(
            failing: ConnectorError.unsupported(operation: "reviews", ErrorContext(store: "osaka-shopify")))
        var iterator = pages.makeAsyncIterator()
        await #expect(throws: ConnectorError.self) { _ = try await iterator.next() }
        #expect(try await iterator.next() == nil)
    }

    @Test func recordBatchVisitorSeesTypedRecords() throws {
        struct CountIDs: RecordBatchVisitor {
            func visit<R: SyncRecord>(_ records: [R]) throws -> [String] { records.map(\.platformID) }
        }
        let account = LoyaltyAccount(
            store: "tokyo-woo", customerID: "77", points: 120, tier: "gold", pointsExpiring: nil, expiresAt: nil,
            source: "customer_meta", updatedAt: nil)
        let batch = RecordBatch.loyalty([account])
        #expect(try batch.visit(CountIDs()) == ["77"])
        #expect(batch.resource == .loyalty)
        #expect(batch.count == 1)
    }

    @Test func capabilitiesSummary() {
        let capabilities = ConnectorCapabilities(
            readable: [.orders, .customers, .coupons], incremental: [.orders, .coupons],
            writes: [.createCoupon, .findCoupon, .orderNotes], loyalty: [.read], deliveredSignal: .orderStatus,
            webhooks: true)
        #expect(
            capabilities.summary == [
                "reads: orders, customers, coupons", "incremental: orders, coupons",
                "writes: create coupons, find coupons, order notes", "loyalty: read", "delivered signal: order_status",
                "webhooks: yes",
            ])
    }

    @Test func defaultLoyaltyAdjustmentIsUnsupported() async {
        struct Minimal: StoreConnector {
            let platform = "test"
            let store: StoreID = "s"
            let capabilities = ConnectorCapabilities.none
            func check() async throws -> StoreFacts {
                StoreFacts(name: "s", currency: .jpy, timeZoneIdentifier: nil, platformVersion: nil)
            }
            func read(_ resource: ResourceKind, since cursor: SyncCursor?) -> ResourcePages { ResourcePages([]) }
            func createCoupon(_ request: CouponRequest) async throws -> Coupon { throw CancellationError() }
            func findCoupon(code: String) async throws -> Coupon? { nil }
            func addOrderNote(orderID: String, text: String, customerVisible: Bool) async throws {}
            func annotateCustomer(customerID: String, tags: [String], meta: [String: String]) async throws {}
        }
        let connector: any StoreConnector = Minimal()
        let error = await connectorError { try await connector.adjustLoyalty(customerID: "1", points: 5, reason: "x") }
        #expect(error?.description == "s loyalty: loyalty adjustment is not supported by test as configured")
    }
}
