import AftercartConnector
import AftercartModel
import Foundation
import MockStores
import Testing
import WooCommerceConnector

/// PHP stores answer transient 500s routinely (issue 18): a read retries
/// them within the request, a coupon creation never sends itself twice.
/// Faults are set relative to the requests already made, so each hits
/// exactly the request meant.
@Suite struct ServerErrorRetryTests {
    static let coupons = "/wp-json/wc/v3/coupons"

    @Test func aReadAnswered500TwiceThen200Succeeds() async throws {
        try await withEmulatedWooStore(WooCommerceMockOptions(orders: 30, seed: 4)) { connector, mock, _ in
            let clean = try await orderIDs(connector)
            let before = mock.stats().total
            mock.setFaults(try MockFaultPlan(spec: "500@\(before + 1),\(before + 2)"))
            #expect(try await orderIDs(connector) == clean)
            #expect(!clean.isEmpty)
            #expect(mock.stats().count(status: 500) == 2)
        }
    }

    private func orderIDs(_ connector: WooCommerceConnector) async throws -> [String] {
        var ids: [String] = []
        for try await page in connector.read(.orders, since: nil) {
            if case .orders(let batch) = page.records { ids += batch.map(\.id) }
        }
        return ids
    }

    @Test func aCouponCreationAnswered500IsNotResent() async throws {
        try await withEmulatedWooStore(WooCommerceMockOptions(orders: 5, seed: 4)) { connector, mock, _ in
            let before = mock.stats().total
            mock.setFaults(try MockFaultPlan(spec: "500@\(before + 1)"))
            let request = CouponRequest(
                code: "AC-500-1", kind: .percent, amount: 10, usageLimit: 1, usageLimitPerCustomer: 1)
            let error = await #expect(throws: ConnectorError.self) { _ = try await connector.createCoupon(request) }
            #expect(error?.status == 500)
            #expect(error?.context.attempts == 1)
            #expect(mock.stats().count(path: Self.coupons) == 1)
            #expect(mock.stats().total == before + 1)
            // The emulator answered before creating anything; the delivery
            // executor's next attempt looks the code up before creating it.
            mock.setFaults(.none)
            #expect(try await connector.findCoupon(code: "AC-500-1") == nil)
        }
    }
}
