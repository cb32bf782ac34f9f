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

    @Test func couponCreationIsIdempotent() async throws {
        try await withShopifyMock { harness in
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
            #expect(stats.count(path: harness.path("price_rules.json"), status: 201) == 1)
            #expect(stats.count(status: 422) == 0)
            // Lookups: a miss (404) before creating, then two hits.
            #expect(stats.count(status: 303) == 2)

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

    @Test func concurrentCreationFindsTheExistingCodeOn422() async throws {
        // Request 1 asks for the granted scopes, requests 2-4 create the
        // coupon (lookup miss, rule, code). The 5th, the second creation's
        // lookup, is made to miss as if another worker created the code a
        // moment later: Shopify then answers 422.
        let faults = try MockFaultPlan(spec: "404@5")
        try await withShopifyMock(faults: faults) { harness in
            let request = CouponRequest(code: "AC-RACE-1", kind: .percent, amount: 15)
            let created = try await harness.connector.createCoupon(request)
            let again = try await harness.connector.createCoupon(request)
            #expect(again.id == created.id)
            #expect(again.code == "AC-RACE-1")
            let stats = harness.mock.stats()
            #expect(stats.count(status: 422) == 1)
            #expect(stats.count(path: harness.path("price_rules.json"), status: 201) == 2)
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
