import Foundation
import MockStores
import Testing

/// `aftercart run` and `check` for a shop connected through a Dev Dashboard
/// app (client id and secret, no `shpat_` token), against a Shopify
/// emulator whose grant issues short-lived tokens.
@Suite struct ShopifyAppCredentialRunTests {
    static let clientID = "a1b2c3d4e5f60718293a4b5c6d7e8f90"
    static let clientSecret = "shpss_0123456789abcdef0123456789abcdef"

    func writeConfig(_ cli: CLIProcess, mock: MockStoreServer) throws {
        try cli.write(
            """
            [database]
            url = "sqlite:data/aftercart.sqlite"

            [[stores]]
            name = "osaka-shopify"
            platform = "shopify"
            base_url = "\(mock.baseURL)"
            client_id = "\(Self.clientID)"
            client_secret = { env = "OSAKA_SHOPIFY_CLIENT_SECRET" }
            timezone = "Asia/Tokyo"
            leak_rate = "1000"
            bucket_size = 1000
            """, to: "config/aftercart.toml")
    }

    func start(lifetime: Double) async throws -> MockStoreServer {
        try await MockStoreServer.start(
            .shopify(
                ShopifyMockOptions(
                    orders: 80, seed: 12, leakRate: 0, clientID: Self.clientID, clientSecret: Self.clientSecret,
                    tokenLifetime: lifetime)))
    }

    @Test func theDaemonSyncsAcrossTwoTokenExpiriesWithoutAFailedRequest() async throws {
        // Eight-second tokens and a sync every second until the third token.
        let mock = try await start(lifetime: 8)
        let cli = try CLIProcess()
        defer { cli.remove() }
        var daemon: RunCommandTests.Daemon?
        do {
            try writeConfig(cli, mock: mock)
            daemon = try RunCommandTests.Daemon.start(
                cli, ["--sync-every", "1s", "--resources", "orders"],
                environment: ["OSAKA_SHOPIFY_CLIENT_SECRET": Self.clientSecret])
            // Up to 120 s for the third token, then 30 s for two more syncs after it.
            _ = try await eventually(1_200) { mock.shopifyTokenGrants >= 3 }
            let listed = mock.stats().count(path: "/admin/api/2026-07/orders.json")
            _ = try await eventually { mock.stats().count(path: "/admin/api/2026-07/orders.json") >= listed + 2 }
            let exit = try await daemon?.stop(SIGTERM)
            let log = daemon?.output ?? ""
            #expect(exit == 0, "\(log)")
            #expect(mock.shopifyTokenGrants >= 3, "\(log)")
            #expect(mock.stats().count(path: "/admin/api/2026-07/orders.json") >= listed + 2)
            #expect(!log.contains("error"), "\(log)")
            #expect(!log.contains(Self.clientSecret))
            let orders = try await cli.resourceStatus()
            #expect(orders["last_error"] is NSNull, "\(orders)")
            #expect(orders["records"] as? Int == 80, "\(orders)")
        } catch {
            daemon?.forceKill()
            await mock.stop()
            throw error
        }
        daemon?.forceKill()
        await mock.stop()
    }

    @Test func checkShowsTheGrantAndAWrongSecretIsNamedNotShown() async throws {
        let mock = try await start(lifetime: 86_399)
        let cli = try CLIProcess()
        defer { cli.remove() }
        do {
            try writeConfig(cli, mock: mock)
            let good = try await cli.run(
                ["check"], environment: ["OSAKA_SHOPIFY_CLIENT_SECRET": Self.clientSecret])
            #expect(good.stdout.contains("credential: token from the client credentials grant"), "\(good.stdout)")
            #expect(good.stdout.contains("read_orders"), "\(good.stdout)")
            let wrong = "shpss_wrongwrongwrongwrongwrongwrong0"
            let bad = try await cli.run(["check"], environment: ["OSAKA_SHOPIFY_CLIENT_SECRET": wrong])
            #expect(bad.status != 0)
            #expect(bad.stderr.contains("client_secret"), "\(bad.stderr)")
            #expect(!(bad.stdout + bad.stderr).contains(wrong))
        } catch {
            await mock.stop()
            throw error
        }
        await mock.stop()
    }
}
