import AftercartModel
import AftercartStore
import ChildProcessTesting
import Foundation
import MockStores
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `aftercart serve` as an operator runs it: a real process on a free port,
/// a WooCommerce emulator delivering signed webhooks to it, a real SQLite
/// file read back with `aftercart export`.
@Suite struct ServeCommandTests {
    static let webhookSecret = "wc_serve_test_secret"

    private func writeConfig(_ cli: CLIProcess) throws {
        // The emulator starts after the server (it needs the server's URL), and order
        // webhooks never call the store, so base_url only has to be well-formed.
        try cli.write(
            """
            [database]
            url = "sqlite:data/aftercart.sqlite"

            [[stores]]
            name = "tokyo-woo"
            platform = "woocommerce"
            base_url = "http://127.0.0.1:9"
            consumer_key = { env = "WOO_KEY" }
            consumer_secret = { env = "WOO_SECRET" }
            webhook_secret = { env = "WOO_WEBHOOK_SECRET" }
            timezone = "Asia/Tokyo"
            marketing_consent = "unknown"
            """, to: "config/aftercart.toml")
    }

    static let environment = [
        "WOO_KEY": "ck_test", "WOO_SECRET": "cs_test", "WOO_WEBHOOK_SECRET": webhookSecret,
    ]

    @Test func emulatorWebhooksLandInTheDatabaseAndExport() async throws {
        let cli = try CLIProcess()
        defer { cli.remove() }
        try writeConfig(cli)
        let process = try cli.start(
            ["serve", "--port", "0", "--config", "config/aftercart.toml", "--log-level", "warning"],
            environment: Self.environment, capture: true)
        let line = await process.firstLine()
        #expect(line.hasPrefix("listening on http://127.0.0.1:"), "\(line)")
        let base = String(line.dropFirst("listening on ".count))

        let health = try await Self.get(base + "/healthz")
        #expect(health.status == 200)
        #expect(health.body.contains("\"reachable\":true"))
        #expect(health.body.contains("\"store\":\"tokyo-woo\""))

        let mock = try await MockStoreServer.start(
            .woocommerce(
                WooCommerceMockOptions(
                    orders: 40, seed: 11,
                    webhook: MockWebhookTarget(
                        url: base + "/webhooks/woocommerce/tokyo-woo", secret: Self.webhookSecret))))
        let changed = Set(mock.advance(orders: 5).changedOrderIDs.map(String.init))
        #expect(!changed.isEmpty)
        let database = cli.directory.appendingPathComponent("data/aftercart.sqlite").path
        let stored = try await Self.waitForOrders(changed, database: database)
        #expect(stored == changed)
        await mock.stop()

        let metrics = try await Self.get(base + "/metrics")
        #expect(metrics.body.contains(#"aftercart_webhooks_total{platform="woocommerce",outcome="applied"}"#))

        process.terminate()
        #expect(await Self.exitStatus(of: process) == 0)
        let export = try await cli.run(["export", "orders", "--config", "config/aftercart.toml"])
        #expect(export.status == 0, "\(export.stderr)")
        let ids = Set(
            export.stdout.split(separator: "\n").compactMap { line -> String? in
                let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
                return object?["id"] as? String
            })
        #expect(ids == changed)
    }

    @Test func badSignatureIs401AndUnknownStore404() async throws {
        let cli = try CLIProcess()
        defer { cli.remove() }
        try writeConfig(cli)
        let process = try cli.start(
            ["serve", "--port", "0", "--config", "config/aftercart.toml", "--log-level", "critical"],
            environment: Self.environment, capture: true)
        let line = await process.firstLine()
        let base = String(line.dropFirst("listening on ".count))
        let headers = ["X-WC-Webhook-Topic": "order.updated", "X-WC-Webhook-Signature": "AAAA", "X-WC-Webhook-ID": "1"]
        let refused = try await Self.post(
            base + "/webhooks/woocommerce/tokyo-woo", body: Data("{}".utf8), headers: headers)
        #expect(refused.status == 401)
        let unknown = try await Self.post(
            base + "/webhooks/woocommerce/nowhere", body: Data("{}".utf8), headers: headers)
        #expect(unknown.status == 404)
        process.terminate()
        #expect(await Self.exitStatus(of: process) == 0)
    }

    // MARK: Helpers that never block a concurrency thread

    /// The exit status; -1 when it did not end within two minutes (it is
    /// killed then).
    static func exitStatus(of process: SpawnedChild) async -> Int32 {
        (try? await process.exitStatus(within: .seconds(120))) ?? -1
    }

    /// Polls the database the server writes until every id is there (at most a minute).
    static func waitForOrders(_ ids: Set<String>, database: String) async throws -> Set<String> {
        let persistence = try await SQLitePersistence.open(path: database)
        defer { Task { try? await persistence.close() } }
        var found: Set<String> = []
        for _ in 0..<600 {
            found = []
            for id in ids where try await persistence.record(Order.self, store: "tokyo-woo", platformID: id) != nil {
                found.insert(id)
            }
            if found == ids { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        return found
    }

    struct Answer {
        var status: Int
        var body: String
    }

    static func get(_ url: String) async throws -> Answer {
        try await send(URLRequest(url: try #require(URL(string: url))))
    }

    static func post(_ url: String, body: Data, headers: [String: String]) async throws -> Answer {
        var request = URLRequest(url: try #require(URL(string: url)))
        request.httpMethod = "POST"
        request.httpBody = body
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        return try await send(request)
    }

    private static func send(_ request: URLRequest) async throws -> Answer {
        let (data, response) = try await URLSession.shared.data(for: request)
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        return Answer(status: status, body: String(decoding: data, as: UTF8.self))
    }
}
