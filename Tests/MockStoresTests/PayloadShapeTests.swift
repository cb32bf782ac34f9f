import Foundation
import Testing

@testable import MockStores

@Suite("Payload shapes and determinism")
struct PayloadShapeTests {
    @Test("same seed gives byte-identical responses; another seed does not")
    func determinism() async throws {
        let paths = [
            "/orders?per_page=50&page=2", "/customers?per_page=20", "/coupons", "/products/reviews?status=all",
            "/products",
        ]
        // URLs in bodies come from the home URL, so both servers get the same one.
        let home = "http://shop.example.test"
        let a = try await withMock(woo(500, seed: 42, homeURL: home)) { (m: MockStoreServer) async throws in
            try await paths.asyncMap { try await m.woo($0).body }
        }
        let b = try await withMock(woo(500, seed: 42, homeURL: home)) { (m: MockStoreServer) async throws in
            try await paths.asyncMap { try await m.woo($0).body }
        }
        let c = try await withMock(woo(500, seed: 43, homeURL: home)) { (m: MockStoreServer) async throws in
            try await paths.asyncMap { try await m.woo($0).body }
        }
        let sameSeedIdentical = a == b
        let otherSeedDiffers = a != c
        #expect(sameSeedIdentical)
        #expect(otherSeedDiffers)
        let s1 = try await withMock(shopify(300, seed: 9)) {
            try await $0.shopify("/orders.json?status=any&limit=100").body
        }
        let s2 = try await withMock(shopify(300, seed: 9)) {
            try await $0.shopify("/orders.json?status=any&limit=100").body
        }
        let shopifyIdentical = s1 == s2
        #expect(shopifyIdentical)
    }

    @Test("WooCommerce order matches the documented and the real 10.x shapes")
    func wooOrderShape() async throws {
        try await withMock(woo(400)) { (mock: MockStoreServer) async throws in
            let orders = try await mock.woo("/orders?per_page=100").array
            let docs = try fixture("woocommerce_order.json")
            let real = try fixture("woocommerce-10-real/orders_page1_per_page2.json").array![1]
            for order in orders.prefix(30) {
                // Meta values are free-form; guests have no customer link (as in WooCommerce).
                let guest = order["customer_id"]?.int == 0
                func relevant(_ p: String) -> Bool {
                    !p.contains("meta_data") && !(guest && p.contains("_links.customer"))
                }
                #expect(
                    shapeDifferences(order, against: docs).filter(relevant).isEmpty,
                    "\(shapeDifferences(order, against: docs))")
                #expect(
                    shapeDifferences(order, against: real).filter(relevant).isEmpty,
                    "\(shapeDifferences(order, against: real))")
                // Quirks observed on real stores.
                #expect(order["number"]?.typeName == "string")
                #expect(order["total"]?.typeName == "string")
                for line in order["line_items"]?.array ?? [] { #expect(line["price"]?.typeName == "number") }
                let gmt = order["date_created_gmt"]?.text ?? ""
                #expect(gmt.count == 19 && !gmt.hasSuffix("Z"))
            }
            let statuses = Set(orders.compactMap { $0["status"]?.text })
            #expect(statuses.isSuperset(of: ["completed", "processing"]) || statuses.count >= 3)
            #expect(orders.contains { $0["customer_id"]?.int == 0 }, "guest orders exist")
            #expect(orders.contains { !($0["refunds"]?.array?.isEmpty ?? true) }, "refunds exist")
            #expect(
                orders.contains {
                    ($0["meta_data"]?.array ?? []).contains { $0["key"]?.text == "_wc_shipment_tracking_items" }
                })
        }
    }

    @Test("WooCommerce reviews and customers carry the expected fields")
    func wooOtherShapes() async throws {
        try await withMock(woo(400, customers: 50, reviews: 120)) { (mock: MockStoreServer) async throws in
            let reviews = try await mock.woo("/products/reviews?per_page=100&status=all").array
            let real = try fixture("woocommerce-10-real/products_reviews.json").array![0]
            for r in reviews.prefix(10) {
                #expect(shapeDifferences(r, against: real).isEmpty, "\(shapeDifferences(r, against: real))")
            }
            #expect(Set(reviews.compactMap { $0["rating"]?.int }) == [1, 2, 3, 4, 5])
            #expect(reviews.contains { $0["status"]?.text == "hold" || $0["status"]?.text == "spam" })
            let customers = try await mock.woo("/customers?per_page=50").array
            let consent = Set(
                customers.compactMap { c in
                    c["meta_data"]?.array?.first { $0["key"]?.text == "aftercart_marketing_consent" }?["value"]?.text
                })
            #expect(consent == ["yes", "no"])
        }
    }

    @Test("Shopify order and customer match the fixtures' keys and types")
    func shopifyShapes() async throws {
        try await withMock(shopify(400, customers: 60)) { (mock: MockStoreServer) async throws in
            let orders = try await mock.shopify("/orders.json?status=any&limit=250").value!["orders"]!.array!
            let ref = try fixture("shopify_order_with_fulfillment_and_refund.json")["order"]!
            let withFulfillment = try #require(
                orders.first {
                    !($0["fulfillments"]?.array?.isEmpty ?? true) && !($0["refunds"]?.array?.isEmpty ?? true)
                        && $0["customer"]?.isNull == false
                })
            let problems = shapeDifferences(withFulfillment, against: ref).filter { !$0.contains("receipt") }
            #expect(problems.isEmpty, "\(problems)")
            let stages = Set(
                orders.flatMap { ($0["fulfillments"]?.array ?? []).compactMap { $0["shipment_status"]?.text } })
            #expect(stages.isSuperset(of: ["in_transit", "delivered"]))
            #expect(orders.contains { $0["customer"]?.isNull == true }, "guest orders exist")
            #expect(orders.allSatisfy { ($0["created_at"]?.text).flatMap(ParsedTimestamp.parse)?.offsetSeconds != nil })
            let customers = try await mock.shopify("/customers.json?limit=60").value!["customers"]!.array!
            let cref = try fixture("shopify_customer.json")["customer"]!
            #expect(
                shapeDifferences(customers[0], against: cref).isEmpty,
                "\(shapeDifferences(customers[0], against: cref))")
            let consent = Set(customers.compactMap { $0["email_marketing_consent"]?["state"]?.text })
            #expect(consent.contains("subscribed") && consent.contains("not_subscribed"))
            let rules = try await mock.shopify("/price_rules.json").value!["price_rules"]!.array!
            #expect(shapeDifferences(rules[0], against: try fixture("shopify_price_rule.json")["price_rule"]!).isEmpty)
        }
    }

    @Test("multi-currency stores", arguments: [MockCurrency.jpy, .usd, .eur])
    func currencies(currency: MockCurrency) async throws {
        try await withMock(woo(20, currency: currency)) { (mock: MockStoreServer) async throws in
            let order = try await mock.woo("/orders?per_page=1").array.first!
            #expect(order["currency"]?.text == currency.rawValue)
            let total = order["total"]?.text ?? ""
            #expect(currency == .jpy ? !total.contains(".") : total.split(separator: ".").last?.count == 2)
        }
    }
}

extension Array {
    func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var out: [T] = []
        for e in self { out.append(try await transform(e)) }
        return out
    }
}
