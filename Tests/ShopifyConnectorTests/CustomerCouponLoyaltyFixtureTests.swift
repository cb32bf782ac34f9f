import AftercartConnector
import AftercartModel
import Foundation
import ShopifyConnector
import Testing

/// The customer, price rule and discount code fixtures, and metafield loyalty.
@Suite struct CustomerCouponLoyaltyFixtureTests {
    @Test func documentedCustomerMapsExactly() throws {
        let mapper = ShopifyCustomerMapper(store: "osaka-shopify")
        let page = try mapper.mapPage(try ShopifyFixtures.customersPage())
        #expect(page.skipped.isEmpty)
        #expect(
            page.records == [
                Customer(
                    store: "osaka-shopify", id: "207119551", email: "bob.norman@mail.example.com", firstName: "Bob",
                    lastName: "Norman", acceptsMarketing: false, ordersCount: 1,
                    totalSpent: Money(ShopifyFixtures.decimal("199.65"), .usd),
                    createdAt: ShopifyFixtures.date("2025-07-02T16:25:58Z"),
                    updatedAt: ShopifyFixtures.date("2025-07-02T16:25:58Z"))
            ])
        #expect(page.newestChange == ShopifyFixtures.date("2025-07-02T16:25:58Z"))
        let single = try mapper.mapCustomer(try ShopifyFixtures.data("shopify_customer.json"))
        #expect(single == page.records.first)
    }

    @Test func subscribedCustomerConsents() throws {
        let page = try ShopifyCustomerMapper(store: "s").mapPage(
            try ShopifyFixtures.customersPage { $0["email_marketing_consent"] = ["state": "subscribed"] })
        #expect(page.records.first?.acceptsMarketing == true)
    }

    @Test func customerWithoutEmailIsSkippedButMovesTheCursor() throws {
        let page = try ShopifyCustomerMapper(store: "s").mapPage(
            try ShopifyFixtures.customersPage { $0["email"] = NSNull() })
        #expect(page.records.isEmpty)
        #expect(page.skipped == [ShopifySkippedRecord(id: "207119551", reason: "no email address")])
        #expect(page.newestChange == ShopifyFixtures.date("2025-07-02T16:25:58Z"))
    }

    @Test func fixedAmountPriceRuleWithItsCodeIsAFixedCartCoupon() throws {
        let mapper = ShopifyCouponMapper(store: "osaka-shopify", currency: .usd)
        let page = try mapper.mapCoupons(
            priceRule: try ShopifyFixtures.data("shopify_price_rule.json"),
            discountCodes: try ShopifyFixtures.data("shopify_discount_code.json"))
        #expect(
            page.records == [
                Coupon(
                    store: "osaka-shopify", id: "1057371196", code: "SUMMERSALE10OFF", kind: .fixedCart, amount: 10,
                    currency: .usd, expiresAt: nil, usageLimit: nil, usedCount: 0, emailRestrictions: [],
                    createdByAftercart: false, updatedAt: ShopifyFixtures.date("2025-10-02T16:20:24Z"))
            ])
    }

    @Test func percentageRuleIsPercentAndTitlePrefixMarksAftercart() throws {
        let mapper = ShopifyCouponMapper(store: "s", currency: nil)
        let rule = try ShopifyFixtures.priceRule("shopify_price_rule.json") { rule in
            rule["value_type"] = "percentage"
            rule["value"] = "-15.5"
            rule["title"] = "aftercart:THANKS-42"
            rule["usage_limit"] = 1
            rule["ends_at"] = "2026-12-01T00:00:00+09:00"
        }
        let coupon = try #require(
            try mapper.mapCoupons(
                priceRule: rule, discountCodes: try ShopifyFixtures.data("shopify_discount_code.json")
            )
            .records.first)
        #expect(coupon.kind == .percent)
        #expect(coupon.amount == ShopifyFixtures.decimal("15.5"))
        #expect(coupon.currency == nil)
        #expect(coupon.createdByAftercart)
        #expect(coupon.usageLimit == 1)
        #expect(coupon.expiresAt == ShopifyFixtures.date("2026-11-30T15:00:00Z"))
    }

    @Test func entitledFixedAmountIsFixedProduct() throws {
        let rule = try ShopifyFixtures.priceRule("shopify_price_rule.json") { $0["target_selection"] = "entitled" }
        let page = try ShopifyCouponMapper(store: "s", currency: .usd).mapCoupons(
            priceRule: rule, discountCodes: try ShopifyFixtures.data("shopify_discount_code.json"))
        #expect(page.records.first?.kind == .fixedProduct)
    }

    @Test func freeShippingRuleIsAFreeShippingCoupon() throws {
        let page = try ShopifyCouponMapper(store: "s", currency: .usd).mapCoupons(
            priceRule: try ShopifyFixtures.data("shopify_price_rule_free_shipping_usage_limit.json"),
            discountCodes: try ShopifyFixtures.data("shopify_discount_code.json"))
        #expect(page.skipped.isEmpty)
        let coupon = try #require(page.records.first)
        #expect(coupon.kind == .freeShipping)
        #expect(coupon.amount == 0)
        #expect(coupon.currency == nil)
        #expect(coupon.usageLimit == 20)
        #expect(page.newestChange == ShopifyFixtures.date("2025-10-02T16:20:20Z"))
    }

    @Test func cheaperShippingIsSkipped() throws {
        let rule = try ShopifyFixtures.priceRule("shopify_price_rule_free_shipping_usage_limit.json") {
            $0["value"] = "-50.0"
        }
        let page = try ShopifyCouponMapper(store: "s", currency: .usd).mapCoupons(
            priceRule: rule, discountCodes: try ShopifyFixtures.data("shopify_discount_code.json"))
        #expect(page.records.isEmpty)
        #expect(
            page.skipped == [
                ShopifySkippedRecord(id: "1057371196", reason: "shipping discount other than free shipping")
            ])
    }

    @Test func discountCodeBatchJobIsNotACode() throws {
        let error = #expect(throws: ConnectorError.self) {
            try ShopifyCouponMapper(store: "s", currency: .usd).mapCoupons(
                priceRule: try ShopifyFixtures.data("shopify_price_rule.json"),
                discountCodes: try ShopifyFixtures.data("shopify_discount_code_batch_creation.json"))
        }
        guard case .decoding(let field, let reason, _) = error else {
            Issue.record("\(String(describing: error))")
            return
        }
        #expect(field == "discount_code")
        #expect(reason == "missing")
    }

    @Test func loyaltyFromMetafields() throws {
        let keys = ShopifyLoyaltyMetafields(
            namespace: "loyalty", pointsKey: "points", tierKey: "tier", expiresAtKey: "expires_at",
            expiringKey: "expiring")
        let body = Data(
            """
            {"metafields":[
             {"id":1,"namespace":"other","key":"points","value":"999","type":"number_integer","updated_at":"2026-01-01T00:00:00Z"},
             {"id":2,"namespace":"loyalty","key":"points","value":1250,"type":"number_integer","updated_at":"2026-11-02T10:00:00+09:00"},
             {"id":3,"namespace":"loyalty","key":"tier","value":"gold","type":"single_line_text_field"},
             {"id":4,"namespace":"loyalty","key":"expiring","value":"300","type":"number_integer"},
             {"id":5,"namespace":"loyalty","key":"expires_at","value":"2026-12-31T15:00:00Z","type":"date_time"}
            ]}
            """.utf8)
        let account = try ShopifyLoyaltyMapper(store: "s", keys: keys).mapMetafields(body, customerID: "207119551")
        #expect(
            account
                == LoyaltyAccount(
                    store: "s", customerID: "207119551", points: 1250, tier: "gold", pointsExpiring: 300,
                    expiresAt: ShopifyFixtures.date("2026-12-31T15:00:00Z"), source: "shopify_metafield",
                    updatedAt: ShopifyFixtures.date("2026-11-02T01:00:00Z")))
        let none = try ShopifyLoyaltyMapper(store: "s", keys: keys).mapMetafields(
            Data(#"{"metafields":[]}"#.utf8), customerID: "1")
        #expect(none == nil)
    }
}
