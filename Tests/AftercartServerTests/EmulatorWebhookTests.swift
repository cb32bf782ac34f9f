import AftercartConnector
import AftercartModel
import AftercartServer
import AftercartStore
import Foundation
import MockStores
import Testing

/// End to end without a poll: the emulator changes orders, delivers signed
/// webhooks to the server, and the stored rows equal what a sync reads.
@Suite struct EmulatorWebhookTests {
    static let secret = "whsec_emulator_test"

    @Test(arguments: [MockPlatform.woocommerce, MockPlatform.shopify])
    func advancedOrdersArriveByWebhookAsASyncWouldStoreThem(platform: MockPlatform) async throws {
        let recorder = FollowUpRecorder()
        let server = try await RunningServer.start([], followUp: recorder)
        let store: StoreID = platform == .woocommerce ? "tokyo-woo" : "brooklyn-shop"
        let target = MockWebhookTarget(
            url: server.baseURL + "/webhooks/\(platform.rawValue)/\(store)", secret: Self.secret)
        let mock: MockStoreServer
        let endpoint: WebhookEndpoint
        switch platform {
        case .woocommerce:
            mock = try await MockStoreServer.start(
                .woocommerce(WooCommerceMockOptions(orders: 40, seed: 11, webhook: target)))
            endpoint = try TestStores.woo(
                store, baseURL: mock.baseURL, consumerKey: mock.credentials.consumerKey ?? "",
                consumerSecret: mock.credentials.consumerSecret ?? "", secret: Self.secret)
        case .shopify:
            mock = try await MockStoreServer.start(
                .shopify(ShopifyMockOptions(orders: 40, seed: 11, leakRate: 0, webhook: target)))
            endpoint = try TestStores.shopify(
                store, baseURL: mock.baseURL, accessToken: mock.credentials.accessToken ?? "", secret: Self.secret,
                apiVersion: mock.credentials.apiVersion)
        }
        await server.directory.register(endpoint)

        let advanced = mock.advance(orders: 5)
        let changed = Set(advanced.changedOrderIDs.map(String.init))
        #expect(!changed.isEmpty)
        let arrived = await recorder.waitFor(ids: changed, guardSeconds: 60)
        #expect(arrived.isSuperset(of: changed))

        // What a sync of the same store maps, through the same adapter.
        var synced: [String: Order] = [:]
        for try await page in endpoint.connector.read(.orders, since: nil) {
            guard case .orders(let orders) = page.records else { continue }
            for order in orders where changed.contains(order.id) { synced[order.id] = order }
        }
        #expect(Set(synced.keys) == changed)
        for id in changed {
            let stored = try await server.persistence.record(Order.self, store: store, platformID: id)
            #expect(stored?.record == synced[id], "order \(id)")
        }
        #expect(try await server.persistence.checkpoints().isEmpty)
        await mock.stop()
        try await server.stop()
    }
}

extension FollowUpRecorder {
    /// The order ids seen once all of `ids` arrived, or when `guardSeconds`
    /// passed (a lost delivery fails the test instead of hanging it).
    func waitFor(ids: Set<String>, guardSeconds: Int) async -> Set<String> {
        for _ in 0..<(guardSeconds * 20) {
            let seen = Set(calls.filter { $0.resource == .orders }.flatMap(\.ids))
            if seen.isSuperset(of: ids) { return seen }
            try? await Task.sleep(for: .milliseconds(50))
        }
        return Set(calls.filter { $0.resource == .orders }.flatMap(\.ids))
    }
}
