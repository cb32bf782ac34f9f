import AftercartModel
import Foundation
import Testing
import WooCommerceConnector

/// Status, money, refund, tracking and identity rules of the order mapper,
/// on variations of the documented order.
@Suite struct OrderRulesTests {
    let mapper = WooCommerceOrderMapper(store: "test-woo")

    func map(_ changes: [String: Any] = [:], removing: [String] = []) throws -> WooCommerceMapped<Order> {
        try mapper.mapOrder(WooFixtures.order(changes, removing: removing))
    }

    func order(_ changes: [String: Any] = [:], removing: [String] = []) throws -> Order {
        try #require(try map(changes, removing: removing).record)
    }

    @Test(arguments: [
        ("pending", OrderStatus.pending), ("processing", .processing), ("on-hold", .onHold),
        ("completed", .completed), ("cancelled", .cancelled), ("refunded", .refunded), ("failed", .failed),
        ("wc-completed", .completed),
    ])
    func coreStatusesMap(raw: String, expected: OrderStatus) throws {
        #expect(try order(["status": raw]).status == expected)
    }

    @Test func onHoldIsOnHoldAndPaidOnlyWithAPaymentDate() throws {
        let unpaid = try order(["status": "on-hold", "date_paid_gmt": NSNull()])
        #expect(unpaid.status == .onHold)
        #expect(unpaid.financialStatus == .pending)
        #expect(try order(["status": "on-hold"]).financialStatus == .paid)
    }

    @Test(arguments: ["trash", "checkout-draft", "auto-draft", "draft"])
    func trashAndDraftsAreSkipped(status: String) throws {
        guard case .skipped(let skip) = try map(["status": status]) else {
            Issue.record("\(status) was not skipped")
            return
        }
        #expect(skip.id == "727")
        #expect(skip.reason == (status == "trash" ? .trashed : .draft(status: status)))
    }

    @Test func trashedOrdersStillMoveThePageCursor() throws {
        let body = try WooFixtures.page([
            WooFixtures.order(["status": "trash", "date_modified_gmt": "2020-01-02T03:04:05"])
        ])
        let page = try mapper.mapPage(body)
        #expect(page.records.isEmpty)
        #expect(page.skipped.map(\.reason) == [.trashed])
        #expect(page.newestModification == WooFixtures.date("2020-01-02T03:04:05Z"))
    }

    @Test func unknownCustomStatusIsSkippedWithItsName() throws {
        guard case .skipped(let skip) = try map(["status": "awaiting-pickup"]) else {
            Issue.record("not skipped")
            return
        }
        #expect(skip.reason == .unknownOrderStatus("awaiting-pickup"))
        let configured = WooCommerceOrderMapper(
            store: "s", options: .init(customStatuses: ["awaiting-pickup": .same(as: .processing)]))
        let order = try #require(try configured.mapOrder(WooFixtures.order(["status": "awaiting-pickup"])).record)
        #expect(order.status == .processing)
    }

    @Test func deliveredCustomStatusIsCompletedAndDelivered() throws {
        let order = try order([
            "status": "delivered", "date_completed_gmt": "2017-03-23T10:00:00",
            "date_modified_gmt": "2017-03-25T08:30:00",
        ])
        #expect(order.status == .completed)
        #expect(order.fulfillmentStatus == .fulfilled)
        #expect(order.shipmentStatus == .delivered)
        #expect(order.deliveredAt == WooFixtures.date("2017-03-25T08:30:00Z"))
        #expect(order.shippedAt == WooFixtures.date("2017-03-23T10:00:00Z"))
    }

    @Test func deliveredWithoutModificationDateFallsBackToCompletion() throws {
        let order = try order([
            "status": "delivered", "date_completed_gmt": "2017-03-23T10:00:00", "date_modified_gmt": NSNull(),
        ])
        #expect(order.deliveredAt == WooFixtures.date("2017-03-23T10:00:00Z"))
    }

    @Test func shippedCustomStatusIsCompletedAndInTransit() throws {
        let order = try order(["status": "shipped"])
        #expect(order.status == .completed)
        #expect(order.shipmentStatus == .inTransit)
        #expect(order.deliveredAt == nil)
        #expect(order.shippedAt == WooFixtures.date("2017-03-22T19:28:08Z"))
    }

    @Test func completedWithoutTrackingIsFulfilledButSaysNothingAboutTheParcel() throws {
        let order = try order(["status": "completed", "date_completed_gmt": "2017-03-24T12:00:00"])
        #expect(order.fulfillmentStatus == .fulfilled)
        #expect(order.shipmentStatus == ShipmentStatus.none)
        #expect(order.shippedAt == WooFixtures.date("2017-03-24T12:00:00Z"))
    }

    static var trackingMeta: [[String: Any]] {
        [
            ["id": 1, "key": "_download_permissions_granted", "value": "yes"],
            [
                "id": 2, "key": "_wc_shipment_tracking_items",
                "value": [
                    [
                        "tracking_provider": "usps", "custom_tracking_provider": "", "custom_tracking_link": "",
                        "tracking_number": "9400111899223856925520", "date_shipped": "1700000000",
                        "tracking_id": "a1b2c3",
                    ],
                    [
                        "tracking_provider": "", "custom_tracking_provider": "Yamato",
                        "custom_tracking_link": "https://track.example/1234", "tracking_number": "1234",
                        "date_shipped": "1700086400", "tracking_id": "d4e5f6",
                    ],
                    ["tracking_provider": "ups", "tracking_number": "", "date_shipped": "1700000000"],
                ],
            ],
        ]
    }

    @Test func trackingMetaGivesTrackingShippedAtAndInTransit() throws {
        let order = try order(["status": "completed", "meta_data": Self.trackingMeta])
        #expect(
            order.tracking == [
                Shipment(carrier: "usps", number: "9400111899223856925520", url: nil),
                Shipment(carrier: "Yamato", number: "1234", url: "https://track.example/1234"),
            ])
        #expect(order.shipmentStatus == .inTransit)
        #expect(order.shippedAt == Date(timeIntervalSince1970: 1_700_000_000))
    }

    @Test func trackingOnACancelledOrderDoesNotMeanInTransit() throws {
        let order = try order(["status": "cancelled", "meta_data": Self.trackingMeta])
        #expect(order.tracking.count == 2)
        #expect(order.shipmentStatus == ShipmentStatus.none)
    }

    @Test func refundsAreNegativeOnTheOrderAndSummedPositive() throws {
        let partial = try order([
            "status": "completed",
            "refunds": [["id": 1, "reason": "", "total": "-10.00"], ["id": 2, "reason": "", "total": "-1.35"]],
        ])
        #expect(partial.refundedTotal == Money(Decimal(string: "11.35")!, .usd))
        #expect(partial.financialStatus == .partiallyRefunded)

        let full = try order(["status": "completed", "refunds": [["id": 1, "total": "-29.35"]]])
        #expect(full.refundedTotal == Money(Decimal(string: "29.35")!, .usd))
        #expect(full.financialStatus == .refunded)

        let refundedStatus = try order(["status": "refunded", "refunds": [["id": 1, "total": "-29.35"]]])
        #expect(refundedStatus.financialStatus == .refunded)
    }

    @Test func blankAndNullMoneyIsZero() throws {
        let order = try order(["discount_total": "", "shipping_total": NSNull(), "total_tax": "  "])
        #expect(order.discountTotal == Money(0, .usd))
        #expect(order.shippingTotal == Money(0, .usd))
        #expect(order.taxTotal == Money(0, .usd))
        let blankTotal = try self.order(["total": ""])
        #expect(blankTotal.total == Money(0, .usd))
    }

    @Test func jsonNumberPriceIsReadExactly() throws {
        let body =
            #"{"id":1,"status":"pending","currency":"EUR","total":"18.32","date_created_gmt":"2026-01-01T00:00:00","line_items":[{"name":"Shirt","product_id":11,"quantity":2,"subtotal":"","total":"36.64","price":18.32},{"name":"Mug","product_id":10,"quantity":0,"subtotal":"0.00","total":"0.00","price":10.84}]}"#
        let order = try #require(try mapper.mapOrder(Data(body.utf8)).record)
        #expect(order.lineItems[0].unitPrice.amount == Decimal(string: "18.32")!)
        #expect(order.lineItems[1].unitPrice.amount == Decimal(string: "10.84")!)
        #expect(order.lineItems[0].unitPrice.amountText == "18.32")
    }

    @Test func unevenSubtotalRoundsTheUnitPriceButKeepsTheTotal() throws {
        let body =
            #"{"id":1,"status":"pending","currency":"USD","total":"10.00","date_created_gmt":"2026-01-01T00:00:00","line_items":[{"name":"3 for 10","product_id":5,"quantity":3,"subtotal":"10.00","total":"10.00","price":3.3333333333333335}]}"#
        let item = try #require(try mapper.mapOrder(Data(body.utf8)).record?.lineItems.first)
        #expect(item.unitPrice == Money(Decimal(string: "3.33")!, .usd))
        #expect(item.total == Money(10, .usd))
    }

    @Test func registeredCustomerKeepsTheirIdAndGuestsHaveNone() throws {
        #expect(try order(["customer_id": 42]).customer.id == "42")
        #expect(try order(["customer_id": 0]).customer.id == nil)
        let noEmail = try order(["billing": ["first_name": "", "last_name": "", "email": ""]])
        #expect(noEmail.customer.email == nil)
        #expect(noEmail.customer.firstName == nil)
    }

    @Test func consentComesFromTheConfiguredOrderMetaKeyOrTheStoreSetting() throws {
        let meta: [[String: Any]] = [["id": 9, "key": "aftercart_marketing_consent", "value": "yes"]]
        let keyed = WooCommerceOrderMapper(
            store: "s", options: .init(consent: .init(metaKey: "aftercart_marketing_consent", storeWide: .denied)))
        let withMeta = try #require(try keyed.mapOrder(WooFixtures.order(["meta_data": meta])).record)
        #expect(withMeta.customer.acceptsMarketing == true)
        let withoutMeta = try #require(try keyed.mapOrder(WooFixtures.order()).record)
        #expect(withoutMeta.customer.acceptsMarketing == false)
    }

    @Test func missingGMTCreationDateFallsBackToSiteLocalTime() throws {
        let tokyo = WooCommerceOrderMapper(
            store: "s", options: .init(siteTimeZone: TimeZone(identifier: "Asia/Tokyo")!))
        let order = try #require(
            try tokyo.mapOrder(
                WooFixtures.order(["date_created": "2017-03-23T04:28:02"], removing: ["date_created_gmt"])
            )
            .record)
        #expect(order.createdAt == WooFixtures.date("2017-03-22T19:28:02Z"))
    }
}
