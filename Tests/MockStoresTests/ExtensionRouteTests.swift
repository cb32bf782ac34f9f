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
            // Without TrackShip no order says where its parcel is.
            #expect(
                !orders.contains { o in (o["meta_data"]?.array ?? []).contains { $0["key"]?.text == "shipment_status" }
                })
        }
        try await withMock(woo(300)) { (mock: MockStoreServer) async throws in
            let orders = try await mock.woo("/orders?per_page=100").array
            #expect(!orders.contains { $0["status"]?.text == "delivered" })
        }
    }

    @Test("TrackShip writes each parcel's carrier stage beside its tracking item")
    func trackShip() async throws {
        guard case .woocommerce(var options) = woo(300) else { return }
        options.trackShip = true
        try await withMock(.woocommerce(options)) { (mock: MockStoreServer) async throws in
            var stages: Set<String> = []
            for page in 1...3 {
                for order in try await mock.woo("/orders?per_page=100&page=\(page)&status=any").array {
                    let meta = order["meta_data"]?.array ?? []
                    let items = meta.first { $0["key"]?.text == "_wc_shipment_tracking_items" }?["value"]?.array
                    guard let entries = meta.first(where: { $0["key"]?.text == "shipment_status" })?["value"]?.array
                    else { continue }
                    #expect(entries.count == items?.count)
                    let entry = try #require(entries.first)
                    stages.insert(entry["status"]?.text ?? "")
                    let date = entry["status_date"]?.text ?? ""
                    #expect(date.count == 19 && date.dropFirst(10).hasPrefix(" "), "\(date)")
                }
            }
            #expect(stages.isSuperset(of: ["in_transit", "delivered", "failure"]), "\(stages)")
            #expect(stages.isSubset(of: ["pre_transit", "in_transit", "out_for_delivery", "delivered", "failure"]))
        }
    }

    @Test("a staged carrier event reaches the order's TrackShip entry and modification time")
    func carrierEvent() async throws {
        guard case .woocommerce(var options) = woo(120) else { return }
        options.trackShip = true
        try await withMock(.woocommerce(options)) { (mock: MockStoreServer) async throws in
            let ids = mock.reportCarrierEvent(.deliveryFailed, orders: 1, ago: 3_600)
            let id = try #require(ids.first)
            let order = try await mock.woo("/orders/\(id)")
            let entry = order.value?["meta_data"]?.array?.first { $0["key"]?.text == "shipment_status" }?["value"]?
                .array?.first
            #expect(entry?["status"]?.text == "failure")
            let failedAt = mock.clock.addingTimeInterval(-3_600)
            let stamp = ISO8601DateFormatter().string(from: failedAt).dropLast().replacingOccurrences(
                of: "T", with: " ")
            #expect(entry?["status_date"]?.text == stamp)
            #expect(order.value?["date_modified_gmt"]?.text == stamp.replacingOccurrences(of: " ", with: "T"))
            // The next call takes another order, never the same one twice.
            #expect(mock.reportCarrierEvent(.outForDelivery, orders: 1).first != id)
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
