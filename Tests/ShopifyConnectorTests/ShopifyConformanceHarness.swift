import AftercartConnector
import AftercartConnectorTesting
import AftercartModel
import AsyncHTTPClient
import Foundation
import Logging
import MockStoreConformance
import MockStores
import ShopifyConnector

/// Runs the conformance kit against the MockStores Shopify emulator, with
/// the adapter made through ``ShopifyConnector/registration`` as the CLI
/// makes it: production retry policy and a standard-plan bucket (40, 2/s)
/// against the emulator's standard bucket.
struct ShopifyConformanceHarness: ConformanceHarness {
    /// How the adapter authenticates: each kind a merchant can configure passes the same kit.
    enum Credential: String, Sendable, CaseIterable, CustomStringConvertible {
        /// An admin-created custom app's `shpat_` token.
        case accessToken = "access_token"
        /// A Dev Dashboard app's `client_id` and `client_secret` (client credentials grant).
        case clientCredentials = "client_credentials"
        /// An app a merchant installed (authorization-code grant, expiring offline token).
        case authorizationCode = "authorization_code"

        var description: String { rawValue }
    }

    static let clientID = "c0nf0rmance0000000000000000000000"
    static let clientSecret = "shpss_conformance0000000000000000000"

    var credential: Credential = .accessToken
    var adapterName: String { credential == .accessToken ? "Shopify" : "Shopify (\(credential))" }
    let pageSize = 250
    let lookback: TimeInterval = 300

    func startStore(records: Int) async throws -> any ConformanceStore {
        var options = ShopifyMockOptions(orders: records, seed: 11)
        if credential != .accessToken {
            options.clientID = Self.clientID
            options.clientSecret = Self.clientSecret
        }
        let mock = try await MockStoreServer.start(.shopify(options))
        return ShopifyConformanceStore(
            mock: mock, client: HTTPClientFactory.makeClient(connectTimeout: .seconds(2), readTimeout: .seconds(20)),
            pageSize: pageSize, credential: credential)
    }
}

/// One running Shopify emulator, its HTTP client, and what the kit asks of it.
struct ShopifyConformanceStore: ConformanceStore {
    let mock: MockStoreServer
    let client: HTTPClient
    let pageSize: Int
    let credential: ShopifyConformanceHarness.Credential
    /// Where an installed app's tokens are kept, as the database keeps them for the CLI.
    let vault = MemoryCredentialVault()

    static let wrongToken = "shpat_wrong_00000000000000000000000000000000"
    static let wrongClientSecret = "shpss_wrong_0000000000000000000000000000"

    func makeConnector(credentials: ConformanceCredentials) async throws -> any StoreConnector {
        let valid = credentials == .valid
        var settings = ConnectorSettings(
            store: "conformance-shopify", platform: "shopify",
            values: [
                "base_url": mock.baseURL, "api_version": mock.credentials.apiVersion, "page_size": "\(pageSize)",
                "lookback": "300", "request_timeout": "120",
                "loyalty.source": "shopify_metafield", "loyalty.namespace": "aftercart", "loyalty.key": "points",
                "loyalty.tier_key": "tier", "loyalty.expiry_key": "points_expires_at",
                "loyalty.expiring_key": "points_expiring",
            ],
            secrets: [:])
        switch credential {
        case .accessToken:
            settings.secrets["access_token"] = Secret(valid ? mock.credentials.accessToken ?? "" : Self.wrongToken)
        case .clientCredentials:
            settings.values["client_id"] = ShopifyConformanceHarness.clientID
            settings.secrets["client_secret"] = Secret(
                valid ? ShopifyConformanceHarness.clientSecret : Self.wrongClientSecret)
        case .authorizationCode:
            settings.values["client_id"] = ShopifyConformanceHarness.clientID
            settings.values["grant"] = "authorization_code"
            settings.values["shop"] = Self.shopDomain
            settings.secrets["client_secret"] = Secret(ShopifyConformanceHarness.clientSecret)
            return try await installedConnector(settings, valid: valid)
        }
        return try ShopifyConnector.registration.makeConnector(
            settings, ConnectorEnvironment(client: client, logger: Self.logger))
    }

    static let logger = Logger(label: "conformance.shopify", factory: { _ in SwiftLogNoOpLogHandler() })

    func platformIDs(of resource: ResourceKind) async throws -> Set<String>? {
        switch resource {
        case .orders:
            try await ShopifyConformanceRawAPI(mock: mock, client: client).ids("orders.json?status=any", key: "orders")
        case .customers:
            try await ShopifyConformanceRawAPI(mock: mock, client: client).ids("customers.json", key: "customers")
        // Discount codes hang under price rules, and loyalty exists only
        // for customers with the metafield: not worth re-implementing here.
        case .coupons, .loyalty, .reviews: nil
        }
    }

    func makeChanges(count: Int) async throws -> ConformanceChanges? {
        let result = mock.advance(orders: count)
        return ConformanceChanges(resource: .orders, platformIDs: Set(result.changedOrderIDs.map(String.init)))
    }

    /// A token grant refuses a wrong client secret with 400 `invalid_client`.
    static let grantPath = "/admin/oauth/access_token"

    func requestStats() async throws -> ConformanceRequestStats {
        credential == .clientCredentials
            ? MockConformanceFaults.stats(mock, grantPath: Self.grantPath) : MockConformanceFaults.stats(mock)
    }

    func supports(_ fault: ConformanceFault) -> Bool { MockConformanceFaults.supports(fault) }

    func injectFaults(_ faults: [Int: ConformanceFault]) async throws {
        // Token grants, installs and refreshes happen before "the next page".
        MockConformanceFaults.inject(
            faults, into: mock, exemptPaths: credential == .accessToken ? [] : ["/admin/oauth/"])
    }

    var secrets: [String] {
        [
            mock.credentials.accessToken ?? "", Self.wrongToken, ShopifyConformanceHarness.clientSecret,
            Self.wrongClientSecret,
        ]
    }

    func stop() async {
        try? await client.shutdown()
        await mock.stop()
    }
}

/// The emulator's raw Admin API, independent of the adapter.
struct ShopifyConformanceRawAPI {
    let mock: MockStoreServer
    let client: HTTPClient

    /// Every `id` under `key` of a list endpoint, following `Link: rel="next"`.
    func ids(_ pathAndQuery: String, key: String) async throws -> Set<String> {
        var ids: Set<String> = []
        let separator = pathAndQuery.contains("?") ? "&" : "?"
        var next: String? = mock.apiBaseURL + "/" + pathAndQuery + separator + "limit=250"
        while let url = next {
            var request = HTTPClientRequest(url: url)
            request.headers.add(name: "X-Shopify-Access-Token", value: mock.credentials.accessToken ?? "")
            let response = try await client.execute(request, timeout: .seconds(20))
            let body = try await response.body.collect(upTo: 64 * 1024 * 1024)
            guard response.status.code == 200 else { break }
            let object = try JSONSerialization.jsonObject(with: Data(body.readableBytesView)) as? [String: Any]
            for item in object?[key] as? [[String: Any]] ?? [] {
                if let id = item["id"] as? Int64 {
                    ids.insert(String(id))
                } else if let id = item["id"] as? Int {
                    ids.insert(String(id))
                }
            }
            next = Self.nextLink(response.headers.first(name: "Link"))
        }
        return ids
    }

    /// The `rel="next"` URL of a `Link` header.
    static func nextLink(_ header: String?) -> String? {
        guard let header else { return nil }
        for part in header.split(separator: ",") where part.contains("rel=\"next\"") {
            guard let open = part.firstIndex(of: "<"), let close = part.firstIndex(of: ">") else { continue }
            return String(part[part.index(after: open)..<close])
        }
        return nil
    }
}
