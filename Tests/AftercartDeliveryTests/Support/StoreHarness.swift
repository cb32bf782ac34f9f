import AftercartConnector
import AftercartModel
import AsyncHTTPClient
import Foundation
import Logging
import MockStoreConformance
import MockStores
import ShopifyConnector
import WooCommerceConnector

/// An emulated store on 127.0.0.1 and a connector built through its
/// registration, the way `aftercart send` builds one from the config.
struct StoreHarness {
    let mock: MockStoreServer
    let connector: any StoreConnector
    let client: HTTPClient

    var store: StoreID { connector.store }

    /// The first order's id and its customer's id, read through the connector.
    func firstOrder() async throws -> Order {
        for try await page in connector.read(.orders, since: nil) {
            if case .orders(let orders) = page.records, let order = orders.first(where: { $0.customer.id != nil }) {
                return order
            }
        }
        throw TestServerError("the emulator has no order with a customer")
    }
}

extension StoreHarness {
    /// A coupon action restricted to a customer the emulator knows (Shopify
    /// refuses an email no customer has).
    func couponFor(_ code: String) async throws -> CouponAction {
        let customer = try await firstOrder().customer
        return DeliveryFixtures.coupon(
            code, email: customer.email ?? "hana@example.test",
            customerID: connector.platform == "shopify" ? customer.id : nil)
    }

    /// Coupons created over the API so far (201 answers on the create route).
    /// Coupons the store created (Shopify: GraphQL discounts or REST price rules).
    var couponsCreated: Int { mock.createdCoupons }
}

enum StorePlatform: String, CaseIterable, Sendable {
    case woocommerce, shopify
}

func withStore<T>(
    _ platform: StorePlatform, orders: Int = 5, keyPermission: MockKeyPermission = .readWrite,
    values: [String: String] = [:], _ body: (StoreHarness) async throws -> T
) async throws -> T {
    let mock: MockStoreServer
    switch platform {
    case .woocommerce:
        mock = try await MockStoreServer.start(
            .woocommerce(WooCommerceMockOptions(orders: orders, seed: 3, keyPermission: keyPermission)))
    case .shopify: mock = try await MockStoreServer.start(.shopify(ShopifyMockOptions(orders: orders, seed: 3)))
    }
    let client = HTTPClientFactory.makeClient(connectTimeout: .seconds(2), readTimeout: .seconds(20))
    do {
        let logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })
        let environment = ConnectorEnvironment(client: client, logger: logger)
        let store: StoreID = platform == .woocommerce ? "test-woo" : "test-shopify"
        var settings = mock.connectorSettings(store: store)
        settings.values.merge(values) { _, new in new }
        let connector = try ConnectorRegistry([WooCommerceConnector.registration, ShopifyConnector.registration])
            .connector(for: settings, environment: environment)
        let value = try await body(StoreHarness(mock: mock, connector: connector, client: client))
        try await client.shutdown()
        await mock.stop()
        return value
    } catch {
        try? await client.shutdown()
        await mock.stop()
        throw error
    }
}
