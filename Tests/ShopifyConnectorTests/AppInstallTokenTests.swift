import AftercartConnector
import AftercartModel
import AsyncHTTPClient
import Foundation
import Logging
import MockStores
import ShopifyConnector
import Testing

/// A Dev Dashboard app the merchant installs (`grant = "authorization_code"`):
/// the connector exchanges the install's code for an expiring offline token
/// and a refresh token, keeps both in its vault, refreshes before expiry and
/// once after a 401, and sends the merchant to reinstall when Shopify refuses.
/// Also: workers sharing one vault share the client credentials grant's token.
@Suite struct AppInstallTokenTests {
    static let clientID = "a1b2c3d4e5f60718293a4b5c6d7e8f90"
    static let clientSecret = "shpss_0123456789abcdef0123456789abcdef"
    static let shop = "aftercart-mock.myshopify.com"

    func withInstalledStore<T>(
        offlineLifetime: Double = 3_600, install: Bool = true, shop: String = AppInstallTokenTests.shop,
        vault: any CredentialVault = MemoryCredentialVault(),
        _ body: (ShopifyMockHarness, any AppInstalling) async throws -> T
    ) async throws -> T {
        try await withShopifyMock(
            orders: 40, seed: 5,
            app: EmulatedShopifyApp(
                clientID: Self.clientID, clientSecret: Self.clientSecret, tokenLifetime: 86_399,
                offlineTokenLifetime: offlineLifetime),
            values: ["client_id": Self.clientID, "grant": "authorization_code", "shop": shop],
            secrets: ["client_secret": Secret(Self.clientSecret)], vault: vault
        ) { harness in
            let installer = try #require(harness.connector as? any AppInstalling)
            if install {
                let code = try await Self.approve(installer, client: harness.client)
                #expect(try await installer.completeInstall(code: code) == Self.shop)
            }
            return try await body(harness, installer)
        }
    }

    /// Follows the authorize URL to the emulator, which approves at once,
    /// and returns the query of its signed redirect.
    static func signedCallback(_ installer: any AppInstalling, client: HTTPClient) async throws -> [String: String] {
        let url = installer.authorizationURL(redirectURI: "https://aftercart.example/shopify/callback", state: "s1")
        #expect(url.contains("grant_options%5B%5D=") && url.contains("write_orders"))
        let response = try await client.execute(HTTPClientRequest(url: url), timeout: .seconds(20))
        #expect(response.status.code == 302)
        let location = try #require(response.headers.first(name: "Location"))
        let items = URLComponents(string: location)?.queryItems ?? []
        return Dictionary(items.map { ($0.name, $0.value ?? "") }) { first, _ in first }
    }

    /// The code of an approved install, after checking what the connector thinks of its signature.
    static func approve(_ installer: any AppInstalling, client: HTTPClient) async throws -> String {
        let query = try await signedCallback(installer, client: client)
        #expect(query["state"] == "s1")
        #expect(installer.checkSignedQuery(query) == .accepted)
        var tampered = query
        tampered["code"] = "other"
        #expect(installer.checkSignedQuery(tampered) == .badSignature)
        tampered = query
        tampered.removeValue(forKey: "hmac")
        #expect(installer.checkSignedQuery(tampered) == .badSignature)
        return try #require(query["code"])
    }

    func orderCount(_ connector: any StoreConnector) async throws -> Int {
        try await allPages(connector.read(.orders, since: nil)).reduce(0) { $0 + $1.records.count }
    }

    @Test func theInstalledTokenReadsAndCheckShowsExpiryScopesAndTheInstallLink() async throws {
        let vault = MemoryCredentialVault()
        try await withInstalledStore(vault: vault) { harness, connector async throws in
            #expect(try await orderCount(connector) == 40)
            let credential = try #require(try await connector.check().credential)
            #expect(credential.contains("merchant's install"))
            #expect(credential.contains("expires 20") && credential.contains("read_orders"))
            #expect(credential.contains("https://aftercart.example/shopify/install/test-shopify"))
            #expect(!credential.contains("shpat_") && !credential.contains("shprt_"))
            let kept = try #require(try await vault.credential(store: "test-shopify"))
            #expect(kept.refreshToken != nil && kept.accessExpiresAt != nil)
            #expect(harness.mock.shopifyInstallCounts.codes == 1)
            #expect(harness.mock.stats().count(status: 401) == 0)
        }
    }

    @Test func readsGoOnAcrossTwoRefreshesWithoutAFailedRequest() async throws {
        // Sixteen-second offline tokens, refreshed a tenth of their life early
        // (a shorter life fails on a loaded machine: a slow answer outlives the token).
        try await withInstalledStore(offlineLifetime: 16) { harness, connector async throws in
            let started = ContinuousClock.now
            while harness.mock.shopifyInstallCounts.refreshes < 2, ContinuousClock.now - started < .seconds(120) {
                #expect(try await orderCount(connector) == 40)
                try await Task.sleep(for: .milliseconds(300))
            }
            #expect(harness.mock.shopifyInstallCounts.refreshes >= 2)
            #expect(try await orderCount(connector) == 40)
            // A page still in flight with the replaced token may meet a 401
            // (Shopify revokes it) and is sent again; no refresh is refused.
            #expect(harness.mock.stats().count(status: 400) == 0)
        }
    }

    @Test func aRevokedTokenIsRefreshedOnceAfterA401() async throws {
        try await withInstalledStore { harness, connector async throws in
            #expect(try await orderCount(connector) == 40)
            harness.mock.revokeShopifyIssuedTokens()
            #expect(try await orderCount(connector) == 40)
            #expect(harness.mock.shopifyInstallCounts.refreshes == 1)
            #expect(harness.mock.stats().count(status: 401) == 1)
        }
    }

    @Test func aRefusedRefreshTellsTheMerchantWhereToReinstall() async throws {
        try await withInstalledStore { harness, connector async throws in
            #expect(try await orderCount(connector) == 40)
            harness.mock.expireShopifyRefreshTokens()
            harness.mock.revokeShopifyIssuedTokens()
            let error = await #expect(throws: ConnectorError.self) { try await orderCount(connector) }
            let text = error?.description ?? ""
            #expect(text.contains("install the app again"), "\(text)")
            #expect(text.contains("https://aftercart.example/shopify/install/test-shopify"), "\(text)")
            #expect(!text.contains("shprt_") && !text.contains(Self.clientSecret))
        }
    }

    @Test func withoutAnInstallCheckSaysWhereToInstall() async throws {
        try await withInstalledStore(install: false) { harness, connector async throws in
            let error = await #expect(throws: ConnectorError.self) { try await connector.check() }
            #expect(
                error?.description.contains("not installed on this shop yet") == true, "\(String(describing: error))")
            #expect(
                error?.description.contains("https://aftercart.example/shopify/install/test-shopify") == true)
            // Nothing was asked of Shopify's token endpoint.
            #expect(harness.mock.stats().count(path: "/admin/oauth/access_token") == 0)
        }
    }

    @Test func aCallbackSignedForAnotherShopIsRefused() async throws {
        try await withInstalledStore(install: false, shop: "someone-else.myshopify.com") {
            harness, connector async throws in
            let query = try await Self.signedCallback(connector, client: harness.client)
            #expect(connector.checkSignedQuery(query) == .otherShop)
        }
    }

    @Test func twoWorkersWithOneVaultShareOneClientCredentialsToken() async throws {
        let vault = MemoryCredentialVault()
        try await withShopifyMock(
            orders: 20, seed: 3,
            app: EmulatedShopifyApp(clientID: Self.clientID, clientSecret: Self.clientSecret, tokenLifetime: 86_399),
            values: ["client_id": Self.clientID], secrets: ["client_secret": Secret(Self.clientSecret)], vault: vault
        ) { harness in
            _ = try await harness.connector.check()
            var settings = harness.mock.connectorSettings(store: "test-shopify")
            settings.values["client_id"] = Self.clientID
            settings.secrets = ["client_secret": Secret(Self.clientSecret)]
            let second = try ShopifyConnector.registration.makeConnector(
                settings,
                ConnectorEnvironment(
                    client: harness.client, logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }),
                    vault: vault))
            #expect(try await orderCount(second) == 20)
            #expect(harness.mock.shopifyTokenGrants == 1)
            // The second worker's 401 gets a new token, which the first then uses too.
            harness.mock.revokeShopifyIssuedTokens()
            #expect(try await orderCount(second) == 20)
            #expect(try await orderCount(harness.connector) == 20)
            #expect(harness.mock.shopifyTokenGrants == 2)
        }
    }

    @Test func aKeptTokenOfAnotherAppOrSecretIsNotUsed() async throws {
        let vault = MemoryCredentialVault()
        try await vault.save(
            IssuedCredential(
                accessToken: Secret("shpat_of_another_app"), accessExpiresAt: Date().addingTimeInterval(3_600),
                scopes: ["read_orders"], issuedAt: Date(), issuedTo: "another-app"),
            store: "test-shopify")
        try await withShopifyMock(
            orders: 10, seed: 3,
            app: EmulatedShopifyApp(clientID: Self.clientID, clientSecret: Self.clientSecret, tokenLifetime: 86_399),
            values: ["client_id": Self.clientID], secrets: ["client_secret": Secret(Self.clientSecret)], vault: vault
        ) { harness async throws in
            #expect(try await orderCount(harness.connector) == 10)
            #expect(harness.mock.shopifyTokenGrants == 1)
            #expect(harness.mock.stats().count(status: 401) == 0)
            let kept = try await vault.credential(store: "test-shopify")
            #expect(kept?.accessToken.revealed().hasPrefix("shpat_grant_") == true)
        }
    }
}
