import AftercartConnector
import AftercartModel
import AftercartServer
import Foundation
import MockStores
import Testing

/// `check --register-webhooks` against the emulators' webhook APIs.
@Suite struct WebhookRegistrationTests {
    @Test func wooCommerceSubscriptionsAreCreatedOnceAndPingTheServer() async throws {
        let mock = try await MockStoreServer.start(.woocommerce(WooCommerceMockOptions(orders: 5, seed: 2)))
        let endpoint = try TestStores.woo(
            baseURL: mock.baseURL, consumerKey: mock.credentials.consumerKey ?? "",
            consumerSecret: mock.credentials.consumerSecret ?? "")
        let server = try await RunningServer.start([endpoint])
        let connector = try #require(endpoint.connector as? any WebhookRegistering & WebhookDecoding)
        let publicURL = try #require(URL(string: server.baseURL + "/"))

        let first = try await WebhookRegistration.ensure(connector, publicURL: publicURL, secret: Secret("s"))
        #expect(first.address == server.baseURL + "/webhooks/woocommerce/tokyo-woo")
        #expect(first.created.map(\.topic) == connector.webhookTopics)
        #expect(first.existing.isEmpty)
        let listed = try await connector.listWebhooks()
        #expect(Set(listed.map(\.topic)) == Set(connector.webhookTopics))
        #expect(listed.allSatisfy { $0.address == first.address && $0.status == "active" })

        let second = try await WebhookRegistration.ensure(connector, publicURL: publicURL, secret: Secret("s"))
        #expect(second.created.isEmpty)
        #expect(second.existing.count == connector.webhookTopics.count)

        // Each active webhook WooCommerce creates is pinged, unsigned, and the server accepts it.
        let metrics = try await server.get("/metrics")
        #expect(
            metrics.body.contains(
                #"aftercart_webhooks_total{platform="woocommerce",outcome="ping"} \#(connector.webhookTopics.count)"#))
        try await server.stop()
        await mock.stop()
    }

    @Test func shopifySubscriptionsAreCreatedOnce() async throws {
        let mock = try await MockStoreServer.start(.shopify(ShopifyMockOptions(orders: 5, seed: 2, leakRate: 0)))
        let endpoint = try TestStores.shopify(
            baseURL: mock.baseURL, accessToken: mock.credentials.accessToken ?? "",
            apiVersion: mock.credentials.apiVersion)
        let connector = try #require(endpoint.connector as? any WebhookRegistering & WebhookDecoding)
        let publicURL = try #require(URL(string: "https://hooks.example.com"))
        let first = try await WebhookRegistration.ensure(connector, publicURL: publicURL, secret: Secret("s"))
        #expect(first.address == "https://hooks.example.com/webhooks/shopify/brooklyn-shop")
        #expect(Set(first.created.map(\.topic)) == Set(connector.webhookTopics))
        let second = try await WebhookRegistration.ensure(connector, publicURL: publicURL, secret: Secret("s"))
        #expect(second.created.isEmpty)
        #expect(Set(try await connector.listWebhooks().map(\.topic)) == Set(connector.webhookTopics))
        await mock.stop()
    }

    @Test func refusedCredentialsAreATypedError() async throws {
        let mock = try await MockStoreServer.start(.shopify(ShopifyMockOptions(orders: 5, seed: 2, leakRate: 0)))
        let endpoint = try TestStores.shopify(
            baseURL: mock.baseURL, accessToken: "shpat_wrong", apiVersion: mock.credentials.apiVersion)
        let connector = try #require(endpoint.connector as? any WebhookRegistering & WebhookDecoding)
        await #expect(throws: ConnectorError.self) {
            _ = try await WebhookRegistration.ensure(
                connector, publicURL: URL(string: "https://hooks.example.com")!, secret: Secret("s"))
        }
        await mock.stop()
    }
}
