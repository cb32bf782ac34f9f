import AftercartModel
import ChildProcessTesting
import Foundation
import MockStores
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A merchant of another organization installs the app, through the CLI as
/// an operator runs it: `check` names the install link, `serve` takes the
/// install (the emulator approves at once), then `sync` and `check` use the
/// token kept in the database, and nothing prints it.
@Suite struct ShopifyInstallCommandTests {
    static let clientID = "a1b2c3d4e5f60718293a4b5c6d7e8f90"
    static let clientSecret = "shpss_0123456789abcdef0123456789abcdef"
    static let environment = ["OSAKA_SHOPIFY_CLIENT_SECRET": clientSecret]

    /// `public_url` is the emulator's own address: the approval's redirect
    /// then ends on the emulator (a 404 there), whose URL carries the
    /// signed callback query the test hands to the server itself.
    func writeConfig(_ cli: CLIProcess, mock: MockStoreServer) throws {
        try cli.write(
            """
            [database]
            url = "sqlite:data/aftercart.sqlite"

            [server]
            public_url = "\(mock.baseURL)"

            [[stores]]
            name = "osaka-shopify"
            platform = "shopify"
            shop = "aftercart-mock.myshopify.com"
            base_url = "\(mock.baseURL)"
            client_id = "\(Self.clientID)"
            client_secret = { env = "OSAKA_SHOPIFY_CLIENT_SECRET" }
            grant = "authorization_code"
            timezone = "Asia/Tokyo"
            leak_rate = "1000"
            bucket_size = 1000
            """, to: "config/aftercart.toml")
    }

    /// Runs `serve`, opens its install link (the emulator approves at once and
    /// redirects to itself), hands the signed callback to the server, stops it.
    static func installThroughServe(_ cli: CLIProcess) async throws {
        let process = try cli.start(
            ["serve", "--port", "0", "--log-level", "warning"], environment: Self.environment, capture: true)
        do {
            let line = await process.firstLine()
            #expect(line.hasPrefix("listening on http://127.0.0.1:"), "\(line)")
            let base = String(line.dropFirst("listening on ".count))
            // Install link → Shopify's approval → the redirect URL (on the emulator here).
            let (_, landed) = try await URLSession.shared.data(
                for: URLRequest(url: try #require(URL(string: base + "/shopify/install/osaka-shopify"))))
            let callbackURL = try #require(landed.url)
            #expect(callbackURL.path == "/shopify/callback", "\(callbackURL)")
            let query = try #require(callbackURL.query)
            #expect(query.contains("hmac=") && query.contains("state=") && query.contains("code="))
            let (page, answer) = try await URLSession.shared.data(
                for: URLRequest(url: try #require(URL(string: base + "/shopify/callback?" + query))))
            #expect((answer as? HTTPURLResponse)?.statusCode == 200)
            #expect(
                String(decoding: page, as: UTF8.self).contains(
                    "Aftercart is connected to aftercart-mock.myshopify.com"))
        } catch {
            process.terminate()
            _ = try? await process.exitStatus(within: .seconds(30))
            throw error
        }
        process.terminate()
        #expect((try? await process.exitStatus(within: .seconds(120))) == 0)
    }

    @Test func theDaemonSyncsAcrossTwoOfflineTokenRefreshesWithoutAFailedRequest() async throws {
        // Eight-second offline tokens and a sync every second until the second refresh.
        let mock = try await MockStoreServer.start(
            .shopify(
                ShopifyMockOptions(
                    orders: 30, seed: 9, leakRate: 0, clientID: Self.clientID, clientSecret: Self.clientSecret,
                    offlineTokenLifetime: 8)))
        let cli = try CLIProcess()
        defer { cli.remove() }
        var daemon: RunCommandTests.Daemon?
        do {
            try writeConfig(cli, mock: mock)
            try await Self.installThroughServe(cli)
            daemon = try RunCommandTests.Daemon.start(
                cli, ["--sync-every", "1s", "--resources", "orders", "--no-engage", "--no-server"],
                environment: Self.environment)
            // Up to 120 s for the second refresh, then 30 s for two more syncs after it.
            _ = try await eventually(1_200) { mock.shopifyInstallCounts.refreshes >= 2 }
            let listed = mock.stats().count(path: "/admin/api/2026-07/orders.json")
            _ = try await eventually { mock.stats().count(path: "/admin/api/2026-07/orders.json") >= listed + 2 }
            let exit = try await daemon?.stop(SIGTERM)
            let log = daemon?.output ?? ""
            #expect(exit == 0, "\(log)")
            #expect(mock.shopifyInstallCounts.refreshes >= 2, "\(log)")
            #expect(mock.shopifyInstallCounts.codes == 1)
            // Refreshed before expiry: the store never refused a token (one page per sync, none in flight).
            #expect(mock.stats().count(status: 401) == 0, "\(log)")
            #expect(!log.contains("error"), "\(log)")
            #expect(!log.contains("shprt_") && !log.contains("shpat_install"))
            let orders = try await cli.resourceStatus()
            #expect(orders["last_error"] is NSNull, "\(orders)")
            #expect(orders["records"] as? Int == 30, "\(orders)")
        } catch {
            daemon?.forceKill()
            await mock.stop()
            throw error
        }
        daemon?.forceKill()
        await mock.stop()
    }

    @Test func checkNamesTheLinkServeTakesTheInstallAndSyncUsesTheKeptToken() async throws {
        let mock = try await MockStoreServer.start(
            .shopify(
                ShopifyMockOptions(
                    orders: 30, seed: 8, leakRate: 0, clientID: Self.clientID, clientSecret: Self.clientSecret)))
        let cli = try CLIProcess()
        defer { cli.remove() }
        do {
            try writeConfig(cli, mock: mock)
            let link = mock.baseURL + "/shopify/install/osaka-shopify"
            let before = try await cli.run(["check"], environment: Self.environment)
            #expect(before.status == 3, "\(before.stdout)\(before.stderr)")
            #expect(before.stderr.contains("install the app: open \(link)"), "\(before.stderr)")

            try await Self.installThroughServe(cli)

            let sync = try await cli.run(["sync", "--resources", "orders"], environment: Self.environment)
            #expect(sync.status == 0, "\(sync.stdout)\(sync.stderr)")
            let after = try await cli.run(["check"], environment: Self.environment)
            #expect(after.status == 0, "\(after.stderr)")
            #expect(after.stdout.contains("credential: token from the merchant's install"), "\(after.stdout)")
            #expect(after.stdout.contains("install link \(link)"), "\(after.stdout)")
            #expect(mock.shopifyInstallCounts.codes == 1)
            let status = try await cli.run(["status", "--json"])
            let object = try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any]
            let orders = (object?["resources"] as? [[String: Any]])?.first { $0["resource"] as? String == "orders" }
            #expect(orders?["records"] as? Int == 30, "\(status.stdout)")
            for output in [before, sync, after, status] {
                let text = output.stdout + output.stderr
                #expect(
                    !text.contains("shpat_install") && !text.contains("shprt_") && !text.contains(Self.clientSecret))
            }
        } catch {
            await mock.stop()
            throw error
        }
        await mock.stop()
    }
}
