import Foundation
import MockStores
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `aftercart check` against stores that behave like real WooCommerce: a
/// read-only key, and webhooks the store disabled after failed deliveries.
@Suite struct CheckKeyAndWebhookTests {
    static let secrets = [
        "WOO_KEY": "ck_mock_0123456789abcdef0123456789abcdef01234567",
        "WOO_SECRET": "cs_mock_0123456789abcdef0123456789abcdef01234567",
        "WOO_WEBHOOK_SECRET": "whsec_test_0123456789",
    ]

    private func writeConfig(_ cli: CLIProcess, mock: MockStoreServer, publicURL: String? = nil) throws {
        try cli.write(
            """
            [database]
            url = "sqlite:data/aftercart.sqlite"
            \(publicURL.map { "\n[server]\npublic_url = \"\($0)\"\n" } ?? "")
            [[stores]]
            name = "tokyo-woo"
            platform = "woocommerce"
            base_url = "\(mock.baseURL)"
            consumer_key = { env = "WOO_KEY" }
            consumer_secret = { env = "WOO_SECRET" }
            webhook_secret = { env = "WOO_WEBHOOK_SECRET" }
            timezone = "Asia/Tokyo"
            marketing_consent = "unknown"
            """, to: "config/aftercart.toml")
    }

    @Test func aReadOnlyKeyIsReportedInTheStoresWordsWithNoWriteCapability() async throws {
        let mock = try await MockStoreServer.start(
            .woocommerce(WooCommerceMockOptions(orders: 5, seed: 3, keyPermission: .read)))
        let cli = try CLIProcess()
        defer { cli.remove() }
        do {
            try writeConfig(cli, mock: mock)
            let outcome = try await cli.run(["check"], environment: Self.secrets)
            #expect(outcome.status == 0, "\(outcome.stderr)")
            #expect(
                outcome.stdout.contains(
                    "key permission: read only — the store says \"The API key provided does not have write permissions.\""
                ), "\(outcome.stdout)")
            #expect(outcome.stdout.contains("  writes: find coupons\n"))
            #expect(!outcome.stdout.contains("create coupons"))
            #expect(mock.stats().count(path: "/wp-json/wc/v3/coupons", status: 201) == 0)
        } catch {
            await mock.stop()
            throw error
        }
        await mock.stop()
    }

    @Test func checkShowsEachWebhooksRealStatusAndRegisteringReactivatesADisabledOne() async throws {
        let mock = try await MockStoreServer.start(.woocommerce(WooCommerceMockOptions(orders: 5, seed: 3)))
        // A public address where the emulator itself answers 404: every delivery fails, fast.
        let publicURL = mock.baseURL + "/nowhere"
        let address = publicURL + "/webhooks/woocommerce/tokyo-woo"
        let cli = try CLIProcess()
        defer { cli.remove() }
        do {
            try writeConfig(cli, mock: mock, publicURL: publicURL)
            let before = try await cli.run(["check"], environment: Self.secrets)
            #expect(before.status == 0, "\(before.stderr)")
            #expect(before.stdout.contains("key permission: read and write"))
            #expect(before.stdout.contains("webhooks: 0 of "), "\(before.stdout)")
            #expect(!before.stdout.contains("webhooks: yes"))
            #expect(before.stdout.contains("warning: no webhook for order.created"))

            let registered = try await cli.run(["check", "--register-webhooks"], environment: Self.secrets)
            #expect(registered.status == 0, "\(registered.stderr)")
            #expect(registered.stdout.contains("created, 0 re-activated, 0 already there"), "\(registered.stdout)")

            let listed = try await mock.woocommerceWebhooks()
            let broken = try #require(listed.first { $0.topic == "order.updated" })
            for _ in 1...7 { _ = await mock.deliverToWebhookSubscription(id: broken.id) }

            let disabled = try await cli.run(["check"], environment: Self.secrets)
            #expect(disabled.stdout.contains("  order.updated → \(address) (disabled)"), "\(disabled.stdout)")
            #expect(disabled.stdout.contains("warning: webhook order.updated → \(address) is disabled"))
            #expect(!disabled.stdout.contains("webhooks: yes"))

            let again = try await cli.run(["check", "--register-webhooks"], environment: Self.secrets)
            #expect(again.status == 0, "\(again.stderr)")
            #expect(again.stdout.contains("0 created, 1 re-activated"), "\(again.stdout)")
            #expect(again.stdout.contains("re-activated order.updated"))
            let after = try await cli.run(["check"], environment: Self.secrets)
            #expect(!after.stdout.contains("(disabled)"), "\(after.stdout)")
            #expect(!after.stdout.contains("warning: webhook"))
        } catch {
            await mock.stop()
            throw error
        }
        await mock.stop()
    }
}

extension MockStoreServer {
    /// The WooCommerce emulator's webhook subscriptions, read over its REST API.
    fileprivate func woocommerceWebhooks() async throws -> [(id: String, topic: String)] {
        var request = URLRequest(url: URL(string: apiBaseURL + "/webhooks")!)
        request.setValue("https", forHTTPHeaderField: "X-Forwarded-Proto")
        let basic = Data("\(credentials.consumerKey ?? ""):\(credentials.consumerSecret ?? "")".utf8)
        request.setValue("Basic " + basic.base64EncodedString(), forHTTPHeaderField: "Authorization")
        let (data, _) = try await URLSession.shared.data(for: request)
        let list = (try JSONSerialization.jsonObject(with: data) as? [[String: Any]]) ?? []
        return list.compactMap { item in
            guard let topic = item["topic"] as? String, let id = item["id"] as? Int else { return nil }
            return (String(id), topic)
        }
    }
}
