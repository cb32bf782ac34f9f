import AftercartConnector
import AftercartConnectorTesting
import AftercartModel
import Foundation
import Testing

/// The kit must fail adapters that break its promises, or a green
/// conformance run means nothing. These wrap the real WooCommerce adapter
/// in deliberately broken ones and expect the kit to object.
@Suite("Conformance kit catches broken adapters")
struct ConformanceKitSelfTests {
    @Test func aDroppedRecordFailsPaging() async throws {
        let harness = BrokenConformanceHarness(base: WooCommerceConformanceHarness(), breakage: .dropLastRecord)
        var report: ConformanceReport?
        await withKnownIssue {
            report = try await ConnectorConformance.run(harness, options: .only(.paging))
        }
        let failed = report?.failed.map(\.detail) ?? []
        #expect(failed.contains("orders, 1 records"))
        #expect(failed.contains("orders, 101 records"))
        #expect(!failed.contains("orders, 0 records"))
    }

    @Test func anIgnoredCursorFailsIncrementalAndResume() async throws {
        let harness = BrokenConformanceHarness(base: WooCommerceConformanceHarness(), breakage: .ignoreCursor)
        var report: ConformanceReport?
        await withKnownIssue {
            report = try await ConnectorConformance.run(harness, options: .only(.incremental, .resume))
        }
        let failed = Set(report?.failed.map(\.scenario) ?? [])
        #expect(failed == [.incremental, .resume])
    }
}

/// A harness whose connectors misbehave in one chosen way.
struct BrokenConformanceHarness: ConformanceHarness {
    enum Breakage: Sendable { case dropLastRecord, ignoreCursor }

    let base: WooCommerceConformanceHarness
    let breakage: Breakage

    var adapterName: String { "Broken \(base.adapterName)" }
    var pageSize: Int { base.pageSize }
    var lookback: TimeInterval { base.lookback }

    func startStore(records: Int) async throws -> any ConformanceStore {
        BrokenConformanceStore(base: try await base.startStore(records: records), breakage: breakage)
    }
}

struct BrokenConformanceStore: ConformanceStore {
    let base: any ConformanceStore
    let breakage: BrokenConformanceHarness.Breakage

    func makeConnector(credentials: ConformanceCredentials) async throws -> any StoreConnector {
        BrokenConnector(base: try await base.makeConnector(credentials: credentials), breakage: breakage)
    }
    func platformIDs(of resource: ResourceKind) async throws -> Set<String>? {
        try await base.platformIDs(of: resource)
    }
    func makeChanges(count: Int) async throws -> ConformanceChanges? { try await base.makeChanges(count: count) }
    func requestStats() async throws -> ConformanceRequestStats { try await base.requestStats() }
    func supports(_ fault: ConformanceFault) -> Bool { base.supports(fault) }
    func injectFaults(_ faults: [Int: ConformanceFault]) async throws { try await base.injectFaults(faults) }
    func stop() async { await base.stop() }
}

/// Forwards to a real adapter, except for the one thing it gets wrong.
struct BrokenConnector: StoreConnector {
    let base: any StoreConnector
    let breakage: BrokenConformanceHarness.Breakage

    var platform: String { base.platform }
    var store: StoreID { base.store }
    var capabilities: ConnectorCapabilities { base.capabilities }

    func check() async throws -> StoreFacts { try await base.check() }

    func read(_ resource: ResourceKind, since cursor: SyncCursor?) -> ResourcePages {
        switch breakage {
        case .ignoreCursor:
            return base.read(resource, since: nil)
        case .dropLastRecord:
            // Buffered, not streamed: the base iterator is not Sendable, and
            // the kit's stores are small enough.
            let pages = base.read(resource, since: cursor)
            return ResourcePages(initial: Buffer.unread) { buffer in
                var remaining: [ResourcePage] = []
                switch buffer {
                case .unread:
                    for try await page in pages { remaining.append(page) }
                    if var last = remaining.popLast() {
                        if case .orders(let orders) = last.records { last.records = .orders(Array(orders.dropLast())) }
                        remaining.append(last)
                    }
                case .pages(let pages):
                    remaining = pages
                }
                guard !remaining.isEmpty else { return nil }
                let page = remaining.removeFirst()
                return (page, remaining.isEmpty ? nil : Buffer.pages(remaining))
            }
        }
    }

    /// An explicit state: with a plain optional, "no next state" and "not
    /// read yet" would be the same `nil` and the walk would restart forever.
    private enum Buffer: Sendable {
        case unread
        case pages([ResourcePage])
    }

    func createCoupon(_ request: CouponRequest) async throws -> Coupon { try await base.createCoupon(request) }
    func findCoupon(code: String) async throws -> Coupon? { try await base.findCoupon(code: code) }
    func addOrderNote(orderID: String, text: String, customerVisible: Bool) async throws {
        try await base.addOrderNote(orderID: orderID, text: text, customerVisible: customerVisible)
    }
    func annotateCustomer(customerID: String, tags: [String], meta: [String: String]) async throws {
        try await base.annotateCustomer(customerID: customerID, tags: tags, meta: meta)
    }
}
