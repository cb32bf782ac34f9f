import AftercartConnector
import AftercartConnectorTesting
import AftercartModel
import AsyncHTTPClient
import Foundation
import Logging
import MockStoreConformance
import MockStores
import WooCommerceConnector

/// Runs the conformance kit against the MockStores WooCommerce emulator,
/// with the adapter wired as the CLI wires it: plain HTTP to 127.0.0.1,
/// so OAuth 1.0a signed over the emulator's home URL, production retry policy.
struct WooCommerceConformanceHarness: ConformanceHarness {
    let adapterName = "WooCommerce"
    let pageSize = WooCommerceEndpoints.perPage
    let lookback: TimeInterval = 300

    func startStore(records: Int) async throws -> any ConformanceStore {
        let mock = try await MockStoreServer.start(
            .woocommerce(WooCommerceMockOptions(orders: records, seed: 11)))
        return WooCommerceConformanceStore(
            mock: mock, client: HTTPClientFactory.makeClient(connectTimeout: .seconds(2), readTimeout: .seconds(20)))
    }
}

/// One running WooCommerce emulator, its HTTP client, and what the kit asks of it.
struct WooCommerceConformanceStore: ConformanceStore {
    let mock: MockStoreServer
    let client: HTTPClient

    static let wrongSecret = "cs_wrong_0000000000000000000000000000000000000"

    func makeConnector(credentials: ConformanceCredentials) async throws -> any StoreConnector {
        let secret = credentials == .valid ? mock.credentials.consumerSecret ?? "" : Self.wrongSecret
        // Built through the registration, as `aftercart sync` builds it from the config.
        let settings = ConnectorSettings(
            store: "conformance-woo", platform: "woocommerce",
            values: [
                "base_url": mock.baseURL, "home_url": mock.homeURL, "lookback": "300", "request_timeout": "120",
                "consent_meta_key": "aftercart_marketing_consent",
                "loyalty.source": "customer_meta", "loyalty.points_key": "aftercart_points",
                "loyalty.points_expiring_key": "aftercart_points_expiring",
                "loyalty.expiry_key": "aftercart_points_expires_at", "loyalty.tier_key": "aftercart_tier",
            ],
            secrets: [
                "consumer_key": Secret(mock.credentials.consumerKey ?? ""), "consumer_secret": Secret(secret),
            ])
        let logger = Logger(label: "conformance.woocommerce", factory: { _ in SwiftLogNoOpLogHandler() })
        return try WooCommerceConnector.registration.makeConnector(
            settings, ConnectorEnvironment(client: client, logger: logger))
    }

    func platformIDs(of resource: ResourceKind) async throws -> Set<String>? {
        let path: String
        switch resource {
        case .orders: path = "orders"
        case .customers: path = "customers"
        case .coupons: path = "coupons"
        case .reviews: path = "products/reviews?status=all"
        // Only customers with balance meta have a loyalty record.
        case .loyalty: return nil
        }
        return try await WooConformanceRawAPI(mock: mock, client: client).ids(path)
    }

    func makeChanges(count: Int) async throws -> ConformanceChanges? {
        let result = mock.advance(orders: count)
        return ConformanceChanges(resource: .orders, platformIDs: Set(result.changedOrderIDs.map(String.init)))
    }

    func requestStats() async throws -> ConformanceRequestStats {
        MockConformanceFaults.stats(mock)
    }

    func supports(_ fault: ConformanceFault) -> Bool { MockConformanceFaults.supports(fault) }

    func injectFaults(_ faults: [Int: ConformanceFault]) async throws {
        MockConformanceFaults.inject(faults, into: mock)
    }

    var secrets: [String] {
        [mock.credentials.consumerKey ?? "", mock.credentials.consumerSecret ?? "", Self.wrongSecret]
    }

    func stop() async {
        try? await client.shutdown()
        await mock.stop()
    }
}

/// The emulator's raw REST API, independent of the adapter: what the
/// store holds, to compare the adapter's reads with.
struct WooConformanceRawAPI {
    let mock: MockStoreServer
    let client: HTTPClient

    /// Every `id` of a list endpoint, walking `page` until the store says stop.
    func ids(_ pathAndQuery: String) async throws -> Set<String> {
        var ids: Set<String> = []
        var page = 1
        while true {
            let separator = pathAndQuery.contains("?") ? "&" : "?"
            let key = mock.credentials.consumerKey ?? ""
            let secret = mock.credentials.consumerSecret ?? ""
            var request = HTTPClientRequest(
                url: mock.apiBaseURL + "/" + pathAndQuery + separator
                    + "per_page=100&page=\(page)&consumer_key=\(key)&consumer_secret=\(secret)")
            // The emulator, like WordPress behind a TLS proxy, accepts query keys only over "HTTPS".
            request.headers.add(name: "X-Forwarded-Proto", value: "https")
            let response = try await client.execute(request, timeout: .seconds(20))
            let body = try await response.body.collect(upTo: 64 * 1024 * 1024)
            // A page past the end is 400 rest_post_invalid_page_number.
            guard response.status.code == 200 else { break }
            let list = try JSONSerialization.jsonObject(with: Data(body.readableBytesView)) as? [[String: Any]] ?? []
            if list.isEmpty { break }
            for item in list {
                if let id = item["id"] as? Int { ids.insert(String(id)) }
            }
            let totalPages = response.headers.first(name: "X-WP-TotalPages").flatMap { Int($0) } ?? Int.max
            if page >= totalPages { break }
            page += 1
        }
        return ids
    }
}
