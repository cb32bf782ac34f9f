import AftercartConnector
import AftercartModel
import AsyncHTTPClient
import Foundation
import Logging
import MockStoreConformance
import MockStores
import Testing
import WooCommerceConnector

/// A read-only key against the emulator, which refuses writes as a real
/// WooCommerce 10 store does (api-facts §8.5).
@Suite struct KeyPermissionTests {
    static let storeMessage = "The API key provided does not have write permissions."

    @Test func checkProbesAReadKeyWithoutWritingAndSwitchesEveryWriteOff() async throws {
        try await withEmulatedStore(permission: .read) { mock, connector in
            #expect(connector.capabilities.writes.contains(.orderNotes))
            let facts = try await connector.check()
            #expect(facts.writePermission == .readOnly)
            #expect(facts.writePermissionMessage == Self.storeMessage)
            #expect(connector.capabilities.writes == [.findCoupon])
            #expect(connector.capabilities.summary.contains("writes: find coupons"))
            // The probe is the only refused request, and it wrote nothing.
            #expect(mock.stats().count(path: "/wp-json/wc/v3/aftercart/permission-probe", status: 401) == 1)

            // A write tried anyway is refused without calling the store, in the store's words.
            let order = try #require(try await firstOrderID(connector))
            let error = await #expect(throws: ConnectorError.self) {
                try await connector.addOrderNote(orderID: order, text: "hello", customerVisible: true)
            }
            #expect(error?.isTransient == false)
            #expect(error?.description.contains(Self.storeMessage) == true)
            #expect(error?.description.contains("rejected") == false)
            #expect(mock.stats().count(path: "/wp-json/wc/v3/orders/\(order)/notes") == 0)
        }
    }

    @Test func aReadWriteKeyIsReportedAsSuchAndKeepsItsWrites() async throws {
        try await withEmulatedStore(permission: .readWrite) { mock, connector in
            let facts = try await connector.check()
            #expect(facts.writePermission == .readWrite)
            #expect(facts.writePermissionMessage == nil)
            #expect(connector.capabilities.writes.contains([.createCoupon, .orderNotes, .customerMeta]))
            #expect(mock.stats().count(path: "/wp-json/wc/v3/aftercart/permission-probe", status: 404) == 1)
        }
    }

    @Test func withoutACheckTheFirstRefusedWriteTeachesTheConnector() async throws {
        try await withEmulatedStore(permission: .read) { mock, connector in
            let order = try #require(try await firstOrderID(connector))
            let notes = "/wp-json/wc/v3/orders/\(order)/notes"
            for _ in 1...3 {
                let error = await #expect(throws: ConnectorError.self) {
                    try await connector.addOrderNote(orderID: order, text: "hello", customerVisible: true)
                }
                guard case .forbidden(401, let context)? = error else {
                    Issue.record("expected a permission error, got \(String(describing: error))")
                    return
                }
                #expect(context.platformMessage == Self.storeMessage)
            }
            // One request reached the store; the next two were refused locally.
            #expect(mock.stats().count(path: notes, status: 401) == 1)
            #expect(!connector.capabilities.writes.contains(.orderNotes))
            await #expect(throws: ConnectorError.self) {
                _ = try await connector.createCoupon(CouponRequest(code: "ac-ro", kind: .percent, amount: 10))
            }
            #expect(mock.stats().count(path: "/wp-json/wc/v3/coupons", status: 401) == 0)
        }
    }

    private func firstOrderID(_ connector: any StoreConnector) async throws -> String? {
        for try await page in connector.read(.orders, since: nil) {
            if case .orders(let orders) = page.records, let order = orders.first { return order.id }
        }
        return nil
    }
}

/// An emulated WooCommerce store whose key has `permission`, and a connector
/// built through the registration as `aftercart` builds it, with a generous
/// `request_timeout`: the emulator pings itself when a webhook is created.
func withEmulatedStore<T>(
    permission: MockKeyPermission = .readWrite,
    _ body: (MockStoreServer, WooCommerceConnector) async throws -> T
) async throws -> T {
    try await withEmulatedWooStore(
        WooCommerceMockOptions(orders: 5, seed: 6, keyPermission: permission), store: "perm-woo",
        values: ["request_timeout": "120"]
    ) { connector, mock, _ in try await body(mock, connector) }
}
