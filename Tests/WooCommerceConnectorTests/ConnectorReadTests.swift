import AftercartConnector
import AftercartModel
import Foundation
import Testing
import WooCommerceConnector

/// The adapter against a fake store over real HTTP: the queries it sends,
/// how it pages, the cursors it hands back, and its errors.
@Suite struct ConnectorReadTests {
    static func ordersRoute(_ request: SeenRequest) -> FakeAnswer {
        guard request.path == "/wp-json/wc/v3/orders" else { return .json(#"{"code":"rest_no_route"}"#, status: 404) }
        // The trash list every order read starts with: nothing in the trash.
        if request.queryValue("status") == "trash" {
            return .json("[]", headers: ["X-WP-Total": "0", "X-WP-TotalPages": "0"])
        }
        let headers = ["X-WP-Total": "3", "X-WP-TotalPages": "2"]
        if request.queryValue("page") == "2" {
            let single = (try? fixtureText("woocommerce_order.json")) ?? "{}"
            return .json("[\(single)]", headers: headers)
        }
        return .json((try? fixtureText("woocommerce-10-real/orders_page1_per_page2.json")) ?? "[]", headers: headers)
    }

    @Test func ordersArePagedWithModifiedAfterAndTheCursorCompletes() async throws {
        let since = WooFixtures.date("2026-11-20T00:00:00Z")
        try await withConnector(route: Self.ordersRoute) { connector, store in
            let pages = try await allPages(connector.read(.orders, since: SyncCursor(updatedAfter: since)))
            #expect(pages.map(\.records.count) == [2, 1])
            #expect(pages[0].progress.totalPages == 2)
            #expect(pages[0].cursor.nextPage == 2)
            #expect(pages[0].cursor.highWater == WooFixtures.date("2026-11-23T00:38:27Z"))
            let last = pages[1].cursor
            #expect(last.isWalkInProgress == false)
            #expect(last.updatedAfter == WooFixtures.date("2026-11-23T00:38:27Z"))

            let trash = store.requests.filter { $0.queryValue("status") == "trash" }
            #expect(trash.count == 1)
            #expect(trash.first?.queryValue("modified_after") == "2026-11-19T23:55:00")
            #expect(trash.first?.queryValue("_fields") == "id")
            let requests = store.requests.filter { $0.queryValue("status") != "trash" }
            #expect(requests.count == 2)
            for request in requests {
                #expect(request.method == "GET")
                // Five minutes of lookback before the stored cursor.
                #expect(request.queryValue("modified_after") == "2026-11-19T23:55:00")
                #expect(request.queryValue("dates_are_gmt") == "true")
                #expect(request.queryValue("after") == nil)
                #expect(request.queryValue("per_page") == "100")
            }
            #expect(requests.map { $0.queryValue("page") } == ["1", "2"])
        }
    }

    @Test func aWalkResumesAtItsNextPageWithTheSameFilter() async throws {
        let cursor = SyncCursor(
            updatedAfter: WooFixtures.date("2026-11-20T00:00:00Z"), highWater: WooFixtures.date("2026-11-23T00:38:27Z"),
            nextPage: 2)
        try await withConnector(route: Self.ordersRoute) { connector, store in
            let pages = try await allPages(connector.read(.orders, since: cursor))
            #expect(pages.count == 1)
            #expect(pages[0].records.count == 1)
            let pageRequests = store.requests.filter { $0.queryValue("status") != "trash" }
            #expect(pageRequests.map { $0.queryValue("page") } == ["2"])
            #expect(pageRequests.first?.queryValue("modified_after") == "2026-11-19T23:55:00")
            #expect(pages[0].cursor.updatedAfter == WooFixtures.date("2026-11-23T00:38:27Z"))
        }
    }

    @Test func plainHTTPIsSignedWithOAuthOverTheHomeURL() async throws {
        try await withConnector(settings: { $0.homeURL = "https://shop.example.test:8443" }, route: Self.ordersRoute) {
            connector, store in
            _ = try await allPages(connector.read(.orders, since: nil))
            let request = try #require(store.requests.first)
            #expect(request.header("Authorization") == nil)
            #expect(request.queryValue("oauth_consumer_key") == TestKeys.consumerKey.revealed())
            #expect(request.queryValue("oauth_signature_method") == "HMAC-SHA256")
            #expect(request.queryValue("oauth_timestamp") == "1763858307")
            #expect(request.queryValue("oauth_nonce")?.count == 32)
            #expect(request.queryValue("oauth_version") == nil)
            #expect(request.queryValue("modified_after") == nil)

            // Re-derive the signature from what the store received, as WooCommerce does.
            let signer = WooCommerceOAuthSigner(
                consumerKey: TestKeys.consumerKey, consumerSecret: TestKeys.consumerSecret,
                homeURL: "https://shop.example.test:8443")
            let unsignedQuery = request.query.filter { $0.0 != "oauth_signature" }
            let own = unsignedQuery.filter { !$0.0.hasPrefix("oauth_") }
            let oauth = unsignedQuery.filter { $0.0.hasPrefix("oauth_") }
            let url = store.baseURL + request.path + "?" + own.map { "\($0.0)=\($0.1)" }.joined(separator: "&")
            let base = try signer.signatureBaseString(method: "GET", url: url, oauthParameters: oauth)
            #expect(base.hasPrefix("GET&http%3A%2F%2Fshop.example.test%3A8443%2Fwp-json%2Fwc%2Fv3%2Forders&"))
            #expect(request.queryValue("oauth_signature") == signer.signature(of: base))
        }
    }

    @Test func basicAuthIsSentWhenConfigured() async throws {
        try await withConnector(settings: { $0.authentication = .basic }, route: Self.ordersRoute) { connector, store in
            _ = try await allPages(connector.read(.orders, since: nil))
            let header = try #require(store.requests.first?.header("Authorization"))
            let expected = Data("\(TestKeys.consumerKey.revealed()):\(TestKeys.consumerSecret.revealed())".utf8)
            #expect(header == "Basic " + expected.base64EncodedString())
            #expect(store.requests.first?.queryValue("oauth_signature") == nil)
        }
    }

    @Test func aMalformedOrderIsRejectedNamingItsFieldAndTheRestOfThePageIsRead() async throws {
        let body =
            #"[{"id":1,"status":"processing","currency":"USD","total":"1.00","date_created_gmt":"2026-01-01T00:00:00"},{"id":2,"status":"processing","currency":"USD","total":"abc","date_created_gmt":"2026-01-01T00:00:00"}]"#
        try await withConnector(route: { _ in .json(body, headers: ["X-WP-TotalPages": "1"]) }) { connector, _ in
            let pages = try await allPages(connector.read(.orders, since: nil))
            #expect(pages.flatMap(\.records.anyRecords).map(\.platformID) == ["1"])
            let reject = try #require(pages.flatMap(\.rejected).first)
            #expect(reject.id == "2")
            #expect(reject.reason == #"total: "abc" is not a decimal"#)
            #expect(reject.rawJSON.contains(#""total":"abc""#))
            #expect(!reject.rawJSON.contains(TestKeys.consumerSecret.revealed()))
            #expect(pages.last?.cursor.isWalkInProgress == false)
        }
    }

    @Test func aPageThatIsNotJSONIsStillADecodingErrorNamingStoreAndResource() async throws {
        try await withConnector(route: { _ in .json(#"[{"id":1,"status":"proc"#, headers: ["X-WP-TotalPages": "1"]) }) {
            connector, _ in
            do {
                _ = try await allPages(connector.read(.orders, since: nil))
                Issue.record("no error")
            } catch let error as ConnectorError {
                guard case .decoding(_, _, let context) = error else {
                    Issue.record("wrong error \(error)")
                    return
                }
                #expect(context.store == "test-woo")
                #expect(context.resource == "orders")
                #expect(error.description.hasPrefix("test-woo orders: "))
            }
        }
    }

    @Test func reviewsAskForEveryStatusAndCouponsLearnTheCurrencyOnce() async throws {
        let route: @Sendable (SeenRequest) -> FakeAnswer = { request in
            switch request.path {
            case "/wp-json/wc/v3/products/reviews":
                return .json(
                    (try? fixtureText("woocommerce-10-real/products_reviews.json")) ?? "[]",
                    headers: ["X-WP-TotalPages": "1"])
            case "/wp-json/wc/v3/products":
                // No product changed: no review is read again.
                return .json("[]", headers: ["X-WP-Total": "0", "X-WP-TotalPages": "0"])
            case "/wp-json/wc/v3/settings/general/woocommerce_currency":
                return .json(#"{"id":"woocommerce_currency","label":"Currency","value":"EUR"}"#)
            case "/wp-json/wc/v3/coupons":
                let coupon = (try? fixtureText("woocommerce-10-real/coupon_create.json")) ?? "{}"
                return .json("[\(coupon)]", headers: ["X-WP-TotalPages": "1"])
            default:
                return .json(#"{"code":"rest_no_route"}"#, status: 404)
            }
        }
        try await withConnector(route: route) { connector, store in
            let reviews = try await allPages(
                connector.read(.reviews, since: SyncCursor(updatedAfter: WooFixtures.date("2026-11-01T00:00:00Z"))))
            #expect(reviews.first?.records.count == 5)
            let products = try #require(store.requests.first)
            #expect(products.path == "/wp-json/wc/v3/products")
            #expect(products.queryValue("modified_after") == "2026-10-31T23:55:00")
            #expect(products.queryValue("_fields") == "id")
            let reviewRequest = try #require(store.requests.first { $0.path.hasSuffix("/products/reviews") })
            #expect(reviewRequest.queryValue("status") == "all")
            #expect(reviewRequest.queryValue("after") == "2026-10-31T23:55:00")

            let coupons = try await allPages(connector.read(.coupons, since: nil))
            guard case .coupons(let records) = try #require(coupons.first).records else {
                Issue.record("not coupons")
                return
            }
            #expect(records.first?.code == "vip-anna-15")
            #expect(store.requests.filter { $0.path.hasSuffix("woocommerce_currency") }.count == 1)
        }
    }

    @Test func loyaltyIsUnsupportedUnlessASourceIsConfigured() async throws {
        try await withConnector(route: Self.ordersRoute) { connector, store in
            #expect(!connector.capabilities.readable.contains(.loyalty))
            do {
                _ = try await allPages(connector.read(.loyalty, since: nil))
                Issue.record("no error")
            } catch let error as ConnectorError {
                guard case .unsupported = error else {
                    Issue.record("wrong error \(error)")
                    return
                }
            }
            #expect(store.requests.isEmpty)
        }
    }

    @Test func advancedCouponsBalancesAreReadPerCustomer() async throws {
        let route: @Sendable (SeenRequest) -> FakeAnswer = { request in
            switch request.path {
            case "/wp-json/wc/v3/customers":
                return .json(
                    #"[{"id":17,"email":"a@example.test"},{"id":18,"email":"b@example.test"}]"#,
                    headers: ["X-WP-TotalPages": "1"])
            case "/wp-json/wc-loyalty-program/v1/customers/status/17":
                return .json(
                    #"{"status":[{"label":"Total Points (All Time)","points":61},{"label":"Unclaimed Points","points":45}]}"#
                )
            default:
                return .json(#"{"code":"rest_no_route"}"#, status: 404)
            }
        }
        try await withConnector(settings: { $0.loyalty = .advancedCoupons }, route: route) { connector, _ in
            let pages = try await allPages(connector.read(.loyalty, since: nil))
            guard case .loyalty(let accounts) = try #require(pages.first).records else {
                Issue.record("not loyalty")
                return
            }
            #expect(accounts.map(\.customerID) == ["17"])
            #expect(accounts.first?.points == 45)
            #expect(accounts.first?.source == "advanced_coupons")
        }
    }
}
