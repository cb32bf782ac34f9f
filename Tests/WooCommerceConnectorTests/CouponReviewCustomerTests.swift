import AftercartModel
import Foundation
import Testing
import WooCommerceConnector

/// Coupons, reviews and customers from the shared fixtures and variations.
@Suite struct CouponReviewCustomerTests {
    // MARK: Coupons

    @Test func documentedCouponMapsExactly() throws {
        let mapper = WooCommerceCouponMapper(store: "s", currency: .usd)
        let coupon = try #require(try mapper.mapCoupon(WooFixtures.data("woocommerce_coupon.json")).record)
        #expect(coupon.id == "719")
        #expect(coupon.code == "10off")
        #expect(coupon.kind == .percent)
        #expect(coupon.amount == 10)
        #expect(coupon.currency == nil)
        #expect(coupon.expiresAt == nil)
        #expect(coupon.usageLimit == nil)
        #expect(coupon.usedCount == 0)
        #expect(coupon.emailRestrictions.isEmpty)
        #expect(coupon.createdByAftercart == false)
        #expect(coupon.updatedAt == WooFixtures.date("2017-03-21T18:23:00Z"))
    }

    @Test func realWooCommerce10CouponMapsExactly() throws {
        let mapper = WooCommerceCouponMapper(store: "s", currency: .eur)
        let coupon = try #require(
            try mapper.mapCoupon(WooFixtures.data("woocommerce-10-real/coupon_create.json")).record)
        #expect(coupon.id == "30")
        #expect(coupon.code == "vip-anna-15")
        #expect(coupon.kind == .percent)
        #expect(coupon.amount == 15)
        #expect(coupon.expiresAt == WooFixtures.date("2030-06-30T21:59:59Z"))
        #expect(coupon.usageLimit == 5)
        #expect(coupon.usedCount == 0)
        #expect(coupon.emailRestrictions == ["anna.schmidt@example.test", "*@example.test"])
        #expect(coupon.createdByAftercart == false)
        #expect(coupon.updatedAt == WooFixtures.date("2026-11-23T00:38:52Z"))
    }

    @Test func couponKindsMarkerAndLooseTypes() throws {
        let mapper = WooCommerceCouponMapper(store: "s", currency: .eur)
        let body = #"""
            [{"id":1,"code":"ac-7f3k","amount":"5","discount_type":"fixed_cart","usage_limit":1,"usage_count":"1",
              "used_by":["4"],"email_restrictions":["anna@example.test"],"date_expires_gmt":null,
              "meta_data":[{"id":1,"key":"_aftercart","value":"review-thanks"}]},
             {"id":2,"code":"p","amount":"","discount_type":"fixed_product","meta_data":[{"id":2,"key":"_aftercart","value":"0"}]},
             {"id":3,"code":"credit","amount":"20.00","discount_type":"smart_coupon"},
             {"id":4,"code":"ship","amount":"0.00","discount_type":"fixed_cart","free_shipping":true},
             {"id":5,"code":"ship-and-5","amount":"5.00","discount_type":"fixed_cart","free_shipping":true},
             {"id":6,"code":"typed","amount":"0","discount_type":"free_shipping"}]
            """#
        let page = try mapper.mapPage(Data(body.utf8))
        #expect(page.records.count == 4)
        #expect(page.records[2].kind == .freeShipping)
        #expect(page.records[2].currency == nil)
        // Money off as well: the money is what the coupon promises.
        #expect(page.records[3].kind == .fixedCart)
        #expect(page.records[3].amount == 5)
        let ours = page.records[0]
        #expect(ours.kind == .fixedCart)
        #expect(ours.amount == 5)
        #expect(ours.currency == .eur)
        #expect(ours.usageLimit == 1)
        #expect(ours.usedCount == 1)
        #expect(ours.createdByAftercart)
        let notOurs = page.records[1]
        #expect(notOurs.kind == .fixedProduct)
        #expect(notOurs.amount == 0)
        #expect(notOurs.createdByAftercart == false)
        #expect(
            page.skipped == [
                WooCommerceSkippedRecord(id: "3", reason: .unsupportedCouponKind("smart_coupon")),
                WooCommerceSkippedRecord(id: "6", reason: .unsupportedCouponKind("free_shipping")),
            ])
    }

    // MARK: Reviews

    @Test func documentedReviewsMapExactly() throws {
        let page = try WooCommerceReviewMapper(store: "s").mapPage(
            WooFixtures.data("woocommerce_product_reviews_list.json"))
        #expect(page.skipped.isEmpty)
        #expect(page.records.count == 2)
        let first = page.records[0]
        #expect(first.id == "22")
        #expect(first.productID == "22")
        #expect(first.customerEmail == "john.doe@example.com")
        #expect(first.reviewerName == "John Doe")
        #expect(first.rating == 5)
        #expect(first.verified == false)
        #expect(first.status == .approved)
        #expect(first.createdAt == WooFixtures.date("2018-10-18T20:59:17Z"))
        let second = page.records[1]
        #expect(second.id == "20")
        #expect(second.productID == "31")
        #expect(second.rating == 1)
        #expect(second.verified)
        #expect(second.createdAt == WooFixtures.date("2018-09-09T00:47:19Z"))
    }

    @Test func realWooCommerce10ReviewsMapExactly() throws {
        let page = try WooCommerceReviewMapper(store: "s").mapPage(
            WooFixtures.data("woocommerce-10-real/products_reviews.json"))
        #expect(page.records.map(\.id) == ["17", "16", "15", "14", "13"])
        #expect(page.records.map(\.rating) == [5, 4, 3, 2, 1])
        #expect(page.records.map(\.productID) == ["12", "15", "11", "10", "10"])
        #expect(page.records.map(\.verified) == [false, true, false, false, false])
        #expect(page.records[1].reviewerName == "Chloé Martin")
        #expect(page.records[4].customerEmail == "anna.schmidt@example.test")
        #expect(page.records[0].createdAt == WooFixtures.date("2026-11-23T00:38:28Z"))
        #expect(page.newestModification == WooFixtures.date("2026-11-23T00:38:28Z"))
    }

    @Test func reviewStatusesAndSkips() throws {
        let body = #"""
            [{"id":1,"product_id":9,"status":"hold","reviewer_email":"a@example.test","rating":1,"verified":true,"date_created_gmt":"2026-01-01T00:00:00"},
             {"id":2,"product_id":9,"status":"spam","reviewer_email":"b@example.test","rating":5,"date_created_gmt":"2026-01-01T00:00:00"},
             {"id":3,"product_id":9,"status":"trash","reviewer_email":"c@example.test","rating":3,"date_created_gmt":"2026-01-01T00:00:00"},
             {"id":4,"product_id":9,"status":"approved","reviewer_email":"d@example.test","rating":0,"date_created_gmt":"2026-01-01T00:00:00"},
             {"id":5,"product_id":9,"status":"approved","reviewer_email":"","rating":4,"date_created_gmt":"2026-01-01T00:00:00"}]
            """#
        let page = try WooCommerceReviewMapper(store: "s").mapPage(Data(body.utf8))
        #expect(page.records.map(\.status) == [.hold, .spam, .trash])
        #expect(
            page.skipped == [
                WooCommerceSkippedRecord(id: "4", reason: .reviewWithoutRating),
                WooCommerceSkippedRecord(id: "5", reason: .reviewWithoutEmail),
            ])
    }

    // MARK: Customers

    static let customers = #"""
        [{"id":4,"date_created_gmt":"2026-11-22T10:00:00","date_modified_gmt":"2026-11-23T00:38:27","email":"chloe.martin@example.test",
          "first_name":"Chloé","last_name":"Martin","role":"customer","username":"chloe","billing":{"email":"chloe.martin@example.test"},
          "is_paying_customer":true,"meta_data":[{"id":1,"key":"aftercart_marketing_consent","value":"yes"}]},
         {"id":5,"email":"bob@example.test","first_name":"","last_name":"","orders_count":3,"total_spent":"120.50",
          "meta_data":[{"id":2,"key":"aftercart_marketing_consent","value":"0"}]},
         {"id":6,"email":"carol@example.test","meta_data":[]},
         {"id":7,"email":"","billing":{"email":""}}]
        """#

    @Test func customersWithConsentFromMeta() throws {
        let mapper = WooCommerceCustomerMapper(
            store: "s", consent: .init(metaKey: "aftercart_marketing_consent", storeWide: .unknown), currency: .eur)
        let page = try mapper.mapPage(Data(Self.customers.utf8))
        #expect(page.records.map(\.id) == ["4", "5", "6"])
        #expect(page.records.map(\.acceptsMarketing) == [true, false, nil])
        let chloe = page.records[0]
        #expect(chloe.email == "chloe.martin@example.test")
        #expect(chloe.firstName == "Chloé")
        #expect(chloe.createdAt == WooFixtures.date("2026-11-22T10:00:00Z"))
        #expect(chloe.updatedAt == WooFixtures.date("2026-11-23T00:38:27Z"))
        #expect(chloe.ordersCount == nil)
        #expect(chloe.totalSpent == nil)
        let bob = page.records[1]
        #expect(bob.firstName == nil)
        #expect(bob.ordersCount == 3)
        #expect(bob.totalSpent == Money(Decimal(string: "120.50")!, .eur))
        #expect(page.skipped == [WooCommerceSkippedRecord(id: "7", reason: .customerWithoutEmail)])
    }

    @Test func storeWideConsentAppliesWhenMetaSaysNothing() throws {
        let granted = WooCommerceCustomerMapper(store: "s", consent: .init(storeWide: .granted))
        #expect(try granted.mapPage(Data(Self.customers.utf8)).records.map(\.acceptsMarketing) == [true, true, true])
        let denied = WooCommerceCustomerMapper(
            store: "s", consent: .init(metaKey: "aftercart_marketing_consent", storeWide: .denied))
        #expect(try denied.mapPage(Data(Self.customers.utf8)).records.map(\.acceptsMarketing) == [true, false, false])
    }
}
