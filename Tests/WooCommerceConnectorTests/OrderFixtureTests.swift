import AftercartModel
import Foundation
import Testing
import WooCommerceConnector

/// The shared WooCommerce order fixtures map to exact normalized values.
@Suite struct OrderFixtureTests {
    let mapper = WooCommerceOrderMapper(store: "test-woo")

    @Test func documentedOrderMapsExactly() throws {
        let order = try #require(try mapper.mapOrder(WooFixtures.data("woocommerce_order.json")).record)
        #expect(order.store == "test-woo")
        #expect(order.id == "727")
        #expect(order.number == "727")
        #expect(order.status == .processing)
        #expect(order.financialStatus == .paid)
        #expect(order.fulfillmentStatus == .unfulfilled)
        #expect(order.shipmentStatus == ShipmentStatus.none)
        #expect(order.currency == .usd)
        #expect(order.total == Money(Decimal(string: "29.35")!, .usd))
        #expect(order.subtotal == Money(18, .usd))
        #expect(order.discountTotal == Money(0, .usd))
        #expect(order.shippingTotal == Money(10, .usd))
        #expect(order.taxTotal == Money(Decimal(string: "1.35")!, .usd))
        #expect(order.refundedTotal == Money(0, .usd))
        // date_created_gmt is 19:28:02 and date_modified_gmt 19:28:08.
        #expect(order.createdAt == WooFixtures.date("2017-03-22T19:28:02Z"))
        #expect(order.updatedAt == WooFixtures.date("2017-03-22T19:28:08Z"))
        #expect(order.shippedAt == nil)
        #expect(order.deliveredAt == nil)
        #expect(order.customer.id == nil)
        #expect(order.customer.email == "john.doe@example.com")
        #expect(order.customer.firstName == "John")
        #expect(order.customer.lastName == "Doe")
        #expect(order.customer.acceptsMarketing == nil)
        #expect(order.couponCodes.isEmpty)
        #expect(order.tracking.isEmpty)

        #expect(order.lineItems.count == 2)
        let first = order.lineItems[0]
        #expect(first.productID == "93")
        #expect(first.variantID == nil)
        #expect(first.sku == nil)
        #expect(first.name == "Woo Single #1")
        #expect(first.quantity == 2)
        #expect(first.unitPrice == Money(3, .usd))
        #expect(first.total == Money(6, .usd))
        let second = order.lineItems[1]
        #expect(second.productID == "22")
        #expect(second.variantID == "23")
        #expect(second.sku == "Bar3")
        #expect(second.quantity == 1)
        #expect(second.unitPrice == Money(12, .usd))
        #expect(second.total == Money(12, .usd))
    }

    @Test func documentedOrderExportsAsSpecJSON() throws {
        let order = try #require(try mapper.mapOrder(WooFixtures.data("woocommerce_order.json")).record)
        let json = String(decoding: try ModelJSON.encoder().encode(order), as: UTF8.self)
        #expect(json.contains(#""total":"29.35""#))
        #expect(json.contains(#""created_at":"2017-03-22T19:28:02Z""#))
        #expect(json.contains(#""unit_price":"3.00""#))
        #expect(json.contains(#""id":null"#))
    }

    @Test func webhookBodyMapsLikeTheRESTResource() throws {
        let fixture = try WooFixtures.object("woocommerce_webhook_order_updated_constructed.json")
        let body = Data(try #require(fixture["raw_body"] as? String).utf8)
        let fromWebhook = try #require(try mapper.mapOrder(body).record)
        let fromREST = try #require(try mapper.mapOrder(WooFixtures.data("woocommerce_order.json")).record)
        #expect(fromWebhook == fromREST)
    }

    @Test func realWooCommerce10PageMapsExactly() throws {
        let page = try mapper.mapPage(WooFixtures.data("woocommerce-10-real/orders_page1_per_page2.json"))
        #expect(page.skipped.isEmpty)
        #expect(page.records.count == 2)
        #expect(page.newestModification == WooFixtures.date("2026-11-23T00:38:27Z"))

        let failed = page.records[0]
        #expect(failed.id == "27")
        #expect(failed.number == "27")
        #expect(failed.status == .failed)
        #expect(failed.financialStatus == .voided)
        #expect(failed.fulfillmentStatus == .unfulfilled)
        #expect(failed.currency == .eur)
        #expect(failed.total == Money(94, .eur))
        #expect(failed.subtotal == Money(94, .eur))
        #expect(failed.createdAt == WooFixtures.date("2026-11-23T00:38:27Z"))
        #expect(failed.customer.id == "4")
        #expect(failed.customer.email == "chloe.martin@example.test")
        #expect(failed.customer.firstName == "Chloé")
        #expect(failed.lineItems.count == 1)
        #expect(failed.lineItems[0].name == "Hoodie - M")
        #expect(failed.lineItems[0].productID == "15")
        #expect(failed.lineItems[0].variantID == "17")
        #expect(failed.lineItems[0].sku == "HOODIE-M")
        #expect(failed.lineItems[0].quantity == 2)
        #expect(failed.lineItems[0].unitPrice == Money(47, .eur))

        let onHold = page.records[1]
        #expect(onHold.id == "26")
        #expect(onHold.status == .onHold)
        #expect(onHold.financialStatus == .pending)
        #expect(onHold.total == Money(Decimal(string: "47.48")!, .eur))
        #expect(onHold.subtotal == Money(Decimal(string: "52.48")!, .eur))
        #expect(onHold.discountTotal == Money(5, .eur))
        #expect(onHold.createdAt == WooFixtures.date("2026-11-23T00:38:26Z"))
        #expect(onHold.updatedAt == WooFixtures.date("2026-11-23T00:38:27Z"))
        #expect(onHold.customer.id == "3")
        #expect(onHold.customer.email == "bob.jones@example.test")
        #expect(onHold.couponCodes == ["fixed5"])
        #expect(
            onHold.lineItems.map(\.unitPrice) == [
                Money(Decimal(string: "12.50")!, .eur), Money(Decimal(string: "19.99")!, .eur),
            ])
        #expect(
            onHold.lineItems.map(\.total) == [
                Money(Decimal(string: "10.84")!, .eur), Money(Decimal(string: "36.64")!, .eur),
            ])
    }
}
