import AftercartConnector
import AftercartModel
import AsyncHTTPClient
import Foundation
import Logging
import MockStoreConformance
import MockStores
import ShopifyConnector
import Testing
import WooCommerceConnector

@testable import AftercartEngage

/// Orders for the scanner tests: the shared platform fixtures and the
/// emulators' orders, each mapped by its connector as a sync maps it.
enum ScanSources {
    /// `AFTERCART_FIXTURES`, or `shared/fixtures` beside the repository.
    static var fixtures: URL {
        if let override = ProcessInfo.processInfo.environment["AFTERCART_FIXTURES"] {
            return URL(fileURLWithPath: override)
        }
        return EngageFixture.repository.deletingLastPathComponent().appendingPathComponent("shared/fixtures")
    }

    static func fixture(_ name: String) throws -> Data {
        try Data(contentsOf: fixtures.appendingPathComponent(name))
    }

    /// Every order the fixtures hold, through the WooCommerce and Shopify mappers.
    static func fixtureOrders() throws -> [Order] {
        let woo = WooCommerceOrderMapper(store: "fixture-woo")
        var orders = try woo.mapPage(fixture("woocommerce-10-real/orders_page1_per_page2.json")).records
        orders += [try #require(try woo.mapOrder(fixture("woocommerce_order.json")).record)]
        orders.append(
            try ShopifyOrderMapper(store: "fixture-shopify").mapOrder(
                fixture("shopify_order_with_fulfillment_and_refund.json")))
        return orders
    }

    /// The records an emulator serves for `resource`, read through its connector.
    static func emulatorRecords(_ platform: MockPlatform, orders: Int, resources: [ResourceKind]) async throws
        -> [RecordBatch]
    {
        let mock: MockStoreServer
        switch platform {
        case .woocommerce:
            mock = try await MockStoreServer.start(.woocommerce(WooCommerceMockOptions(orders: orders, seed: 11)))
        case .shopify:
            mock = try await MockStoreServer.start(.shopify(ShopifyMockOptions(orders: orders, seed: 11)))
        }
        let client = HTTPClientFactory.makeClient(connectTimeout: .seconds(2), readTimeout: .seconds(20))
        do {
            let environment = ConnectorEnvironment(
                client: client, logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))
            let store: StoreID = platform == .woocommerce ? "test-woo" : "test-shopify"
            let connector = try ConnectorRegistry([WooCommerceConnector.registration, ShopifyConnector.registration])
                .connector(for: mock.connectorSettings(store: store), environment: environment)
            var batches: [RecordBatch] = []
            for resource in resources {
                for try await page in connector.read(resource, since: nil) { batches.append(page.records) }
            }
            try await client.shutdown()
            await mock.stop()
            return batches
        } catch {
            try? await client.shutdown()
            await mock.stop()
            throw error
        }
    }

    /// The record as the store keeps it: `ModelJSON.encoder()`'s bytes.
    static func stored(_ record: some Encodable) throws -> String {
        String(decoding: try ModelJSON.encoder().encode(record), as: UTF8.self)
    }

    static func scanOrder(_ json: String) throws -> PlanningOrder {
        try ParallelDecoding.withUTF8(json) { try PlanningOrder(json: $0) }
    }

    /// What the planner saw before: the full decode, then the planning view.
    static func decodeOrder(_ json: String) throws -> PlanningOrder {
        PlanningOrder(try ModelJSON.decoder().decode(Order.self, from: Data(json.utf8)))
    }
}
