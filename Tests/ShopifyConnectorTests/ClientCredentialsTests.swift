import AftercartConnector
import AftercartModel
import AftercartPlatform
import Foundation
import MockStores
import ShopifyConnector
import Testing

/// A Dev Dashboard app's client id and secret instead of an `shpat_` token:
/// the connector gets its tokens with the client credentials grant from the
/// emulator, renews them before they expire and after a 401, and `check`
/// says what it holds.
@Suite struct ClientCredentialsTests {
    static let clientID = "a1b2c3d4e5f60718293a4b5c6d7e8f90"
    static let clientSecret = "shpss_0123456789abcdef0123456789abcdef"

    /// A connector with only client credentials (no `access_token`) over an
    /// emulator whose grant issues tokens living `lifetime` seconds.
    func withAppStore<T>(
        lifetime: Double = 86_399, secret: String = clientSecret, apiVersion: String? = nil,
        _ body: (MockStoreServer, any StoreConnector) async throws -> T
    ) async throws -> T {
        var values = ["client_id": Self.clientID]
        if let apiVersion { values["api_version"] = apiVersion }
        return try await withShopifyMock(
            orders: 120, seed: 11,
            app: EmulatedShopifyApp(
                clientID: Self.clientID, clientSecret: Self.clientSecret, tokenLifetime: lifetime),
            values: values, secrets: ["client_secret": Secret(secret)]
        ) { harness in
            try await body(harness.mock, harness.connector)
        }
    }

    func orderCount(_ connector: any StoreConnector) async throws -> Int {
        try await allPages(connector.read(.orders, since: nil)).reduce(0) { $0 + $1.records.count }
    }

    @Test func theGrantsTokenReadsTheShopAndCheckShowsItsScopesAndExpiry() async throws {
        try await withAppStore { mock, connector in
            let facts = try await connector.check()
            let credential = try #require(facts.credential)
            #expect(credential.contains("client credentials grant"))
            #expect(credential.contains("expires 20"))
            #expect(credential.contains("read_orders"))
            #expect(try await orderCount(connector) == 120)
            // One token serves check, REST pages and GraphQL alike.
            #expect(mock.shopifyTokenGrants == 1)
            #expect(mock.stats().count(status: 401) == 0)
        }
    }

    @Test func anExpiringTokenIsRenewedAndNoRequestFails() async throws {
        // Ten-second tokens, renewed a tenth of their life early: reads go on
        // until the third token (bounded, for a machine that stalls). A
        // shorter life fails under a loaded suite: a retried request can
        // take longer to be answered than its fresh token lives.
        try await withAppStore(lifetime: 10) { mock, connector in
            let started = ContinuousClock.now
            var reads = 0
            while mock.shopifyTokenGrants < 3, ContinuousClock.now - started < .seconds(120) {
                #expect(try await orderCount(connector) == 120)
                reads += 1
                try await Task.sleep(for: .milliseconds(300))
            }
            // However many reads that took (one slow read may span renewals), none failed.
            #expect(reads >= 1)
            #expect(mock.shopifyTokenGrants >= 3)
        }
    }

    @Test func aRevokedTokenIsReplacedAfterOne401() async throws {
        try await withAppStore { mock, connector in
            let before = try await orderCount(connector)
            #expect(before == 120)
            #expect(mock.shopifyTokenGrants == 1)
            mock.revokeShopifyIssuedTokens()
            let after = try await orderCount(connector)
            #expect(after == 120)
            #expect(mock.shopifyTokenGrants == 2)
            #expect(mock.stats().count(status: 401) == 1)
        }
    }

    @Test func aWrongClientSecretFailsCheckClearlyWithoutShowingTheSecret() async throws {
        let wrong = "shpss_wrongwrongwrongwrongwrongwrong0"
        try await withAppStore(secret: wrong) { mock, connector in
            let error = try await #require(throws: ConnectorError.self) { try await connector.check() }
            let text = error.description
            #expect(text.contains("client credentials"), "\(text)")
            #expect(text.contains("invalid_client"), "\(text)")
            #expect(text.contains("Dev Dashboard"), "\(text)")
            #expect(!text.contains(wrong), "\(text)")
            #expect(!text.contains("wrongwrong"), "\(text)")
            #expect(mock.shopifyTokenGrants == 0)
        }
    }

    @Test func aRetiredAPIVersionIsNamedWithTheVersionThatAnswered() async throws {
        try await withAppStore(apiVersion: "2025-01") { _, connector in
            let facts = try await connector.check()
            #expect(facts.platformVersion?.hasPrefix("Shopify Admin API 2026-01") == true)
            #expect(
                facts.warnings.contains { $0.contains("answered with API version 2026-01, not the configured 2025-01") }
            )
            #expect(facts.warnings.contains { $0.contains("older than Shopify's support window") })
        }
        try await withAppStore { _, connector in
            let facts = try await connector.check()
            #expect(
                facts.platformVersion?.hasPrefix("Shopify Admin API \(ShopifyStoreSettings.defaultAPIVersion)") == true)
            #expect(!facts.warnings.contains { $0.contains("API version") || $0.contains("api_version") })
        }
    }

    @Test func theClientSecretAlsoVerifiesWebhooks() throws {
        let settings = try ShopifyStoreSettings(
            ConnectorSettings(
                store: "s", platform: "shopify", values: ["base_url": "https://s.myshopify.com", "client_id": "abc"],
                secrets: ["client_secret": Secret("shpss_1")]))
        #expect(settings.webhookSecret?.revealed() == "shpss_1")
        guard case .clientCredentials(let id, _) = settings.credential else {
            Issue.record("expected client credentials")
            return
        }
        #expect(id == "abc")
    }

    @Test(arguments: [
        (["client_id": "abc"], ["access_token"], "not both"),
        (["client_id": "abc"], [], "go together"),
        ([:], ["client_secret"], "go together"),
    ])
    func credentialKeysAreCheckedTogether(values: [String: String], secrets: [String], message: String) {
        let issues = ShopifyConnector.settingsSchema.rules.flatMap {
            $0.check(StoreSettingValues(values, secretsSet: Set(secrets)))
        }
        #expect(issues.contains { $0.message.contains(message) }, "\(issues.map(\.message))")
    }

    @Test func supportWindowWarningsFollowTheCalendar() throws {
        let formatter = ISO8601DateFormatter()
        let now = try #require(formatter.date(from: "2026-12-07T00:00:00Z"))
        func warnings(_ version: String) -> [String] {
            ShopifyAPIVersions.warnings(configured: version, served: version, now: now)
        }
        // Supported on 2026-12-07: 2026-01 (until at least 2027-01-01) through 2026-10.
        #expect(warnings("2026-01").isEmpty)
        #expect(warnings("2026-10").isEmpty)
        #expect(warnings("2025-10").contains { $0.contains("support window") })
        #expect(warnings("unstable").contains { $0.contains("changes without notice") })
    }
}
