import Foundation
import Testing

@testable import MockStores

@Suite("WooCommerce extension routes and store info")
struct ExtensionRouteTests {
    @Test("shipment tracking route mirrors the order meta; delivered status is opt-in")
    func tracking() async throws {
        try await withMock(woo(300, delivered: true)) { (mock: MockStoreServer) async throws in
            let orders = try await mock.woo("/orders?per_page=100&status=any").array
            #expect(orders.contains { $0["status"]?.text == "delivered" })
            let shipped = try #require(
                orders.first { o in
                    (o["meta_data"]?.array ?? []).contains { $0["key"]?.text == "_wc_shipment_tracking_items" }
                })
            let id = shipped["id"]!.int!
            let meta = shipped["meta_data"]!.array!.first { $0["key"]?.text == "_wc_shipment_tracking_items" }!
            let number = meta["value"]?.array?.first?["tracking_number"]?.text
            let route = try await mock.woo(
                mock.baseURL + "/wp-json/wc-shipment-tracking/v3/orders/\(id)/shipment-trackings")
            #expect(route.status == 200)
            #expect(route.array.first?["tracking_number"]?.text == number)
            #expect(route.array.first?["date_shipped"]?.text?.count == 10)
            let stage = shipped["meta_data"]!.array!.first { $0["key"]?.text == "_aftercart_shipment_status" }?[
                "value"]?.text
            #expect(["label_printed", "in_transit", "out_for_delivery", "delivered", "failure"].contains(stage ?? ""))
        }
        try await withMock(woo(300)) { (mock: MockStoreServer) async throws in
            let orders = try await mock.woo("/orders?per_page=100").array
            #expect(!orders.contains { $0["status"]?.text == "delivered" })
        }
    }

    @Test("system status, 404s and the loyalty route")
    func info() async throws {
        try await withMock(woo(10, currency: .jpy)) { (mock: MockStoreServer) async throws in
            let status = try await mock.woo("/system_status")
            #expect(status.value?["settings"]?["currency"]?.text == "JPY")
            #expect(status.value?["settings"]?["timezone"]?.text == "Asia/Tokyo")
            #expect(status.value?["environment"]?["version"]?.text == "10.0.2")
            let missing = try await mock.woo("/orders/999999999")
            #expect(missing.status == 404)
            #expect(missing.value?["code"]?.text == "woocommerce_rest_shop_order_invalid_id")
            #expect(try await mock.woo("/nothing-here").value?["code"]?.text == "rest_no_route")
            let loyalty = try await mock.woo(mock.baseURL + "/wp-json/wc-loyalty-program/v1/customers/status/2")
            #expect(loyalty.status == 200)
            #expect(loyalty.value?["tier"]?.text != nil)
            #expect(try await mock.admin("/__mock/info").value?["platform"]?.text == "woocommerce")
        }
    }
}
