import AftercartConnector
import AftercartModel
import Foundation
import MockStores
import ShopifyConnector
import Testing

/// A scope the token lacks switches off only what needs it; the rest keeps working.
@Suite struct AccessScopeCapabilityTests {
    static let allScopes = [
        "read_orders", "write_orders", "read_all_orders", "read_customers", "write_customers", "read_price_rules",
        "write_price_rules", "read_discounts", "write_discounts", "read_store_credit_accounts",
        "read_store_credit_account_transactions", "write_store_credit_account_transactions",
    ]

    static func scopes(without removed: Set<String>) -> [String] { allScopes.filter { !removed.contains($0) } }

    /// What the sync engine does: skip what capabilities omit, read the rest.
    static func syncLikeTheEngine(_ connector: any StoreConnector, _ resources: [ResourceKind]) async throws
        -> [ResourceKind: Int]
    {
        var counts: [ResourceKind: Int] = [:]
        for resource in resources where connector.capabilities.readable.contains(resource) {
            counts[resource] = try await allPages(connector.read(resource, since: nil)).reduce(0) {
                $0 + $1.records.count
            }
        }
        return counts
    }

    @Test func withoutReadCustomersOnlyCustomersAndLoyaltyAreOff() async throws {
        let metafieldLoyalty = [
            "loyalty.source": "shopify_metafield", "loyalty.namespace": "aftercart", "loyalty.key": "points",
        ]
        try await withShopifyMock(
            orders: 80, scopes: Self.scopes(without: ["read_customers", "write_customers"]), values: metafieldLoyalty
        ) { harness in
            let connector = harness.connector
            #expect(connector.capabilities.readable.contains(.customers))  // not known yet
            let facts = try await connector.check()
            #expect(
                facts.warnings.contains { $0.contains("read_customers") && $0.contains("disabled: reading customers") })
            let capabilities = connector.capabilities
            #expect(capabilities.readable == [.orders, .coupons])
            #expect(!capabilities.writes.contains(.customerTags))
            #expect(capabilities.writes.contains(.createCoupon) && capabilities.writes.contains(.orderNotes))
            #expect(capabilities.loyalty.isEmpty)

            let counts = try await Self.syncLikeTheEngine(connector, ResourceKind.allCases)
            #expect(counts[.orders] == harness.mock.counts.orders)
            #expect((counts[.coupons] ?? 0) > 0)
            #expect(counts[.customers] == nil)
            #expect(harness.mock.stats().count(path: harness.path("customers.json")) == 0)

            await #expect {
                _ = try await allPages(connector.read(.customers, since: nil))
            } throws: { error in
                guard case .unsupported(let operation, let context) = error as? ConnectorError else { return false }
                return operation.contains("read_customers") && context.store == "test-shopify"
            }
            await #expect {
                try await connector.annotateCustomer(customerID: "7200000000037", tags: ["vip"], meta: [:])
            } throws: { error in
                guard case .unsupported(let operation, _) = error as? ConnectorError else { return false }
                return operation.contains("write_customers")
            }
            #expect(harness.mock.stats().count(status: 403) == 0)
        }
    }

    /// GraphQL discounts need `write_discounts`; a store pinned before 2025-10 uses REST
    /// price rules, which need `write_price_rules`.
    @Test(arguments: [("2026-07", "write_discounts"), ("2025-07", "write_price_rules")])
    func withoutTheWriteScopeCouponsAreReadButNotCreated(apiVersion: String, scope: String) async throws {
        try await withShopifyMock(
            orders: 40, scopes: Self.scopes(without: [scope]), values: ["api_version": apiVersion]
        ) { harness in
            // No check(): the first write learns the scopes before sending anything.
            let request = CouponRequest(
                code: "THANKS-1", kind: .percent, amount: 10, customerIDs: ["7200000000037"], description: "test")
            await #expect {
                _ = try await harness.connector.createCoupon(request)
            } throws: { error in
                guard case .unsupported(let operation, _) = error as? ConnectorError else { return false }
                return operation.contains(scope)
            }
            #expect(harness.mock.stats().count(path: "/admin/api/\(apiVersion)/price_rules.json") == 0)
            #expect(harness.mock.stats().count(path: "/admin/api/\(apiVersion)/graphql.json") == 0)
            let capabilities = harness.connector.capabilities
            #expect(!capabilities.writes.contains(.createCoupon))
            #expect(capabilities.writes.contains(.findCoupon))
            #expect(capabilities.readable.contains(.coupons))
            let coupons = try await allPages(harness.connector.read(.coupons, since: nil))
            #expect(!coupons.isEmpty)
        }
    }

    @Test func withoutStoreCreditWritesLoyaltyIsReadOnly() async throws {
        try await withShopifyMock(
            orders: 30, scopes: Self.scopes(without: ["write_store_credit_account_transactions"]),
            values: ["loyalty.source": "shopify_store_credit"]
        ) { harness in
            _ = try await harness.connector.check()
            #expect(harness.connector.capabilities.loyalty == [.read, .expiry])
            await #expect {
                _ = try await harness.connector.adjustLoyalty(customerID: "7200000000037", points: 100, reason: "x")
            } throws: { error in
                guard case .unsupported(let operation, _) = error as? ConnectorError else { return false }
                return operation.contains("write_store_credit_account_transactions")
            }
            #expect(!(try await allPages(harness.connector.read(.loyalty, since: nil))).isEmpty)
        }
    }

    @Test func restrictRemovesOnlyWhatAMissingScopeNeeds() {
        let everything = ConnectorCapabilities(
            readable: [.orders, .customers, .coupons, .loyalty],
            incremental: [.orders, .customers, .coupons, .loyalty],
            writes: [.createCoupon, .findCoupon, .orderNotes, .customerTags, .customerMeta],
            loyalty: [.read, .write, .expiry], deliveredSignal: .carrierStatus, webhooks: true)
        let credit = ShopifyStoreSettings.LoyaltySource.storeCredit(ShopifyStoreCreditSettings())
        #expect(ShopifyAccessScopes.restrict(everything, granted: Set(Self.allScopes), loyalty: credit) == everything)
        let noStoreCredit = ShopifyAccessScopes.restrict(
            everything, granted: Set(Self.scopes(without: ["read_store_credit_accounts"])), loyalty: credit)
        #expect(noStoreCredit.readable == [.orders, .customers, .coupons])
        #expect(noStoreCredit.loyalty == [.write])
        // write_orders implies read_orders.
        let writeOnly = ShopifyAccessScopes.restrict(
            everything, granted: Set(Self.scopes(without: ["read_orders"])), loyalty: credit)
        #expect(writeOnly == everything)
        let none = ShopifyAccessScopes.restrict(everything, granted: [], loyalty: credit)
        #expect(none.readable.isEmpty && none.writes.isEmpty && none.loyalty.isEmpty)
    }
}
