import AftercartJSON
import AftercartModel
import AsyncHTTPClient
import Foundation
import MockStores
import Testing

@testable import ShopifyConnector

/// The byte reader must map every order exactly as `JSONDecoder` does, and
/// give up (so the decoder reads it and names the field) on anything else.
@Suite struct ShopifyOrderBytesReaderTests {
    static let mapper = ShopifyOrderMapper(store: "bytes")

    static func expectSameAsDecoder(_ body: Data, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let fast = try #require(ShopifyOrderBytesReader.page(body), sourceLocation: sourceLocation)
        let slow = try JSONDecoder().decode(ShopifyOrderListWire.self, from: body).orders
        #expect(fast.count == slow.count, sourceLocation: sourceLocation)
        for (index, (a, b)) in zip(fast, slow).enumerated() {
            let path = ShopifyFieldPath("orders").index(index)
            let (fastOrder, slowOrder) = (try mapper.map(a, at: path), try mapper.map(b, at: path))
            #expect(fastOrder == slowOrder, "order \(b.id)", sourceLocation: sourceLocation)
            var writer = CanonicalJSONWriter()
            fastOrder.write(to: &writer)
            #expect(
                writer.text == String(decoding: try ModelJSON.encoder().encode(slowOrder), as: UTF8.self),
                sourceLocation: sourceLocation)
        }
    }

    @Test(arguments: [(UInt64(7), MockCurrencyChoice.shop), (UInt64(11), .yen)])
    func emulatedPagesReadAsTheDecoderReadsThem(seed: UInt64, currency: MockCurrencyChoice) async throws {
        try await withShopifyMock(orders: 200, seed: seed, currency: currency.value) { harness in
            var request = HTTPClientRequest(url: harness.mock.apiBaseURL + "/orders.json?limit=250&status=any")
            request.headers.add(name: "X-Shopify-Access-Token", value: harness.mock.credentials.accessToken ?? "")
            let response = try await harness.client.execute(request, timeout: .seconds(60))
            let body = Data(try await response.body.collect(upTo: 16 * 1024 * 1024).readableBytesView)
            #expect(response.status.code == 200)
            try Self.expectSameAsDecoder(body)
        }
    }

    @Test func theDocumentedOrderReadsAsTheDecoderReadsIt() throws {
        try Self.expectSameAsDecoder(try ShopifyFixtures.ordersPage())
        let envelope = try ShopifyFixtures.data("shopify_order_with_fulfillment_and_refund.json")
        let fast = try #require(ShopifyOrderBytesReader.envelope(envelope))
        let slow = try JSONDecoder().decode(ShopifyOrderEnvelopeWire.self, from: envelope).order
        #expect(
            try Self.mapper.map(fast, at: ShopifyFieldPath("order"))
                == Self.mapper.map(slow, at: ShopifyFieldPath("order")))
        // Nulls and missing optional members where shops leave them out.
        try Self.expectSameAsDecoder(
            try ShopifyFixtures.ordersPage {
                $0["customer"] = NSNull()
                $0["total_shipping_price_set"] = NSNull()
                $0.removeValue(forKey: "fulfillments")
                $0["refunds"] = [["transactions": NSNull()]]
                $0["note"] = "改行\n\"引用\" \\ \u{1F600}"
            })
    }

    @Test(arguments: [
        #"{"orders":[{"id":1,"id":2,"currency":"USD","total_price":"1","created_at":"2026-11-01T00:00:00Z"}]}"#,
        #"{"orders":[{"id":1.5,"currency":"USD","total_price":"1","created_at":"2026-11-01T00:00:00Z"}]}"#,
        #"{"orders":[{"id":1,"currency":"USD","total_price":1,"created_at":"2026-11-01T00:00:00Z"}]}"#,
        #"{"orders":[{"id":1,"currency":"USD","created_at":"2026-11-01T00:00:00Z"}]}"#,
        #"{"orders":[{"id":1,"currency":"USD","total_price":"1","created_at":"2026-11-01T00:00:00Z","line_items":[{"quantity":1}]}]}"#,
        #"{"orders":[{"id":1,"currency":"USD","total_price":"1","created_at":"2026-11-01T00:00:00Z"}]"#,
        #"{"errors":"[API] Invalid API key or access token"}"#,
    ])
    func unusualPagesAreLeftToTheDecoder(_ body: String) {
        #expect(ShopifyOrderBytesReader.page(Data(body.utf8)) == nil)
    }
}

/// The emulator's currency for a test case: the shop's default or yen.
enum MockCurrencyChoice: Sendable {
    case shop, yen
    var value: MockCurrency? { self == .yen ? .jpy : nil }
}
