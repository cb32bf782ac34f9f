import AftercartConnector
import AftercartModel
import Foundation
import ShopifyConnector
import Testing

/// Order 450789469 (`shopify_order_with_fulfillment_and_refund.json`) mapped
/// field by field, and the rules around it on edited copies.
@Suite struct OrderFixtureTests {
    let mapper = ShopifyOrderMapper(store: "osaka-shopify")
    let usd = Currency.usd

    func money(_ text: String) -> Money { Money(ShopifyFixtures.decimal(text), usd) }

    func mapOne(_ edit: (inout [String: Any]) -> Void = { _ in }) throws -> Order {
        let page = try mapper.mapPage(try ShopifyFixtures.ordersPage(edit))
        return try #require(page.records.first)
    }

    @Test func documentedOrderMapsExactly() throws {
        let order = try mapOne()
        #expect(order.store == "osaka-shopify")
        #expect(order.id == "450789469")
        #expect(order.number == "#1001")
        #expect(order.status == .processing)
        #expect(order.financialStatus == .partiallyRefunded)
        #expect(order.fulfillmentStatus == .unfulfilled)
        #expect(order.shipmentStatus == ShipmentStatus.none)
        #expect(order.currency == usd)
        #expect(order.total == money("598.94"))
        #expect(order.subtotal == money("597.00"))
        #expect(order.discountTotal == money("10.00"))
        #expect(order.shippingTotal == money("0.00"))
        #expect(order.taxTotal == money("11.94"))
        // One refund transaction, kind refund, status success.
        #expect(order.refundedTotal == money("209.00"))
        #expect(order.createdAt == ShopifyFixtures.date("2008-01-10T16:00:00Z"))
        #expect(order.updatedAt == ShopifyFixtures.date("2008-01-10T16:00:00Z"))
        // The only fulfillment has status "failure": nothing left the warehouse.
        #expect(order.shippedAt == nil)
        #expect(order.deliveredAt == nil)
        #expect(
            order.customer
                == OrderCustomer(
                    id: "207119551", email: "bob.norman@mail.example.com", firstName: "Bob", lastName: "Norman",
                    acceptsMarketing: false))
        #expect(order.couponCodes == ["TENOFF"])
        #expect(
            order.tracking == [
                Shipment(
                    carrier: "USPS", number: "1Z1234512345123456",
                    url: "https://tools.usps.com/go/TrackConfirmAction_input?qtc_tLabels1=1Z1234512345123456")
            ])
        #expect(
            order.lineItems == [
                LineItem(
                    productID: "632910392", variantID: "39072856", sku: "IPOD2008GREEN",
                    name: "IPod Nano - 8gb - green",
                    quantity: 1, unitPrice: money("199.00"), total: money("195.66")),
                LineItem(
                    productID: "632910392", variantID: "49148385", sku: "IPOD2008RED", name: "IPod Nano - 8gb - red",
                    quantity: 1, unitPrice: money("199.00"), total: money("195.67")),
                LineItem(
                    productID: "632910392", variantID: "457924702", sku: "IPOD2008BLACK",
                    name: "IPod Nano - 8gb - black", quantity: 1, unitPrice: money("199.00"), total: money("195.67")),
            ])
    }

    @Test func normalizedJSONPrintsExactMoneyAndUTC() throws {
        let order = try mapOne()
        let json = String(decoding: try ModelJSON.encoder().encode(order), as: UTF8.self)
        #expect(json.contains("\"total\":\"598.94\""))
        #expect(json.contains("\"refunded_total\":\"209.00\""))
        #expect(json.contains("\"created_at\":\"2008-01-10T16:00:00Z\""))
    }

    @Test func singleOrderAndWebhookBodiesMapTheSame() throws {
        let single = try mapper.mapOrder(try ShopifyFixtures.data("shopify_order_with_fulfillment_and_refund.json"))
        let webhook = try ShopifyFixtures.object("shopify_webhook_orders_updated_constructed.json")
        let raw = try #require(webhook["raw_body"] as? String)
        let fromWebhook = try mapper.mapWebhookOrder(Data(raw.utf8))
        #expect(single == (try mapOne()))
        #expect(fromWebhook == single)
    }

    @Test func deliveredFulfillmentGivesDeliveredAndShippedTimes() throws {
        let order = try mapOne { order in
            order["fulfillment_status"] = "fulfilled"
            order["financial_status"] = "paid"
            var fulfillments = order["fulfillments"] as! [[String: Any]]
            fulfillments[0]["status"] = "success"
            fulfillments[0]["shipment_status"] = "delivered"
            fulfillments[0]["created_at"] = "2025-07-01T09:00:00+09:00"
            fulfillments[0]["updated_at"] = "2025-07-03T18:30:00+09:00"
            var second = fulfillments[0]
            second["shipment_status"] = "in_transit"
            second["tracking_company"] = "UPS"
            second["tracking_numbers"] = ["1Z001985YW99744790"]
            second["tracking_urls"] = [] as [String]
            second["tracking_url"] = NSNull()
            second["created_at"] = "2025-07-02T09:00:00+09:00"
            fulfillments.append(second)
            var cancelled = second
            cancelled["status"] = "cancelled"
            cancelled["tracking_numbers"] = ["VOID"]
            fulfillments.append(cancelled)
            order["fulfillments"] = fulfillments
        }
        #expect(order.status == .completed)
        #expect(order.shipmentStatus == .delivered)
        #expect(order.shippedAt == ShopifyFixtures.date("2025-07-01T00:00:00Z"))
        #expect(order.deliveredAt == ShopifyFixtures.date("2025-07-03T09:30:00Z"))
        #expect(order.tracking.map(\.number) == ["1Z1234512345123456", "1Z001985YW99744790"])
        #expect(order.tracking[1].carrier == "UPS")
        #expect(order.tracking[1].url == nil)
    }

    @Test(arguments: [
        ("label_printed", ShipmentStatus.labelPrinted), ("label_purchased", .labelPrinted), ("confirmed", .confirmed),
        ("in_transit", .inTransit), ("carrier_picked_up", .inTransit), ("delayed", .inTransit),
        ("out_for_delivery", .outForDelivery), ("attempted_delivery", .failure), ("failure", .failure),
        ("delivered", .delivered), ("something_new", .inTransit),
    ])
    func shipmentStatusValues(raw: String, expected: ShipmentStatus) throws {
        let order = try mapOne { order in
            var fulfillments = order["fulfillments"] as! [[String: Any]]
            fulfillments[0]["status"] = "success"
            fulfillments[0]["shipment_status"] = raw
            order["fulfillments"] = fulfillments
        }
        #expect(order.shipmentStatus == expected)
    }

    @Test func theMostAdvancedShipmentWins() throws {
        let order = try mapOne { order in
            var fulfillments = order["fulfillments"] as! [[String: Any]]
            fulfillments[0]["status"] = "success"
            fulfillments[0]["shipment_status"] = "out_for_delivery"
            var second = fulfillments[0]
            second["shipment_status"] = "confirmed"
            fulfillments.append(second)
            order["fulfillments"] = fulfillments
        }
        #expect(order.shipmentStatus == .outForDelivery)
        #expect(order.deliveredAt == nil)
    }

    @Test(
        arguments: [
            // (financial, fulfillment, cancelled, closed) → status
            ("paid", nil, false, false, OrderStatus.processing),
            ("partially_paid", nil, false, false, .processing),
            ("pending", nil, false, false, .pending),
            ("authorized", nil, false, false, .pending),
            ("paid", "fulfilled", false, false, .completed),
            ("paid", "partial", false, false, .processing),
            ("paid", nil, false, true, .completed),
            ("refunded", "fulfilled", false, true, .refunded),
            ("voided", nil, false, false, .cancelled),
            ("paid", "fulfilled", true, true, .cancelled),
        ] as [(String, String?, Bool, Bool, OrderStatus)])
    func statusRules(financial: String, fulfillment: String?, cancelled: Bool, closed: Bool, expected: OrderStatus)
        throws
    {
        let order = try mapOne { order in
            order["financial_status"] = financial
            order["fulfillment_status"] = fulfillment ?? NSNull()
            order["cancelled_at"] = cancelled ? "2008-01-11T10:00:00-05:00" : NSNull()
            order["closed_at"] = closed ? "2008-01-12T10:00:00-05:00" : NSNull()
        }
        #expect(order.status == expected)
    }

    @Test func guestOrderUsesTheOrderEmailAndHasNoConsent() throws {
        let order = try mapOne { order in
            order["customer"] = NSNull()
            order["email"] = "guest@example.com"
            order["buyer_accepts_marketing"] = true
        }
        #expect(
            order.customer
                == OrderCustomer(
                    id: nil, email: "guest@example.com", firstName: nil, lastName: nil, acceptsMarketing: false))
    }

    @Test(arguments: [("subscribed", true), ("not_subscribed", false), ("pending", false), ("unsubscribed", false)])
    func consentComesFromEmailMarketingConsent(state: String, expected: Bool) throws {
        let order = try mapOne { order in
            var customer = order["customer"] as! [String: Any]
            customer["email_marketing_consent"] = ["state": state, "opt_in_level": NSNull()]
            order["customer"] = customer
        }
        #expect(order.customer.acceptsMarketing == expected)
    }

    @Test func onlySuccessfulRefundTransactionsCount() throws {
        let order = try mapOne { order in
            var refunds = order["refunds"] as! [[String: Any]]
            var transactions = refunds[0]["transactions"] as! [[String: Any]]
            var failed = transactions[0]
            failed["status"] = "failure"
            failed["amount"] = "50.00"
            var second = transactions[0]
            second["amount"] = "0.10"
            transactions += [failed, second]
            refunds[0]["transactions"] = transactions
            order["refunds"] = refunds
        }
        #expect(order.refundedTotal == money("209.10"))
    }

    @Test func zeroDecimalCurrencyStaysExact() throws {
        let order = try mapOne { order in
            order["currency"] = "JPY"
            order["total_price"] = "12800"
        }
        #expect(order.total == Money(12800, .jpy))
        let json = String(decoding: try ModelJSON.encoder().encode(order), as: UTF8.self)
        #expect(json.contains("\"total\":\"12800\""))
    }
}
