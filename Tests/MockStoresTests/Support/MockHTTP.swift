import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

@testable import MockStores

/// A response as tests inspect it.
struct HTTPResult {
    let status: Int
    let headers: HTTPHeaders
    let body: [UInt8]

    var text: String { String(decoding: body, as: UTF8.self) }
    func header(_ name: String) -> String? { headers.first(name: name) }
    func all(_ name: String) -> [String] { headers[name] }
    /// Typed JSON (booleans kept apart from numbers).
    var value: JSONValue? { JSONValue.parse(body) }
    var array: [JSONValue] { value?.array ?? [] }

    /// `rel` → URL from `Link` headers (one line per link, or comma-joined).
    var links: [String: String] {
        var out: [String: String] = [:]
        for line in all("Link") {
            for part in line.components(separatedBy: ", ") {
                guard let open = part.firstIndex(of: "<"), let close = part.firstIndex(of: ">"),
                    let relRange = part.range(of: "rel=\"")
                else { continue }
                let rel = part[relRange.upperBound...].prefix { $0 != "\"" }
                out[String(rel)] = String(part[part.index(after: open)..<close])
            }
        }
        return out
    }
}

enum TestHTTP {
    /// Redirects are not followed, so tests can see Shopify's 303.
    static let client = HTTPClient(
        eventLoopGroupProvider: .singleton,
        configuration: .init(redirectConfiguration: .disallow))

    static func request(_ url: String, method: HTTPMethod = .GET, headers: [(String, String)] = [], body: String? = nil)
        async throws -> HTTPResult
    {
        var req = HTTPClientRequest(url: url)
        req.method = method
        for (n, v) in headers { req.headers.add(name: n, value: v) }
        if let body {
            req.body = .bytes(ByteBuffer(string: body))
            req.headers.add(name: "Content-Type", value: "application/json")
        }
        let response = try await client.execute(req, timeout: .seconds(30))
        let bytes = try await response.body.collect(upTo: 64 * 1024 * 1024)
        return HTTPResult(status: Int(response.status.code), headers: response.headers, body: Array(buffer: bytes))
    }
}

extension MockStoreServer {
    var basicAuth: String {
        "Basic " + Data("\(credentials.consumerKey!):\(credentials.consumerSecret!)".utf8).base64EncodedString()
    }

    /// WooCommerce over "HTTPS" (via X-Forwarded-Proto) with Basic auth.
    func woo(_ pathAndQuery: String, method: HTTPMethod = .GET, body: String? = nil) async throws -> HTTPResult {
        let url = pathAndQuery.hasPrefix("http") ? pathAndQuery : apiBaseURL + pathAndQuery
        return try await TestHTTP.request(
            url, method: method, headers: [("X-Forwarded-Proto", "https"), ("Authorization", basicAuth)], body: body)
    }

    /// Shopify with the access token.
    func shopify(_ pathAndQuery: String, method: HTTPMethod = .GET, body: String? = nil) async throws -> HTTPResult {
        let url = pathAndQuery.hasPrefix("http") ? pathAndQuery : apiBaseURL + pathAndQuery
        return try await TestHTTP.request(
            url, method: method, headers: [("X-Shopify-Access-Token", credentials.accessToken!)], body: body)
    }

    func admin(_ path: String, method: HTTPMethod = .GET) async throws -> HTTPResult {
        try await TestHTTP.request(baseURL + path, method: method)
    }
}

/// Starts a mock, runs `body`, always stops it.
func withMock<T>(_ configuration: MockStoreConfiguration, _ body: (MockStoreServer) async throws -> T) async throws -> T
{
    let mock = try await MockStoreServer.start(configuration)
    do {
        let result = try await body(mock)
        await mock.stop()
        return result
    } catch {
        await mock.stop()
        throw error
    }
}

func woo(
    _ orders: Int, seed: UInt64 = 7, customers: Int? = nil, coupons: Int? = nil, reviews: Int? = nil,
    currency: MockCurrency? = nil, faults: MockFaultPlan = .none, webhook: MockWebhookTarget? = nil,
    homeURL: String? = nil, delivered: Bool = false
) -> MockStoreConfiguration {
    .woocommerce(
        WooCommerceMockOptions(
            data: MockDataOptions(
                orders: orders, seed: seed, customers: customers, coupons: coupons, reviews: reviews, currency: currency
            ),
            homeURL: homeURL, deliveredStatus: delivered, faults: faults, webhook: webhook))
}

func shopify(
    _ orders: Int, seed: UInt64 = 7, customers: Int? = nil, coupons: Int? = nil, currency: MockCurrency? = nil,
    leakRate: Double = 0, bucket: Int = 40, faults: MockFaultPlan = .none, webhook: MockWebhookTarget? = nil
) -> MockStoreConfiguration {
    .shopify(
        ShopifyMockOptions(
            data: MockDataOptions(
                orders: orders, seed: seed, customers: customers, coupons: coupons, currency: currency),
            bucketSize: bucket, leakRate: leakRate, faults: faults, webhook: webhook))
}

/// Reads a shared fixture as typed JSON.
func fixture(_ relative: String) throws -> JSONValue {
    let data = try Data(contentsOf: URL(fileURLWithPath: "/work/shared/fixtures/" + relative))
    return try JSONDecoder().decode(JSONValue.self, from: data)
}

extension JSONValue {
    var typeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "bool"
        case .number: return "number"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        }
    }
}

/// Keys of `reference` missing in `candidate`, and keys whose JSON types differ
/// (null on either side is not a conflict: unset fields are null on real stores).
func shapeDifferences(_ candidate: JSONValue, against reference: JSONValue, path: String = "") -> [String] {
    guard let ref = reference.object, let cand = candidate.object else { return [] }
    var problems: [String] = []
    for (key, refValue) in ref {
        guard let value = cand[key] else {
            problems.append("missing \(path)\(key)")
            continue
        }
        if refValue.isNull || value.isNull { continue }
        if refValue.typeName != value.typeName {
            problems.append("\(path)\(key): \(value.typeName) instead of \(refValue.typeName)")
            continue
        }
        if refValue.object != nil {
            problems += shapeDifferences(value, against: refValue, path: path + key + ".")
        } else if let refFirst = refValue.array?.first, let first = value.array?.first {
            problems += shapeDifferences(first, against: refFirst, path: path + key + "[].")
        }
    }
    return problems
}
