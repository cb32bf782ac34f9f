import AftercartModel
import Foundation
import Testing

/// The normalized JSON is a contract (what `aftercart export` prints and the conformance
/// kit's `SpecShape` checks): these tests pin its shape.
@Suite struct RecordJSONTests {
    static let specOrder = """
        {"store":"tokyo-woo","id":"1042","number":"1042","status":"completed",
         "financial_status":"paid","fulfillment_status":"fulfilled","shipment_status":"delivered",
         "currency":"JPY","total":"12800","subtotal":"12000","discount_total":"1200","shipping_total":"800","tax_total":"1200","refunded_total":"0",
         "created_at":"2026-11-02T03:04:05Z","updated_at":"2026-11-05T09:00:00Z","delivered_at":"2026-11-05T09:00:00Z",
         "customer":{"id":"77","email":"hana@example.com","first_name":"Hana","last_name":"Sato","accepts_marketing":true},
         "line_items":[{"product_id":"12","variant_id":null,"sku":"MUG-1","name":"Mug","quantity":2,"unit_price":"6000","total":"12000"}],
         "coupon_codes":["WELCOME10"],"tracking":[{"carrier":"Yamato","number":"1234","url":null}]}
        """

    @Test func specOrderDecodesWithExactValues() throws {
        let order = try ModelJSON.decoder().decode(Order.self, from: Data(Self.specOrder.utf8))
        #expect(order.store == "tokyo-woo")
        #expect(order.status == .completed)
        #expect(order.shipmentStatus == .delivered)
        #expect(order.total == Money(12800, .jpy))
        #expect(order.discountTotal.amountText == "1200")
        #expect(order.lineItems.first?.unitPrice == Money(6000, .jpy))
        #expect(order.lineItems.first?.variantID == nil)
        #expect(order.customer.acceptsMarketing == true)
        #expect(order.tracking == [Shipment(carrier: "Yamato", number: "1234", url: nil)])
        #expect(Timestamp.format(order.createdAt) == "2026-11-02T03:04:05Z")
    }

    @Test func specOrderRoundTripsToTheSameJSON() throws {
        let order = try ModelJSON.decoder().decode(Order.self, from: Data(Self.specOrder.utf8))
        let encoded = try ModelJSON.encoder().encode(order)
        let original = try JSONSerialization.jsonObject(with: Data(Self.specOrder.utf8)) as! NSDictionary
        let again = try JSONSerialization.jsonObject(with: encoded) as! [String: Any]
        // shipped_at is the one key beyond SPEC's example (the delivered fallback needs it).
        #expect(again["shipped_at"] is NSNull)
        var withoutShipped = again
        withoutShipped["shipped_at"] = nil
        #expect(NSDictionary(dictionary: withoutShipped) == original)
        #expect(try ModelJSON.decoder().decode(Order.self, from: encoded) == order)
    }

    @Test func rejectsMoneyThatIsNotADecimal() {
        let broken = Self.specOrder.replacingOccurrences(of: #""total":"12800""#, with: #""total":"12,800""#)
        #expect(throws: DecodingError.self) {
            try ModelJSON.decoder().decode(Order.self, from: Data(broken.utf8))
        }
    }

    @Test func otherRecordsRoundTrip() throws {
        let when = try #require(Timestamp.parse("2026-11-05T09:00:00Z"))
        let customer = Customer(
            store: "osaka-shopify", id: "207119551", email: "bob.norman@mail.example.com", firstName: "Bob",
            lastName: "Norman", acceptsMarketing: false, ordersCount: 1, totalSpent: Money(199.65, .usd),
            createdAt: when, updatedAt: when)
        let coupon = Coupon(
            store: "tokyo-woo", id: "720", code: "thanks-77-3f9a", kind: .percent, amount: 10, currency: nil,
            expiresAt: when, usageLimit: 1, usedCount: 0, emailRestrictions: ["hana@example.com"],
            createdByAftercart: true, updatedAt: when)
        let loyalty = LoyaltyAccount(
            store: "tokyo-woo", customerID: "77", points: 1200, tier: "gold", pointsExpiring: 300, expiresAt: when,
            source: "customer_meta", updatedAt: when)
        let review = Review(
            store: "tokyo-woo", id: "22", productID: "12", customerEmail: "hana@example.com", reviewerName: "Hana",
            rating: 1, verified: true, status: .hold, createdAt: when)
        try expectRoundTrip(customer, keys: ["total_spent": "199.65", "currency": "USD"])
        try expectRoundTrip(coupon, keys: ["amount": "10", "kind": "percent", "created_by_aftercart": true])
        try expectRoundTrip(loyalty, keys: ["customer_id": "77", "points": 1200])
        try expectRoundTrip(review, keys: ["customer_email": "hana@example.com", "rating": 1, "status": "hold"])
    }

    @Test func reviewRatingOutsideOneToFiveIsRejectedOnDecode() {
        let json =
            #"{"store":"s","id":"1","product_id":"2","customer_email":"a@b.c","rating":0,"verified":false,"status":"approved","created_at":"2026-01-01T00:00:00Z"}"#
        #expect(throws: DecodingError.self) { try ModelJSON.decoder().decode(Review.self, from: Data(json.utf8)) }
    }

    private func expectRoundTrip<R: SyncRecord>(_ record: R, keys: [String: Any]) throws {
        let data = try ModelJSON.encoder().encode(record)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        for (key, expected) in keys {
            #expect(object[key] != nil, "missing \(key)")
            #expect(
                (object[key] as? NSObject)?.isEqual(expected) == true, "\(key) = \(String(describing: object[key]))")
        }
        #expect(object["store"] as? String == record.store.rawValue)
        #expect(try ModelJSON.decoder().decode(R.self, from: data) == record)
    }
}
