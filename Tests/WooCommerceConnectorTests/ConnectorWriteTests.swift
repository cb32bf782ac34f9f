import AftercartConnector
import AftercartModel
import Foundation
import Testing
import WooCommerceConnector

/// `check()` and the writes, against a fake store.
@Suite struct ConnectorWriteTests {
    @Test func checkReportsTheSiteAndProvesTheKeys() async throws {
        let route: @Sendable (SeenRequest) -> FakeAnswer = { request in
            switch request.path {
            case "/wp-json/", "/wp-json":
                return .json(
                    #"{"name":"Tokyo Mugs","home":"https://shop.example.test","timezone_string":"Asia/Tokyo","namespaces":["wp/v2","wc/v3","wc-loyalty-program/v1"]}"#
                )
            case "/wp-json/wc/v3/settings/general/woocommerce_currency":
                return .json(#"{"id":"woocommerce_currency","value":"JPY"}"#)
            case "/wp-json/wc/v3/orders":
                return .json(#"[{"id":9,"currency":"EUR"}]"#)
            default:
                return .json(#"{"code":"rest_no_route"}"#, status: 404)
            }
        }
        try await withConnector(route: route) { connector, store in
            let facts = try await connector.check()
            #expect(store.requests.contains { $0.path == "/wp-json/wc/v3/orders" && $0.queryValue("per_page") == "1" })
            #expect(facts.name == "Tokyo Mugs")
            #expect(facts.currency == .jpy)
            #expect(facts.timeZoneIdentifier == "Asia/Tokyo")
            #expect(facts.routes == ["wc/v3", "wc-loyalty-program/v1"])
            // Plain HTTP means OAuth, and the home URL differs from the base URL.
            #expect(facts.warnings.contains { $0.contains("home URL is https://shop.example.test") })
        }
    }

    @Test func currencyFallsBackToTheNewestOrderWhenSettingsAreUnreadable() async throws {
        let route: @Sendable (SeenRequest) -> FakeAnswer = { request in
            switch request.path {
            case "/wp-json/": return .json(#"{"name":"Shop","namespaces":["wc/v3"]}"#)
            case "/wp-json/wc/v3/orders": return .json(#"[{"id":9,"currency":"EUR"}]"#)
            default: return .json(#"{"code":"rest_no_route"}"#, status: 404)
            }
        }
        try await withConnector(route: route) { connector, _ in
            let facts = try await connector.check()
            #expect(facts.currency == .eur)
            #expect(facts.warnings.isEmpty)
        }
    }

    @Test func rejectedKeysAreUnauthorized() async throws {
        let route: @Sendable (SeenRequest) -> FakeAnswer = { request in
            request.path.hasPrefix("/wp-json/wc/")
                ? .json(
                    #"{"code":"woocommerce_rest_cannot_view","message":"Sorry, you cannot list resources.","data":{"status":401}}"#,
                    status: 401)
                : .json(#"{"name":"x","namespaces":["wc/v3"]}"#)
        }
        try await withConnector(route: route) { connector, _ in
            do {
                _ = try await connector.check()
                Issue.record("no error")
            } catch let error as ConnectorError {
                #expect(error.status == 401)
                #expect(error.context.platformCode == "woocommerce_rest_cannot_view")
            }
        }
    }

    static let createdCoupon = #"""
        {"id":31,"code":"ac-review-7f3k","amount":"10.00","discount_type":"percent","date_expires_gmt":"2026-12-23T12:00:00",
         "date_modified_gmt":"2026-11-23T12:00:00","usage_count":0,"usage_limit":1,"email_restrictions":["anna@example.test"],
         "meta_data":[{"id":300,"key":"_aftercart","value":"1"}]}
        """#

    @Test func couponCreationSendsTheMarkerAndAnExplicitUTCExpiry() async throws {
        try await withConnector(
            settings: { $0.currency = .eur }, route: { _ in .json(Self.createdCoupon, status: 201) }
        ) {
            connector, store in
            let coupon = try await connector.createCoupon(
                CouponRequest(
                    code: "AC-REVIEW-7F3K", kind: .percent, amount: 10,
                    expiresAt: WooFixtures.date("2026-12-23T12:00:00Z"), emailRestrictions: ["anna@example.test"],
                    description: "review-request"))
            #expect(coupon.id == "31")
            #expect(coupon.createdByAftercart)
            let request = try #require(store.requests.first)
            #expect(request.method == "POST")
            #expect(request.path == "/wp-json/wc/v3/coupons")
            let body = try #require(try JSONSerialization.jsonObject(with: Data(request.body.utf8)) as? [String: Any])
            #expect(body["code"] as? String == "AC-REVIEW-7F3K")
            #expect(body["discount_type"] as? String == "percent")
            #expect(body["amount"] as? String == "10")
            #expect(body["date_expires"] as? String == "2026-12-23T12:00:00Z")
            #expect(body["usage_limit"] as? Int == 1)
            #expect(body["usage_limit_per_user"] as? Int == 1)
            #expect(body["email_restrictions"] as? [String] == ["anna@example.test"])
            let meta = try #require(body["meta_data"] as? [[String: String]])
            #expect(meta == [["key": "_aftercart", "value": "1"]])
        }
    }

    @Test func duplicateCodeReturnsTheExistingCouponUnderTheSameTermsOnly() async throws {
        let route: @Sendable (SeenRequest) -> FakeAnswer = { request in
            if request.method == "POST" {
                return .json(
                    (try? fixtureText("woocommerce-10-real/error_400_coupon_duplicate.json")) ?? "", status: 400)
            }
            return .json("[\(Self.createdCoupon)]")
        }
        try await withConnector(route: route) { connector, store in
            let coupon = try await connector.createCoupon(
                CouponRequest(
                    code: "AC-REVIEW-7F3K", kind: .percent, amount: 10,
                    expiresAt: WooFixtures.date("2026-12-23T12:00:00Z"), emailRestrictions: ["Anna@example.test"]))
            #expect(coupon.id == "31")
            #expect(store.requests.map(\.method) == ["POST", "GET"])
            // Looked up as WooCommerce stores codes: lowercased.
            #expect(store.requests[1].queryValue("code") == "ac-review-7f3k")
            // The same code promising anyone an unexpiring coupon is not the one the store has.
            let error = await #expect(throws: CouponTermsMismatch.self) {
                _ = try await connector.createCoupon(CouponRequest(code: "AC-REVIEW-7F3K", kind: .percent, amount: 10))
            }
            #expect(
                error?.differences == [
                    "email restriction anna@example.test instead of anyone",
                    "expiry 2026-12-23T12:00:00Z instead of never",
                ])
        }
    }

    @Test func findCouponMatchesCaseInsensitivelyOrFindsNothing() async throws {
        try await withConnector(route: { _ in .json("[\(Self.createdCoupon)]") }) { connector, _ in
            let found = try await connector.findCoupon(code: "AC-Review-7F3K")
            let missing = try await connector.findCoupon(code: "other")
            #expect(found?.id == "31")
            #expect(missing == nil)
        }
    }

    @Test func orderNotesAndCustomerMeta() async throws {
        try await withConnector(route: { _ in .json(#"{"id":1}"#, status: 201) }) { connector, store in
            try await connector.addOrderNote(orderID: "727", text: "Your parcel is on its way", customerVisible: true)
            try await connector.annotateCustomer(customerID: "4", tags: [], meta: ["_aftercart_segment": "vip"])
            let requests = store.requests
            #expect(requests.map(\.method) == ["POST", "PUT"])
            #expect(requests[0].path == "/wp-json/wc/v3/orders/727/notes")
            #expect(requests[0].body.contains(#""customer_note":true"#))
            #expect(requests[1].path == "/wp-json/wc/v3/customers/4")
            #expect(requests[1].body.contains(#""key":"_aftercart_segment""#))

            await #expect(throws: ConnectorError.self) {
                try await connector.annotateCustomer(customerID: "4", tags: ["vip"], meta: [:])
            }
            await #expect(throws: ConnectorError.self) {
                try await connector.addOrderNote(orderID: "../1", text: "x", customerVisible: false)
            }
            #expect(store.requests.count == 2)
        }
    }
}

/// Loyalty writes exist only for Advanced Coupons.
@Suite struct ConnectorLoyaltyWriteTests {
    @Test func advancedCouponsAdjustmentPostsThenReadsTheBalanceBack() async throws {
        let route: @Sendable (SeenRequest) -> FakeAnswer = { request in
            request.method == "POST"
                ? .json(#"{"success":true}"#)
                : .json(
                    #"{"status":[{"label":"Total Points (All Time)","points":100},{"label":"Unclaimed Points","points":70}]}"#
                )
        }
        try await withConnector(settings: { $0.loyalty = .advancedCoupons }, route: route) { connector, store in
            #expect(connector.capabilities.loyalty == [.read, .write])
            let account = try await connector.adjustLoyalty(customerID: "17", points: -30, reason: "redeemed")
            #expect(account.points == 70)
            let post = try #require(store.requests.first)
            #expect(post.path == "/wp-json/wc-loyalty-program/v1/customers/points/17")
            #expect(post.queryValue("type") == "decrease")
            #expect(post.queryValue("points") == "30")
            #expect(store.requests.map(\.method) == ["POST", "GET"])
        }
    }

    @Test func otherSourcesCannotAdjust() async throws {
        try await withConnector(route: { _ in .json("{}") }) { connector, store in
            await #expect(throws: ConnectorError.self) {
                _ = try await connector.adjustLoyalty(customerID: "17", points: 5, reason: "x")
            }
            #expect(store.requests.isEmpty)
        }
    }
}
