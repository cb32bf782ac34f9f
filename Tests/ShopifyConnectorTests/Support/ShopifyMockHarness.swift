import AftercartConnector
import AftercartModel
import AsyncHTTPClient
import Foundation
import Logging
import MockStoreConformance
import MockStores
import NIOCore
import ShopifyConnector

/// A Shopify emulator on 127.0.0.1 and a connector made the way the CLI
/// makes one: through ``ShopifyConnector/registration`` over a shared client.
struct ShopifyMockHarness {
    let mock: MockStoreServer
    let connector: any StoreConnector
    let client: HTTPClient

    /// The emulator's own path for an endpoint, as its stats count it.
    func path(_ endpoint: String) -> String {
        "/admin/api/\(mock.credentials.apiVersion)/\(endpoint)"
    }

    /// A raw authenticated GraphQL call, to look at what a write did.
    func rawGraphQL(_ body: [String: Any]) async throws -> [String: Any] {
        var request = HTTPClientRequest(url: mock.apiBaseURL + "/graphql.json")
        request.method = .POST
        request.headers.add(name: "X-Shopify-Access-Token", value: mock.credentials.accessToken ?? "")
        request.headers.add(name: "Content-Type", value: "application/json")
        request.body = .bytes(ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: body)))
        let response = try await client.execute(request, timeout: .seconds(60))
        let bytes = try await response.body.collect(upTo: 4 * 1024 * 1024)
        return (try JSONSerialization.jsonObject(with: Data(String(buffer: bytes).utf8)) as? [String: Any]) ?? [:]
    }

    /// A raw authenticated GET, to look at what a write did.
    func rawJSON(_ endpoint: String) async throws -> [String: Any] {
        var request = HTTPClientRequest(url: mock.apiBaseURL + "/" + endpoint)
        request.headers.add(name: "X-Shopify-Access-Token", value: mock.credentials.accessToken ?? "")
        let response = try await client.execute(request, timeout: .seconds(60))
        let body = try await response.body.collect(upTo: 4 * 1024 * 1024)
        return (try JSONSerialization.jsonObject(with: Data(String(buffer: body).utf8)) as? [String: Any]) ?? [:]
    }
}

/// A Dev Dashboard app the emulator knows: its grant issues tokens living
/// `tokenLifetime` seconds.
struct EmulatedShopifyApp {
    var clientID: String
    var clientSecret: String
    var tokenLifetime: Double
    /// Seconds an install's expiring offline token lives (Shopify: 3600).
    var offlineTokenLifetime: Double = 3_600
}

/// Runs `body` against a fresh emulator, stopped afterwards, with the bulk
/// backfill off (`bulk_backfill = "true"` in `values` turns it on). `values`
/// override the store settings and `secrets`, when given, replace its
/// secrets; by default the client-side bucket is generous so tests that are
/// not about pacing run fast.
func withShopifyMock<T>(
    orders: Int = 60, seed: UInt64 = 7, bucketSize: Int = 40, leakRate: Double = 0,
    faults: MockFaultPlan = .none, token: String? = nil, currency: MockCurrency? = nil, scopes: [String]? = nil,
    graphQLBucket: Int = 2_000, graphQLRestore: Double = 100, app: EmulatedShopifyApp? = nil,
    values: [String: String] = [:], secrets: [String: Secret]? = nil, vault: (any CredentialVault)? = nil,
    _ body: (ShopifyMockHarness) async throws -> T
) async throws -> T {
    let mock = try await MockStoreServer.start(
        .shopify(
            ShopifyMockOptions(
                data: MockDataOptions(orders: orders, seed: seed, currency: currency), bucketSize: bucketSize,
                leakRate: leakRate, faults: faults, accessScopes: scopes, graphQLBucketSize: graphQLBucket,
                graphQLRestoreRate: graphQLRestore, clientID: app?.clientID, clientSecret: app?.clientSecret,
                tokenLifetime: app?.tokenLifetime ?? 86_399, offlineTokenLifetime: app?.offlineTokenLifetime ?? 3_600)))
    let client = HTTPClientFactory.makeClient(connectTimeout: .seconds(2), readTimeout: .seconds(20))
    do {
        var settings = mock.connectorSettings(store: "test-shopify")
        // These tests are about REST pages; the bulk backfill's own tests switch it back on.
        settings.values["bulk_backfill"] = "false"
        settings.values.merge(values) { _, new in new }
        if let secrets { settings.secrets = secrets }
        if let token { settings.secrets["access_token"] = Secret(token) }
        let logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })
        let connector = try ShopifyConnector.registration.makeConnector(
            settings,
            ConnectorEnvironment(client: client, logger: logger, vault: vault, publicURL: "https://aftercart.example"))
        let value = try await body(ShopifyMockHarness(mock: mock, connector: connector, client: client))
        try await client.shutdown()
        await mock.stop()
        return value
    } catch {
        try? await client.shutdown()
        await mock.stop()
        throw error
    }
}

/// Every page of a read, in order.
func allPages(_ pages: ResourcePages) async throws -> [ResourcePage] {
    var result: [ResourcePage] = []
    for try await page in pages { result.append(page) }
    return result
}

extension ResourcePage {
    var orders: [Order] {
        if case .orders(let records) = records { return records }
        return []
    }
}
