import AftercartConnector
import AftercartModel
import Foundation

/// An in-process connector over a fixed list of orders, for the engine's own
/// logic: page boundaries, failures at an exact page, resumption. The HTTP
/// path is covered by the adapters' tests against the mock stores.
struct ScriptedConnector: StoreConnector {
    let platform = "scripted"
    let store: StoreID
    let orders: [Order]
    let pageSize: Int
    /// 1-based page numbers that throw instead of returning.
    let failingPages: Set<Int>
    let error: any Error
    let calls: CallLog

    init(store: StoreID, orders: [Order], pageSize: Int = 10, failingPages: Set<Int> = [], error: (any Error)? = nil) {
        self.store = store
        self.orders = orders
        self.pageSize = pageSize
        self.failingPages = failingPages
        self.error =
            error
            ?? ConnectorError.server(status: 503, ErrorContext(store: store, resource: "orders", platform: "scripted"))
        self.calls = CallLog()
    }

    var capabilities: ConnectorCapabilities {
        var capabilities = ConnectorCapabilities.none
        capabilities.readable = [.orders]
        capabilities.incremental = [.orders]
        return capabilities
    }

    func check() async throws -> StoreFacts { throw ConnectorError.unsupported(operation: "check", ErrorContext()) }

    func read(_ resource: ResourceKind, since cursor: SyncCursor?) -> ResourcePages {
        guard resource == .orders else {
            return ResourcePages(failing: ConnectorError.unsupported(operation: "read \(resource)", ErrorContext()))
        }
        let base = cursor ?? SyncCursor()
        let changedAfter = base.updatedAfter
        let candidates = orders.filter { order in
            guard let changedAfter, let updated = order.updatedAt else { return true }
            return updated > changedAfter
        }
        let pageCount = (candidates.count + pageSize - 1) / pageSize
        let startPage = base.nextPage ?? 1
        guard pageCount > 0 else { return ResourcePages([]) }
        let snapshot = self
        return ResourcePages(initial: (startPage, base)) { state in
            let (page, cursor) = state
            await snapshot.calls.record(page)
            if snapshot.failingPages.contains(page) { throw snapshot.error }
            let slice = Array(
                candidates[((page - 1) * snapshot.pageSize)..<min(page * snapshot.pageSize, candidates.count)])
            let hasMore = page < pageCount
            let advanced = cursor.advanced(past: slice)
            let after = hasMore ? advanced.continuing(atPage: page + 1) : advanced.completed()
            let result = ResourcePage(
                records: .orders(slice), cursor: after,
                progress: PageProgress(
                    pageNumber: page, totalPages: pageCount, totalRecords: candidates.count, hasMore: hasMore))
            return (result, hasMore ? (page + 1, after) : nil)
        }
    }

    func createCoupon(_ request: CouponRequest) async throws -> Coupon { throw error }
    func findCoupon(code: String) async throws -> Coupon? { nil }
    func addOrderNote(orderID: String, text: String, customerVisible: Bool) async throws {}
    func annotateCustomer(customerID: String, tags: [String], meta: [String: String]) async throws {}
}

/// Which pages a connector was asked for.
actor CallLog {
    private(set) var pages: [Int] = []
    func record(_ page: Int) { pages.append(page) }
}

enum SampleOrders {
    static func make(store: StoreID, count: Int, updatedFrom start: Date = Date(timeIntervalSince1970: 1_790_000_000))
        -> [Order]
    {
        (1...max(count, 1)).prefix(count).map { index in
            let updated = start.addingTimeInterval(Double(index) * 60)
            return Order(
                store: store, id: "\(index)", number: "\(index)", status: .processing, financialStatus: .paid,
                fulfillmentStatus: .unfulfilled, shipmentStatus: .none, currency: .usd,
                total: Money(Decimal(index), .usd), subtotal: Money(Decimal(index), .usd), discountTotal: .zero(.usd),
                shippingTotal: .zero(.usd), taxTotal: .zero(.usd), refundedTotal: .zero(.usd),
                createdAt: updated, updatedAt: updated, deliveredAt: nil,
                customer: OrderCustomer(
                    id: nil, email: "buyer\(index)@example.com", firstName: nil, lastName: nil, acceptsMarketing: nil),
                lineItems: [], couponCodes: [], tracking: [])
        }
    }
}
