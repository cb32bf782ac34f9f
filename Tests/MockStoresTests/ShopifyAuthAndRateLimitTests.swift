import Foundation
import Testing

@testable import MockStores

@Suite("Shopify authentication and rate limit")
struct ShopifyAuthAndRateLimitTests {
    @Test("a wrong token gets Shopify's 401 body")
    func wrongToken() async throws {
        try await withMock(shopify(3)) { (mock: MockStoreServer) async throws in
            let r = try await TestHTTP.request(
                mock.apiBaseURL + "/orders.json", headers: [("X-Shopify-Access-Token", "shpat_wrong")])
            #expect(r.status == 401)
            #expect(
                r.text == #"{"errors":"[API] Invalid API key or access token (unrecognized login or wrong password)"}"#)
            let none = try await TestHTTP.request(mock.apiBaseURL + "/shop.json")
            #expect(none.status == 401)
            let shop = try await mock.shopify("/shop.json")
            #expect(shop.status == 200)
            #expect(shop.value?["shop"]?["currency"]?.text == mock.currency)
        }
    }

    @Test("the leaky bucket refuses a full bucket with 429 and says when to come back")
    func leakyBucket() async throws {
        // A leak of one call per 1000 s: the bucket of 4 fills however slowly a loaded
        // machine answers (a CI run once took over 20 s for these four calls).
        // Recovery at the leak rate is "bucket arithmetic" (virtual time).
        try await withMock(shopify(3, leakRate: 0.001, bucket: 4)) { (mock: MockStoreServer) async throws in
            var successes = 0
            var refused: HTTPResult?
            for _ in 0..<8 {
                let r = try await mock.shopify("/shop.json")
                if r.status == 429 {
                    refused = r
                    break
                }
                #expect(r.status == 200)
                #expect(r.header("X-Shopify-Shop-Api-Call-Limit")?.hasSuffix("/4") == true)
                successes += 1
            }
            let limited = try #require(refused)
            #expect(successes == 4)
            #expect(
                limited.text
                    == #"{"errors":"Exceeded 0.001 calls per second for api client. Reduce request rates to resume uninterrupted service."}"#
            )
            let retry = Double(limited.header("Retry-After") ?? "") ?? -1
            #expect(retry > 0 && retry <= 1000.1)
            #expect(limited.header("X-Shopify-Shop-Api-Call-Limit") == "4/4")
        }
    }

    @Test("rate 0 disables the limiter")
    func disabled() async throws {
        try await withMock(shopify(1, leakRate: 0, bucket: 2)) { (mock: MockStoreServer) async throws in
            for _ in 0..<6 { #expect(try await mock.shopify("/shop.json").status == 200) }
        }
    }

    @Test("bucket arithmetic", arguments: [1.0, 2.0])
    func bucketMath(rate: Double) {
        let bucket = LeakyBucket(size: 2, leakRate: rate)
        let t0 = ContinuousClock.now
        #expect(bucket.take(now: t0).allowed)
        #expect(bucket.take(now: t0).allowed)
        let refused = bucket.take(now: t0)
        #expect(!refused.allowed)
        #expect(abs(refused.retryAfter - 1 / rate) < 0.001)
        #expect(bucket.take(now: t0.advanced(by: .milliseconds(Int(1_000 / rate) + 1))).allowed)
    }
}
