import AftercartConnector
import AftercartModel
import Foundation
import MockStores
import ShopifyConnector
import Testing

/// Coupons, notes, tags and metafields written to the Shopify emulator.
@Suite struct MockStoreWriteTests {
    func firstCustomerID(_ harness: ShopifyMockHarness) async throws -> String {
        var iterator = harness.connector.read(.customers, since: nil).makeAsyncIterator()
        let page = try #require(try await iterator.next())
        guard case .customers(let records) = page.records, let first = records.first else {
            throw ConnectorError.notFound(ErrorContext())
        }
        return first.id
    }

    /// From API 2025-10 one GraphQL `discountCodeBasicCreate`; a store pinned to an
    /// older version creates a REST price rule and its code. Both read the same back.
    @Test(arguments: ["2026-07", "2025-07"])
    func couponCreationIsIdempotent(apiVersion: String) async throws {
        let graphQL = apiVersion >= "2025-10"
        try await withShopifyMock(values: ["api_version": apiVersion]) { harness in
            let customer = try await firstCustomerID(harness)
            let expires = Date(timeIntervalSince1970: 1_796_083_200)  // 2026-12-01T00:00:00Z
            let request = CouponRequest(
                code: "AC-THANKS-7F3K", kind: .percent, amount: 10, expiresAt: expires, customerIDs: [customer])
            let created = try await harness.connector.createCoupon(request)
            #expect(created.code == "AC-THANKS-7F3K")
            #expect(created.kind == .percent)
            #expect(created.amount == 10)
            #expect(created.usageLimit == 1)
            #expect(created.expiresAt == expires)
            #expect(created.createdByAftercart)

            let found = try #require(try await harness.connector.findCoupon(code: "ac-thanks-7f3k"))
            #expect(found.id == created.id)
            #expect(found.createdByAftercart)

            let again = try await harness.connector.createCoupon(request)
            #expect(again.id == created.id)
            let stats = harness.mock.stats()
            #expect(stats.count(path: "/admin/api/\(apiVersion)/price_rules.json", status: 201) == (graphQL ? 0 : 1))
            #expect(stats.count(path: "/admin/api/\(apiVersion)/graphql.json", status: 200) == (graphQL ? 1 : 0))
            #expect(stats.count(status: 422) == 0)
            // Lookups: a miss (404) before creating, then hits (GraphQL reads the new code back).
            #expect(stats.count(status: 303) == (graphQL ? 3 : 2))

            let rules = try await harness.rawJSON("price_rules.json?limit=250")
            let ours = (rules["price_rules"] as? [[String: Any]] ?? []).filter {
                ($0["title"] as? String) == "aftercart:AC-THANKS-7F3K"
            }
            #expect(ours.count == 1)
            let rule = try #require(ours.first)
            #expect(rule["value"] as? String == "-10.0")
            #expect(rule["value_type"] as? String == "percentage")
            #expect(rule["customer_selection"] as? String == "prerequisite")
            #expect((rule["prerequisite_customer_ids"] as? [Any])?.map { "\($0)" } == [customer])
            #expect(rule["once_per_customer"] as? Bool == true)
            let codes = try await harness.rawJSON("price_rules/\(rule["id"]!)/discount_codes.json")
            #expect((codes["discount_codes"] as? [Any])?.count == 1)
        }
    }

    @Test(arguments: ["2026-07", "2025-07"])
    func concurrentCreationFindsTheExistingCode(apiVersion: String) async throws {
        // The second creation's lookup is made to miss as if another worker
        // created the code a moment later: Shopify then refuses the code
        // (REST 422, GraphQL `TAKEN`) and the existing one is returned.
        let graphQL = apiVersion >= "2025-10"
        try await withShopifyMock(values: ["api_version": apiVersion]) { harness in
            let request = CouponRequest(code: "AC-RACE-1", kind: .percent, amount: 15)
            let created = try await harness.connector.createCoupon(request)
            harness.mock.setFaults(try MockFaultPlan(spec: "404@\(harness.mock.stats().total + 1)"))
            let again = try await harness.connector.createCoupon(request)
            #expect(again.id == created.id)
            #expect(again.code == "AC-RACE-1")
            let stats = harness.mock.stats()
            #expect(stats.count(status: 422) == (graphQL ? 0 : 1))
            #expect(stats.count(path: "/admin/api/\(apiVersion)/price_rules.json", status: 201) == (graphQL ? 0 : 2))
            let rules = try await harness.rawJSON("price_rules.json?limit=250")
            var codes = 0
            for rule in rules["price_rules"] as? [[String: Any]] ?? []
            where (rule["title"] as? String) == "aftercart:AC-RACE-1" {
                let list = try await harness.rawJSON("price_rules/\(rule["id"]!)/discount_codes.json")
                codes += (list["discount_codes"] as? [Any])?.count ?? 0
            }
            #expect(codes == 1)
        }
    }

    @Test func aPerItemAmountThroughGraphQLReadsBackAsAFixedProductCoupon() async throws {
        try await withShopifyMock { harness in
            let customer = try await firstCustomerID(harness)
            let coupon = try await harness.connector.createCoupon(
                CouponRequest(code: "AC-EACH-2", kind: .fixedProduct, amount: 2, customerIDs: [customer]))
            #expect(coupon.kind == .fixedProduct)
            #expect(coupon.amount == 2)
            #expect(coupon.createdByAftercart)
        }
    }

    /// `discountCodeFreeShippingCreate` from 2025-10, a REST rule on the
    /// shipping line before: either reads back as free shipping, and a
    /// second creation finds it instead of making another.
    @Test(arguments: ["2026-07", "2025-07"])
    func aFreeShippingCouponReadsBackAsFreeShipping(apiVersion: String) async throws {
        let graphQL = apiVersion >= "2025-10"
        try await withShopifyMock(values: ["api_version": apiVersion]) { harness in
            let customer = try await firstCustomerID(harness)
            let request = CouponRequest(
                code: "AC-SHIP-9Q", kind: .freeShipping, amount: 0,
                expiresAt: Date(timeIntervalSince1970: 1_796_083_200), customerIDs: [customer])
            let coupon = try await harness.connector.createCoupon(request)
            #expect(coupon.kind == .freeShipping)
            #expect(coupon.amount == 0)
            #expect(coupon.createdByAftercart)
            let again = try await harness.connector.createCoupon(request)
            #expect(again.id == coupon.id)
            let stats = harness.mock.stats()
            #expect(stats.count(path: "/admin/api/\(apiVersion)/graphql.json", status: 200) == (graphQL ? 1 : 0))
            let rules = try await harness.rawJSON("price_rules.json?limit=250")
            let ours = (rules["price_rules"] as? [[String: Any]] ?? []).filter {
                ($0["title"] as? String) == "aftercart:AC-SHIP-9Q"
            }
            let rule = try #require(ours.first)
            #expect(ours.count == 1)
            #expect(rule["target_type"] as? String == "shipping_line")
            #expect(rule["value"] as? String == "-100.0")
            #expect(rule["value_type"] as? String == "percentage")
            #expect((rule["prerequisite_customer_ids"] as? [Any])?.map { "\($0)" } == [customer])
            // A coupon that promised money off under this code is not the same coupon.
            let other = CouponRequest(code: "AC-SHIP-9Q", kind: .fixedCart, amount: 5, customerIDs: [customer])
            await #expect(throws: CouponTermsMismatch.self) { try await harness.connector.createCoupon(other) }
        }
    }

    @Test func theEmulatorRefusesADiscountWithoutAValueOrWithATakenCode() async throws {
        try await withShopifyMock { harness in
            let mutation = """
                mutation C($d: DiscountCodeBasicInput!) { discountCodeBasicCreate(basicCodeDiscount: $d) {
                  codeDiscountNode { id } userErrors { field message code } } }
                """
            func create(_ value: [String: Any]) async throws -> [[String: Any]] {
                let input: [String: Any] = [
                    "title": "t", "code": "RAW-1", "startsAt": "2026-12-01T00:00:00Z", "context": ["all": "ALL"],
                    "customerGets": ["value": value, "items": ["all": true]],
                ]
                let answer = try await harness.rawGraphQL(["query": mutation, "variables": ["d": input]])
                let payload = (answer["data"] as? [String: Any])?["discountCodeBasicCreate"] as? [String: Any]
                return payload?["userErrors"] as? [[String: Any]] ?? []
            }
            let noValue = try await create([:])
            let first = try await create(["percentage": 0.2])
            let second = try await create(["percentage": 0.2])
            #expect(noValue.first?["code"] as? String == "INVALID")
            #expect(first.isEmpty)
            #expect(second.first?["code"] as? String == "TAKEN")
        }
    }

    @Test func fixedCartCouponCarriesTheShopCurrency() async throws {
        try await withShopifyMock { harness in
            let coupon = try await harness.connector.createCoupon(
                CouponRequest(code: "AC-FIVE-OFF", kind: .fixedCart, amount: Decimal(string: "5.50")!))
            #expect(coupon.kind == .fixedCart)
            #expect(coupon.amount == Decimal(string: "5.50")!)
            #expect(coupon.currency?.code == harness.mock.currency)
            #expect(try await harness.connector.findCoupon(code: "NO-SUCH-CODE") == nil)
        }
    }

    @Test func orderNoteAppendsOnce() async throws {
        try await withShopifyMock { harness in
            var iterator = harness.connector.read(.orders, since: nil).makeAsyncIterator()
            let order = try #require(try await iterator.next()?.orders.first)
            try await harness.connector.addOrderNote(
                orderID: order.id, text: "Review request sent", customerVisible: false)
            try await harness.connector.addOrderNote(
                orderID: order.id, text: "Review request sent", customerVisible: false)
            try await harness.connector.addOrderNote(
                orderID: order.id, text: "Coupon AC-1 issued", customerVisible: true)
            let stored = try await harness.rawJSON("orders/\(order.id).json?fields=id,note")
            let note = try #require((stored["order"] as? [String: Any])?["note"] as? String)
            #expect(note.hasSuffix("Review request sent\nCoupon AC-1 issued"))
            #expect(note.components(separatedBy: "Review request sent").count == 2)
        }
    }

    @Test func customerTagsMergeAndMetaBecomesMetafields() async throws {
        try await withShopifyMock(
            values: ["loyalty.source": "shopify_metafield", "loyalty.namespace": "aftercart", "loyalty.key": "points"]
        ) { harness in
            let customer = try await firstCustomerID(harness)
            let before = try await harness.rawJSON("customers/\(customer).json?fields=id,tags")
            let oldTags = ((before["customer"] as? [String: Any])?["tags"] as? String) ?? ""
            try await harness.connector.annotateCustomer(
                customerID: customer, tags: ["aftercart-vip", "AFTERCART-VIP", "reviewed"],
                meta: ["aftercart.points": "4321", "last_campaign": "review-request"])
            try await harness.connector.annotateCustomer(customerID: customer, tags: ["reviewed"], meta: [:])
            let after = try await harness.rawJSON("customers/\(customer).json?fields=id,tags")
            let tags = ((after["customer"] as? [String: Any])?["tags"] as? String ?? "")
                .split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            let old = oldTags.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter {
                !$0.isEmpty
            }
            #expect(tags == old + ["aftercart-vip", "reviewed"])

            let metafields = try await harness.rawJSON("customers/\(customer)/metafields.json")
            let list = metafields["metafields"] as? [[String: Any]] ?? []
            #expect(
                list.contains { $0["key"] as? String == "last_campaign" && $0["value"] as? String == "review-request" })

            let accounts = try await allPages(harness.connector.read(.loyalty, since: nil)).flatMap {
                page -> [LoyaltyAccount] in
                if case .loyalty(let records) = page.records { return records }
                return []
            }
            #expect(accounts.first { $0.customerID == customer }?.points == 4321)
        }
    }

    @Test func anEmailNoCustomerHasMakesNoUnrestrictedCoupon() async throws {
        try await withShopifyMock { harness in
            // No customer has the address, so it resolves to nobody: a smart coupon must be
            // restricted to its customer, so none is made.
            await #expect(throws: ConnectorError.self) {
                _ = try await harness.connector.createCoupon(
                    CouponRequest(
                        code: "AC-EMAIL-ONLY", kind: .percent, amount: 10, emailRestrictions: ["x@example.com"]))
            }
            #expect(harness.mock.stats().count(path: harness.path("customers/search.json"), status: 200) == 1)
            let rules = try await harness.rawJSON("price_rules.json?limit=250")
            let rule = (rules["price_rules"] as? [[String: Any]] ?? []).first {
                ($0["title"] as? String) == "aftercart:AC-EMAIL-ONLY"
            }
            #expect(rule == nil)
        }
    }

    @Test func missingOrderIsNotFoundNamingTheWrite() async throws {
        try await withShopifyMock { harness in
            do {
                try await harness.connector.addOrderNote(orderID: "1", text: "x", customerVisible: false)
                Issue.record("expected not found")
            } catch let error as ConnectorError {
                guard case .notFound(let context) = error else {
                    Issue.record("expected notFound, got \(error)")
                    return
                }
                #expect(context.resource == "order note")
                #expect(context.store == "test-shopify")
            }
        }
    }

    @Test func nonNumericIDsAreRefusedBeforeAnyRequest() async throws {
        try await withShopifyMock { harness in
            await #expect(throws: ConnectorError.self) {
                try await harness.connector.addOrderNote(orderID: "../shop", text: "x", customerVisible: false)
            }
            await #expect(throws: ConnectorError.self) {
                try await harness.connector.annotateCustomer(customerID: "1 OR 1", tags: ["x"], meta: [:])
            }
            #expect(harness.mock.stats().total == 0)
        }
    }
}
