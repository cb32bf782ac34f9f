import AftercartConnector
import AftercartModel
import AsyncHTTPClient
import Foundation
import MockStores
import NIOCore
import NIOHTTP1
import WooCommerceConnector

/// Raw order pages fetched once from an in-process emulator, so the floor
/// benchmark decodes and stores exactly the bytes a sync would receive,
/// without the network in the timed part.
struct CapturedPages {
    var platform: MockPlatform
    var pages: [Data]
    var bytes: Int { pages.reduce(0) { $0 + $1.count } }

    /// Every order page of a fresh emulator with `orders` orders.
    static func capture(platform: MockPlatform, orders: Int, client: HTTPClient) async throws -> CapturedPages {
        switch platform {
        case .woocommerce:
            let mock = try await MockStoreServer.start(.woocommerce(WooCommerceMockOptions(orders: orders)))
            defer { Task { await mock.stop() } }
            return CapturedPages(platform: platform, pages: try await wooPages(mock, client: client))
        case .shopify:
            let mock = try await MockStoreServer.start(
                .shopify(ShopifyMockOptions(orders: orders, leakRate: 0)))
            defer { Task { await mock.stop() } }
            return CapturedPages(platform: platform, pages: try await shopifyPages(mock, client: client))
        }
    }

    private static func wooPages(_ mock: MockStoreServer, client: HTTPClient) async throws -> [Data] {
        let signer = WooCommerceOAuthSigner(
            consumerKey: Secret(mock.credentials.consumerKey ?? ""),
            consumerSecret: Secret(mock.credentials.consumerSecret ?? ""), homeURL: mock.homeURL)
        var pages: [Data] = []
        var page = 1
        var totalPages = 1
        repeat {
            let url = "\(mock.baseURL)/wp-json/wc/v3/orders?per_page=100&page=\(page)&orderby=modified&order=asc"
            let signed = try signer.sign(
                method: "GET", url: url, timestamp: Int(Date().timeIntervalSince1970), nonce: UUID().uuidString)
            let (body, headers) = try await get(signed, headers: [], client: client)
            totalPages = Int(headers.first(name: "X-WP-TotalPages") ?? "1") ?? 1
            pages.append(body)
            page += 1
        } while page <= totalPages
        return pages
    }

    private static func shopifyPages(_ mock: MockStoreServer, client: HTTPClient) async throws -> [Data] {
        let token = mock.credentials.accessToken ?? ""
        var next: String? =
            "\(mock.baseURL)/admin/api/\(mock.credentials.apiVersion)/orders.json?status=any&limit=250"
        var pages: [Data] = []
        while let url = next {
            let (body, headers) = try await get(url, headers: [("X-Shopify-Access-Token", token)], client: client)
            pages.append(body)
            next = LinkHeader.parse(headers["Link"])["next"]
        }
        return pages
    }

    private static func get(
        _ url: String, headers: [(String, String)], client: HTTPClient
    ) async throws -> (Data, HTTPHeaders) {
        var request = HTTPClientRequest(url: url)
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        let response = try await client.execute(request, timeout: .seconds(30))
        let buffer = try await response.body.collect(upTo: 64 << 20)
        guard response.status == .ok else {
            throw BenchmarkError("GET \(url.prefix(80)) answered \(response.status.code)")
        }
        return (Data(buffer.readableBytesView), response.headers)
    }
}

/// A benchmark that could not run, with the reason.
struct BenchmarkError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
