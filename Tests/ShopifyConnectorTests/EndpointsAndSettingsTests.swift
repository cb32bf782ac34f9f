import AftercartConnector
import AftercartModel
import AsyncHTTPClient
import Foundation
import Logging
import ShopifyConnector
import Testing

@Suite struct EndpointsAndSettingsTests {
    @Test func ordersAlwaysAskForAnyStatusWithFiltersOnTheFirstPageOnly() {
        let since = Date(timeIntervalSince1970: 1_793_491_200)
        #expect(
            ShopifyEndpoints.orders(updatedAtMin: since, limit: 250)
                == "orders.json?status=any&limit=250&updated_at_min=2026-11-01T00%3A00%3A00Z")
        #expect(ShopifyEndpoints.orders(updatedAtMin: nil, limit: 50) == "orders.json?status=any&limit=50")
        let next = "https://osaka.myshopify.com/admin/api/2025-01/orders.json?limit=250&page_info=eyJs-_x&status=any"
        let pageInfo = ShopifyEndpoints.pageInfo(in: next)
        #expect(pageInfo == "eyJs-_x")
        #expect(
            ShopifyEndpoints.continuation(
                of: ShopifyEndpoints.orders(updatedAtMin: since, limit: 250), pageInfo: "eyJs-_x", limit: 250)
                == "orders.json?limit=250&page_info=eyJs-_x")
        #expect(ShopifyEndpoints.pageInfo(in: "https://x/orders.json?limit=5") == nil)
    }

    @Test func settingsFromConfig() throws {
        let settings = try ShopifyStoreSettings(
            ConnectorSettings(
                store: "osaka-shopify", platform: "shopify", deliveryEstimate: 3 * 86_400,
                values: [
                    "shop": "osaka.myshopify.com", "lookback": "600", "page_size": "100", "request_timeout": "90",
                    "loyalty.source": "shopify_metafield", "loyalty.namespace": "loyalty", "loyalty.key": "points",
                    "loyalty.tier_key": "tier", "loyalty.points_expiring_key": "soon",
                ],
                secrets: ["access_token": Secret("shpat_abc123"), "webhook_secret": Secret("shpss_x")]))
        #expect(settings.baseURL == "https://osaka.myshopify.com")
        let version = ShopifyStoreSettings.defaultAPIVersion
        #expect(settings.apiBaseURL == "https://osaka.myshopify.com/admin/api/\(version)")
        #expect(settings.lookback == 600)
        #expect(settings.pageSize == 100)
        #expect(settings.requestTimeout == .seconds(90))
        let transport = ShopifyConnector.transportConfiguration(
            settings: settings, retry: RetryPolicy(), trust: .system)
        #expect(transport.responseTimeout == .seconds(90) && transport.totalDeadline >= .seconds(180))
        #expect(settings.deliveryEstimate == 3 * 86_400)
        #expect(
            settings.loyalty
                == .metafield(
                    ShopifyLoyaltyMetafields(
                        namespace: "loyalty", pointsKey: "points", tierKey: "tier", expiringKey: "soon")))
        #expect(settings.webhookSecret == Secret("shpss_x"))
        #expect(!String(describing: settings).contains("shpat_abc123"))
    }

    @Test func settingsRefuseWhatCannotWork() {
        func refused(_ values: [String: String], secrets: [String: Secret] = ["access_token": Secret("shpat_1234")])
            -> Bool
        {
            (try? ShopifyStoreSettings(
                ConnectorSettings(store: "s", platform: "shopify", values: values, secrets: secrets))) == nil
        }
        #expect(refused([:]))
        #expect(refused(["shop": "a.myshopify.com"], secrets: [:]))
        #expect(refused(["base_url": "ftp://127.0.0.1"]))
        #expect(!refused(["shop": "a.myshopify.com", "loyalty.source": "shopify_store_credit"]))
        #expect(refused(["shop": "a.myshopify.com", "loyalty.source": "points_app"]))
        #expect(
            refused([
                "shop": "a.myshopify.com", "loyalty.source": "shopify_store_credit", "loyalty.currency": "dollars",
            ]))
        #expect(
            refused([
                "shop": "a.myshopify.com", "loyalty.source": "shopify_store_credit", "loyalty.credit_expiry": "-5",
            ]))
        #expect(refused(["shop": "a.myshopify.com", "loyalty.source": "shopify_metafield"]))
        #expect(!refused(["base_url": "http://127.0.0.1:8081/"]))
    }

    @Test func capabilitiesSayNoReviewsAndCarrierDelivery() async throws {
        let client = HTTPClientFactory.makeClient()
        var settings = ShopifyStoreSettings(
            store: "s", baseURL: "http://127.0.0.1:1", credential: .accessToken(Secret("shpat_1234")))
        let logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })
        let plain = ShopifyConnector(
            settings: settings,
            transport: ShopifyConnector.makeTransport(settings: settings, client: client, logger: logger))
        let capabilities = plain.capabilities
        #expect(!capabilities.readable.contains(.reviews))
        #expect(!capabilities.readable.contains(.loyalty))
        #expect(capabilities.incremental == [.orders, .customers, .coupons])
        #expect(capabilities.deliveredSignal == .carrierStatus)
        #expect(
            capabilities.writes == [
                .createCoupon, .findCoupon, .orderNotes, .customerTags, .customerMeta, .marketingConsent,
            ])
        #expect(capabilities.webhooks)
        settings.loyalty = .metafield(ShopifyLoyaltyMetafields(namespace: "l", pointsKey: "p", expiresAtKey: "e"))
        let withLoyalty = ShopifyConnector(
            settings: settings,
            transport: ShopifyConnector.makeTransport(settings: settings, client: client, logger: logger))
        #expect(withLoyalty.capabilities.readable.contains(.loyalty))
        #expect(withLoyalty.capabilities.loyalty == [.read, .expiry])
        try await client.shutdown()
    }

    @Test func forbiddenNamesTheMissingScope() {
        let error = ShopifyErrorAdvice.advise(
            .forbidden(
                status: 403,
                ErrorContext(
                    store: "osaka-shopify", resource: "orders", platform: "shopify",
                    url: "https://osaka.myshopify.com/admin/api/2025-01/orders.json",
                    platformMessage: "[API] This action requires merchant approval for read_orders scope.",
                    credentialName: "access token")))
        #expect(error.context.platformCode == "missing scope read_orders")
        #expect(String(describing: error).contains("read_orders"))
        let frozen = ShopifyErrorAdvice.advise(.forbidden(status: 402, ErrorContext(resource: "orders")))
        #expect(frozen.context.platformCode?.contains("frozen") == true)
        let locked = ShopifyErrorAdvice.advise(.forbidden(status: 423, ErrorContext(resource: "orders")))
        #expect(locked.context.platformCode?.contains("locked") == true)
    }
}

@Suite struct AccessScopeTests {
    @Test func missingScopesAreNamedAndWriteImpliesRead() {
        let all: Set<String> = [
            "read_orders", "read_all_orders", "read_customers", "read_price_rules", "read_discounts",
            "write_price_rules", "write_discounts", "write_orders", "write_customers",
        ]
        #expect(ShopifyAccessScopes.warnings(granted: all).isEmpty)
        let writesOnly: Set<String> = [
            "read_all_orders", "write_price_rules", "write_discounts", "write_orders", "write_customers",
        ]
        #expect(ShopifyAccessScopes.warnings(granted: writesOnly).isEmpty)
        let readOnly: Set<String> = ["read_orders", "read_customers", "read_price_rules", "read_discounts"]
        let warnings = ShopifyAccessScopes.warnings(granted: readOnly)
        #expect(warnings.count == 4)
        #expect(warnings.contains { $0.contains("write_discounts") && $0.contains("creating coupons") })
        // A store pinned before 2025-10 creates coupons as REST price rules.
        let pinned = ShopifyAccessScopes.warnings(granted: readOnly, graphQLDiscounts: false)
        #expect(pinned.contains { $0.contains("write_price_rules") && $0.contains("creating coupons") })
        #expect(warnings.contains { $0.contains("read_all_orders") && $0.contains("60 days") })
    }
}

@Suite struct CustomerSearchEndpointTests {
    @Test func searchesByExactEmail() {
        #expect(
            ShopifyEndpoints.customerSearch(email: "hana+vip@example.com")
                == "customers/search.json?query=email%3A%22hana%2Bvip%40example.com%22&fields=id%2Cemail")
    }
}
