import AftercartConnector
import AftercartModel
import AftercartServer
import AftercartStore
import AsyncHTTPClient
import Crypto
import Foundation
import Logging
import MockStores
import ShopifyConnector
import Synchronization
import Testing

/// A merchant installs the app end to end over loopback: the server's
/// install link → the emulator's approval → the server's callback, each
/// hop asserted (redirects are not followed); then a read uses the kept
/// token. Bad signatures, states and shops get 400 and keep nothing.
@Suite struct AppInstallRouteTests {
    static let clientID = "a1b2c3d4e5f60718293a4b5c6d7e8f90"
    static let clientSecret = "shpss_0123456789abcdef0123456789abcdef"
    static let shop = "aftercart-mock.myshopify.com"
    static let publicURL = "https://aftercart.example"
    static let store: StoreID = "osaka-shopify"

    struct Setup {
        let mock: MockStoreServer
        let server: RunningServer
        let client: HTTPClient
        let clock: MovableClock
        let vault: DatabaseCredentialVault

        /// A connector for the store as `run` makes it, over the server's database.
        func connector() throws -> any StoreConnector {
            try AppInstallRouteTests.connector(mock: mock, client: client, vault: vault)
        }

        func get(_ url: String) async throws -> (status: Int, location: String?, body: String) {
            let response = try await client.execute(HTTPClientRequest(url: url), timeout: .seconds(60))
            let body = try await response.body.collect(upTo: 1 << 20)
            return (Int(response.status.code), response.headers.first(name: "Location"), String(buffer: body))
        }

        /// The query of a URL, decoded.
        func query(_ url: String) -> [String: String] {
            Dictionary((URLComponents(string: url)?.queryItems ?? []).map { ($0.name, $0.value ?? "") }) { a, _ in a }
        }

        /// The server's callback for `query` (as Shopify would send the browser).
        func callback(_ query: [String: String]) async throws -> (status: Int, location: String?, body: String) {
            var components = URLComponents(string: server.baseURL + "/shopify/callback")!
            components.queryItems = query.sorted { $0.key < $1.key }.map { URLQueryItem(name: $0.key, value: $0.value) }
            return try await get(components.url!.absoluteString)
        }

        /// Install link → emulator approval: the callback query Shopify signed.
        func approvedCallback() async throws -> [String: String] {
            let start = try await get(server.baseURL + "/shopify/install/osaka-shopify")
            #expect(start.status == 302)
            let authorize = try #require(start.location)
            #expect(authorize.hasPrefix(mock.baseURL + "/admin/oauth/authorize?"))
            let asked = query(authorize)
            #expect(asked["client_id"] == AppInstallRouteTests.clientID)
            #expect(asked["redirect_uri"] == AppInstallRouteTests.publicURL + "/shopify/callback")
            #expect(asked["grant_options[]"] == "")
            #expect((asked["state"] ?? "").count == 64)
            let approval = try await get(authorize)
            #expect(approval.status == 302)
            let back = try #require(approval.location)
            #expect(back.hasPrefix(AppInstallRouteTests.publicURL + "/shopify/callback?"))
            let signed = query(back)
            #expect(signed["state"] == asked["state"])
            return signed
        }
    }

    static func connector(mock: MockStoreServer, client: HTTPClient, vault: any CredentialVault) throws
        -> any StoreConnector
    {
        let settings = ConnectorSettings(
            store: store, platform: "shopify",
            values: [
                "base_url": mock.baseURL, "shop": shop, "client_id": clientID, "grant": "authorization_code",
                "leak_rate": "1000", "bucket_size": "1000",
            ],
            secrets: ["client_secret": Secret(clientSecret)])
        return try ShopifyConnector.registration.makeConnector(
            settings,
            ConnectorEnvironment(
                client: client, logger: RunningServer.quietLogger, vault: vault, publicURL: publicURL))
    }

    func withInstallServer(_ body: (Setup) async throws -> Void) async throws {
        let mock = try await MockStoreServer.start(
            .shopify(
                ShopifyMockOptions(
                    orders: 30, seed: 4, leakRate: 0, clientID: Self.clientID, clientSecret: Self.clientSecret)))
        // Redirects are not followed: each hop is asserted.
        let client = HTTPClientFactory.makeClient()
        let clock = MovableClock()
        var server: RunningServer?
        do {
            server = try await RunningServer.start(
                [],
                installs: { persistence in
                    let installer = try #require(
                        try Self.connector(mock: mock, client: client, vault: DatabaseCredentialVault(persistence))
                            as? any AppInstalling)
                    return AppInstallEndpoint(
                        installers: [installer], publicURL: Self.publicURL, states: persistence,
                        now: { clock.now() }, logger: RunningServer.quietLogger)
                })
            let running = try #require(server)
            try await body(
                Setup(
                    mock: mock, server: running, client: client, clock: clock,
                    vault: DatabaseCredentialVault(running.persistence)))
        } catch {
            try? await server?.stop()
            try? await client.shutdown()
            await mock.stop()
            throw error
        }
        try? await server?.stop()
        try? await client.shutdown()
        await mock.stop()
    }

    @Test func theMerchantInstallsAndASyncReadsWithTheKeptToken() async throws {
        try await withInstallServer { setup async throws in
            let signed = try await setup.approvedCallback()
            let done = try await setup.callback(signed)
            #expect(done.status == 200, "\(done.body)")
            #expect(done.body.contains("Aftercart is connected to \(Self.shop)"), "\(done.body)")
            let kept = try #require(try await setup.vault.credential(store: Self.store))
            #expect(kept.refreshToken != nil && kept.accessExpiresAt != nil)
            #expect(!done.body.contains(kept.accessToken.revealed()))
            // Another process on the same database reads with that token.
            let pages = try await allOrders(try setup.connector())
            #expect(pages == 30)
            #expect(setup.mock.shopifyInstallCounts.codes == 1)
            // The same callback again: its state is used up.
            let replay = try await setup.callback(signed)
            #expect(replay.status == 400)
            #expect(replay.body.contains("expired or was already used"), "\(replay.body)")
            #expect(setup.mock.shopifyInstallCounts.codes == 1)
            #expect(try await setup.vault.credential(store: Self.store) == kept)
        }
    }

    @Test func aTamperedSignatureIsRefusedAndLeavesTheStateUsable() async throws {
        try await withInstallServer { setup async throws in
            let signed = try await setup.approvedCallback()
            var tampered = signed
            tampered["code"] = "code_chosen_by_someone_else"
            let refused = try await setup.callback(tampered)
            #expect(refused.status == 400)
            #expect(refused.body.contains("not signed"), "\(refused.body)")
            #expect(!refused.body.contains("code_chosen_by_someone_else"))
            var unsigned = signed
            unsigned.removeValue(forKey: "hmac")
            #expect(try await setup.callback(unsigned).status == 400)
            #expect(try await setup.vault.credential(store: Self.store) == nil)
            #expect(setup.mock.shopifyInstallCounts.codes == 0)
            #expect(try await setup.callback(signed).status == 200)
        }
    }

    @Test func unknownAndExpiredStatesAreRefused() async throws {
        try await withInstallServer { setup async throws in
            var unknown = try await setup.approvedCallback()
            unknown["state"] = String(repeating: "0", count: 64)
            unknown["hmac"] = Self.sign(unknown)
            #expect(try await setup.callback(unknown).status == 400)
            let late = try await setup.approvedCallback()
            setup.clock.offset.withLock { $0 = 601 }
            let expired = try await setup.callback(late)
            #expect(expired.status == 400)
            #expect(expired.body.contains("expired or was already used"))
            #expect(try await setup.vault.credential(store: Self.store) == nil)
            #expect(setup.mock.shopifyInstallCounts.codes == 0)
        }
    }

    @Test func theAppURLHitIsVerifiedAndMatchedToTheShop() async throws {
        try await withInstallServer { setup async throws in
            var hit = ["shop": Self.shop, "timestamp": "1796000000"]
            hit["hmac"] = Self.sign(hit)
            let good = try await setup.get(setup.server.baseURL + "/shopify/install?" + Self.encode(hit))
            #expect(good.status == 302)
            #expect(good.location?.hasPrefix(setup.mock.baseURL + "/admin/oauth/authorize?") == true)
            var other = ["shop": "someone-else.myshopify.com", "timestamp": "1796000000"]
            other["hmac"] = Self.sign(other)
            let wrongShop = try await setup.get(setup.server.baseURL + "/shopify/install?" + Self.encode(other))
            #expect(wrongShop.status == 400)
            #expect(wrongShop.body.contains("another shop"), "\(wrongShop.body)")
            hit["timestamp"] = "1796000001"
            #expect(try await setup.get(setup.server.baseURL + "/shopify/install?" + Self.encode(hit)).status == 400)
            // A store that is not installed by its merchant has no install page.
            #expect(try await setup.get(setup.server.baseURL + "/shopify/install/tokyo-woo").status == 404)
            // A callback for a shop other than the state's store.
            var signed = try await setup.approvedCallback()
            signed["shop"] = "someone-else.myshopify.com"
            signed["hmac"] = Self.sign(signed)
            #expect(try await setup.callback(signed).status == 400)
            #expect(try await setup.vault.credential(store: Self.store) == nil)
        }
    }

    func allOrders(_ connector: any StoreConnector) async throws -> Int {
        var count = 0
        for try await page in connector.read(.orders, since: nil) { count += page.records.count }
        return count
    }

    static func sign(_ query: [String: String]) -> String {
        let message = query.filter { $0.key != "hmac" }.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
            .joined(separator: "&")
        return HMAC<SHA256>.authenticationCode(
            for: Data(message.utf8), using: SymmetricKey(data: Data(clientSecret.utf8))
        ).map { String(format: "%02x", $0) }.joined()
    }

    static func encode(_ query: [String: String]) -> String {
        var components = URLComponents()
        components.queryItems = query.sorted { $0.key < $1.key }.map { URLQueryItem(name: $0.key, value: $0.value) }
        return components.percentEncodedQuery ?? ""
    }
}

/// The test's clock: now plus an offset the test moves.
final class MovableClock: Sendable {
    let offset = Mutex<TimeInterval>(0)
    func now() -> Date { Date().addingTimeInterval(offset.withLock { $0 }) }
}
