import AftercartConnector
import AftercartModel
import Foundation
import MockStores
import Testing
import WooCommerceConnector

/// A Japanese shop enters prices with 10% consumption tax included. The
/// REST order keeps every amount tax-exclusive with the tax beside it
/// (api-facts §8.3); what the buyer was charged must come out as
/// WooCommerce's own email shows it.
@Suite struct TaxInclusiveOrderTests {
    /// Order 72 of the observed store, reduced to the fields that matter:
    /// Gift Box ×2, 有田焼 湯呑み ×1, 有機緑茶 ×1, a ¥500 coupon, ¥660 + ¥66 shipping.
    static let order72 = #"""
        {"id":72,"number":"72","status":"processing","currency":"JPY","prices_include_tax":true,
         "date_created":"2026-12-01T10:00:00","date_created_gmt":"2026-12-01T01:00:00",
         "date_modified_gmt":"2026-12-01T01:05:00","discount_total":"455","discount_tax":"45",
         "shipping_total":"660","shipping_tax":"66","cart_tax":"1202","total":"13946","total_tax":"1268",
         "customer_id":0,"order_key":"wc_order_Q68eIRY4Cmlmm",
         "billing":{"first_name":"海斗","last_name":"田中","email":"kaito@example.jp"},
         "line_items":[
          {"name":"Gift Box","product_id":31,"variation_id":0,"quantity":2,"subtotal":"8000","subtotal_tax":"800","total":"7709","total_tax":"771","price":3854.5,"sku":"GIFT"},
          {"name":"有田焼 湯呑み","product_id":32,"variation_id":0,"quantity":1,"subtotal":"3000","subtotal_tax":"300","total":"2891","total_tax":"289","price":2890.909091,"sku":"CUP"},
          {"name":"有機緑茶","product_id":33,"variation_id":0,"quantity":1,"subtotal":"1473","subtotal_tax":"147","total":"1418","total_tax":"142","price":1418.181818,"sku":"TEA"}],
         "tax_lines":[{"id":9,"rate_code":"JP-消費税-1","label":"消費税","rate_percent":10,"tax_total":"1202","shipping_tax_total":"66"}],
         "coupon_lines":[{"code":"summer500","discount":"455","discount_tax":"45"}],
         "refunds":[],"meta_data":[]}
        """#

    @Test func chargedAmountsMatchWooCommercesOwnEmail() throws {
        let order = try #require(
            try WooCommerceOrderMapper(store: "tokyo").mapOrder(Data(Self.order72.utf8)).record)
        let charged = order.charged
        #expect(charged.taxIncluded)
        #expect(charged.lines.map(\.amount.amount) == [8_800, 3_300, 1_620])
        #expect(charged.lines.map(\.unitPrice.amount) == [4_400, 3_300, 1_620])
        #expect(charged.subtotal.amount == 13_720)
        #expect(charged.discount.amount == 500)
        #expect(charged.shipping.amount == 726)
        #expect(charged.total.amount == 13_946)
        #expect(charged.tax.amount == 1_268)
        #expect(charged.taxLabel == "消費税")
        // What WooCommerce's email adds up to, line by line.
        #expect(charged.subtotal - charged.discount + charged.shipping == charged.total)
        #expect(order.accessKey == "wc_order_Q68eIRY4Cmlmm")
    }

    @Test func theTaxPartsSurviveTheStoredJSON() throws {
        let order = try #require(
            try WooCommerceOrderMapper(store: "tokyo").mapOrder(Data(Self.order72.utf8)).record)
        let json = try ModelJSON.encoder().encode(order)
        let decoded = try ModelJSON.decoder().decode(Order.self, from: json)
        #expect(decoded == order)
        #expect(decoded.charged == order.charged)
    }

    @Test func aTaxExclusiveOrderShowsItsTaxAsALineOfItsOwn() throws {
        var text = Self.order72.replacingOccurrences(
            of: #""prices_include_tax":true"#, with: #""prices_include_tax":false"#)
        text = text.replacingOccurrences(of: #""order_key":"wc_order_Q68eIRY4Cmlmm","#, with: "")
        let order = try #require(try WooCommerceOrderMapper(store: "tokyo").mapOrder(Data(text.utf8)).record)
        let charged = order.charged
        #expect(!charged.taxIncluded)
        #expect(charged.lines.map(\.amount.amount) == [8_000, 3_000, 1_473])
        #expect(charged.discount.amount == 455)
        #expect(charged.shipping.amount == 660)
        #expect(charged.subtotal - charged.discount + charged.shipping + charged.tax == charged.total)
        #expect(order.accessKey == nil)
    }

    @Test func theEmulatorsTaxInclusiveShopSyncsWhatTheBuyerPaid() async throws {
        let options = WooCommerceMockOptions(
            orders: 40, seed: 3, data: MockDataOptions(orders: 40, seed: 3, currency: .jpy, timeZone: "Asia/Tokyo"),
            site: WooCommerceMockSite(pricesIncludeTax: true, language: "ja"))
        try await withEmulatedWooStore(options) { connector, _, _ in
            let pages = try await allPages(connector.read(.orders, since: nil))
            let orders = pages.flatMap(\.records.anyRecords).compactMap { $0 as? Order }
            #expect(orders.count > 10)
            for order in orders {
                #expect(order.taxes?.pricesIncludeTax == true)
                let charged = order.charged
                // Tax-inclusive lines add up to the total with the discount and shipping as shown.
                #expect(charged.subtotal - charged.discount + charged.shipping == charged.total, "order \(order.id)")
                #expect(charged.subtotal.amount > order.subtotal.amount, "order \(order.id)")
                #expect(order.accessKey?.hasPrefix("wc_order_") == true)
            }
        }
    }
}
