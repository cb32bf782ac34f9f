import Foundation
import Testing

@testable import MockStores

@Suite("Writes")
struct WriteTests {
    @Test("WooCommerce coupon: created lowercased, readable by code, duplicate refused in any case")
    func wooCoupon() async throws {
        try await withMock(woo(10, coupons: 3)) { (mock: MockStoreServer) async throws in
            let body =
                #"{"code":"VIP-Anna-15","discount_type":"percent","amount":"15","individual_use":true,"usage_limit":5,"usage_limit_per_user":1,"email_restrictions":["Anna.Schmidt@Example.test","*@example.test"],"date_expires":"2030-06-30T23:59:59","meta_data":[{"key":"connector_ref","value":"ext-123"}]}"#
            let created = try await mock.woo("/coupons", method: .POST, body: body)
            #expect(created.status == 201, "\(created.text)")
            let c = try #require(created.value)
            #expect(c["code"]?.text == "vip-anna-15")
            #expect(c["amount"]?.text == "15.00")
            #expect(
                c["email_restrictions"]?.array?.compactMap(\.text) == ["anna.schmidt@example.test", "*@example.test"])
            #expect(c["usage_limit"]?.int == 5)
            #expect(c["used_by"]?.array?.isEmpty == true)
            #expect(c["meta_data"]?.array?.first?["key"]?.text == "connector_ref")
            let shape = try fixture("woocommerce-10-real/coupon_create.json")
            #expect(shapeDifferences(c, against: shape).isEmpty, "\(shapeDifferences(c, against: shape))")

            let found = try await mock.woo("/coupons?code=VIP-ANNA-15")
            #expect(found.array.count == 1)
            #expect(found.array.first?["id"] == c["id"])
            #expect(try await mock.woo("/coupons").header("X-WP-Total") == "4")

            let dup = try await mock.woo("/coupons", method: .POST, body: #"{"code":"vip-ANNA-15","amount":"5"}"#)
            #expect(dup.status == 400)
            #expect(
                dup.text
                    == (try String(
                        contentsOfFile: "/work/shared/fixtures/woocommerce-10-real/error_400_coupon_duplicate.json",
                        encoding: .utf8)))

            let badType = try await mock.woo("/coupons", method: .POST, body: #"{"code":"x1","discount_type":"bogus"}"#)
            #expect(badType.status == 400)
            #expect(badType.value?["code"]?.text == "rest_invalid_param")
            let badLimit = try await mock.woo("/coupons", method: .POST, body: #"{"code":"x2","usage_limit":"many"}"#)
            #expect(badLimit.status == 400)
            let badAmount = try await mock.woo("/coupons", method: .POST, body: #"{"code":"x3","amount":"abc"}"#)
            #expect(badAmount.status == 201)
            #expect(badAmount.value?["amount"]?.text == "0.00")
        }
    }

    @Test("WooCommerce notes and customer meta: written, read back, date_modified bumped")
    func wooNotesAndMeta() async throws {
        try await withMock(woo(10, customers: 5)) { (mock: MockStoreServer) async throws in
            let order = try await mock.woo("/orders?per_page=1").array.first!
            let id = order["id"]!.int!
            let note = try await mock.woo(
                "/orders/\(id)/notes", method: .POST,
                body: #"{"note":"Your parcel is on its way","customer_note":true}"#)
            #expect(note.status == 201)
            #expect(note.value?["author"]?.text == "WooCommerce")
            #expect(note.value?["customer_note"] == .bool(true))
            let byUser = try await mock.woo(
                "/orders/\(id)/notes", method: .POST, body: #"{"note":"internal","added_by_user":true}"#)
            #expect(byUser.value?["author"]?.text != "WooCommerce")
            let notes = try await mock.woo("/orders/\(id)/notes")
            #expect(notes.array.contains { $0["note"]?.text == "Your parcel is on its way" })
            let after = try await mock.woo("/orders/\(id)")
            #expect((after.value?["date_modified_gmt"]?.text ?? "") > (order["date_modified_gmt"]?.text ?? "~"))

            let customer = try await mock.woo("/customers/2")
            let put = try await mock.woo(
                "/customers/2", method: .PUT,
                body:
                    #"{"meta_data":[{"key":"aftercart_points","value":"4321"},{"key":"vip_note","value":"likes mugs"}]}"#
            )
            #expect(put.status == 200)
            let meta = put.value?["meta_data"]?.array ?? []
            #expect(meta.first { $0["key"]?.text == "aftercart_points" }?["value"]?.text == "4321")
            #expect(meta.first { $0["key"]?.text == "vip_note" }?["value"]?.text == "likes mugs")
            #expect(meta.filter { $0["key"]?.text == "aftercart_points" }.count == 1, "merged by key")
            #expect(meta.contains { $0["key"]?.text == "aftercart_tier" }, "other meta kept")
            #expect((put.value?["date_modified_gmt"]?.text ?? "") > (customer.value?["date_modified_gmt"]?.text ?? "~"))
            let loyalty = try await mock.woo(mock.baseURL + "/wp-json/wc-loyalty-program/v1/customers/status/2")
            #expect(loyalty.value?["unclaimed"]?["points"]?.int == 4321)
        }
    }

    @Test("Shopify price rule, discount code, duplicate code, lookup 303")
    func shopifyDiscounts() async throws {
        try await withMock(shopify(5, coupons: 2)) { (mock: MockStoreServer) async throws in
            let rule = try await mock.shopify(
                "/price_rules.json", method: .POST,
                body:
                    #"{"price_rule":{"title":"THANKS-ANNA","value_type":"percentage","value":"-10.0","customer_selection":"prerequisite","prerequisite_customer_ids":[7200000000000],"target_type":"line_item","target_selection":"all","allocation_method":"across","once_per_customer":true,"usage_limit":1,"starts_at":"2026-11-01T00:00:00Z"}}"#
            )
            #expect(rule.status == 201, "\(rule.text)")
            let ruleID = try #require(rule.value?["price_rule"]?["id"]?.int64)
            let shape = try fixture("shopify_price_rule.json")
            #expect(
                shapeDifferences(rule.value!, against: shape).isEmpty,
                "\(shapeDifferences(rule.value!, against: shape))")
            let invalid = try await mock.shopify(
                "/price_rules.json", method: .POST, body: #"{"price_rule":{"value_type":"nope"}}"#)
            #expect(invalid.status == 422)

            let code = try await mock.shopify(
                "/price_rules/\(ruleID)/discount_codes.json", method: .POST,
                body: #"{"discount_code":{"code":"THANKS-ANNA"}}"#)
            #expect(code.status == 201)
            #expect(shapeDifferences(code.value!, against: try fixture("shopify_discount_code.json")).isEmpty)
            let dup = try await mock.shopify(
                "/price_rules/\(ruleID)/discount_codes.json", method: .POST,
                body: #"{"discount_code":{"code":"thanks-anna"}}"#)
            #expect(dup.status == 422)
            #expect(dup.text == #"{"errors":{"code":["must be unique. Please try a different code."]}}"#)

            let lookup = try await mock.shopify("/discount_codes/lookup.json?code=thanks-anna")
            #expect(lookup.status == 303)
            let location = try #require(lookup.header("Location"))
            #expect(
                location.hasSuffix(
                    "/price_rules/\(ruleID)/discount_codes/\(code.value!["discount_code"]!["id"]!.int64!).json"))
            let followed = try await mock.shopify(location)
            #expect(followed.value?["discount_code"]?["code"]?.text == "THANKS-ANNA")
            #expect(try await mock.shopify("/discount_codes/lookup.json?code=none-such").status == 404)
            let list = try await mock.shopify("/price_rules/\(ruleID)/discount_codes.json")
            #expect(list.value?["discount_codes"]?.array?.count == 1)
        }
    }

    @Test("Shopify metafields, customer tags and order note/tags")
    func shopifyCustomerAndOrderWrites() async throws {
        try await withMock(shopify(5, customers: 3)) { (mock: MockStoreServer) async throws in
            let customer = try await mock.shopify("/customers.json?limit=1").value!["customers"]!.array!.first!
            let id = customer["id"]!.int64!
            let metas = try await mock.shopify("/customers/\(id)/metafields.json")
            #expect(
                metas.value?["metafields"]?.array?.contains {
                    $0["namespace"]?.text == "aftercart" && $0["key"]?.text == "points"
                } == true)
            let created = try await mock.shopify(
                "/customers/\(id)/metafields.json", method: .POST,
                body: #"{"metafield":{"namespace":"aftercart","key":"points","value":"777","type":"number_integer"}}"#)
            #expect(created.status == 201)
            let after = try await mock.shopify("/customers/\(id)/metafields.json")
            let points = after.value?["metafields"]?.array?.filter { $0["key"]?.text == "points" } ?? []
            #expect(points.count == 1 && points.first?["value"]?.int == 777)

            let tagged = try await mock.shopify(
                "/customers/\(id).json", method: .PUT, body: #"{"customer":{"id":\#(id),"tags":"vip, aftercart"}}"#)
            #expect(tagged.value?["customer"]?["tags"]?.text == "vip, aftercart")
            #expect((tagged.value?["customer"]?["updated_at"]?.text).flatMap(ParsedTimestamp.parse) != nil)

            let order = try await mock.shopify("/orders.json?status=any&limit=1").value!["orders"]!.array!.first!
            let oid = order["id"]!.int64!
            let put = try await mock.shopify(
                "/orders/\(oid).json", method: .PUT,
                body: #"{"order":{"id":\#(oid),"note":"gift","tags":"aftercart-review-asked"}}"#)
            #expect(put.value?["order"]?["note"]?.text == "gift")
            #expect(put.value?["order"]?["tags"]?.text == "aftercart-review-asked")
            let again = try await mock.shopify("/orders/\(oid).json")
            #expect(again.value?["order"]?["tags"]?.text == "aftercart-review-asked")
        }
    }
}
