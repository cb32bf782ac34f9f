import AftercartModel
import Foundation
import MockStores
import Testing

@testable import WooCommerceConnector

/// The byte reader must map every page exactly as `JSONDecoder` does, and
/// give up (so the decoder reads it and names the field) on anything else.
@Suite struct WooOrderBytesReaderTests {
    static func mapped(_ wires: [WooOrderWire]) throws -> [Order] {
        let mapper = WooCommerceOrderMapper(store: "bytes")
        return try wires.enumerated().compactMap { index, wire in
            if case .record(let order) = try mapper.map(wire, at: WooFieldPath(resource: .orders).index(index)) {
                return order
            }
            return nil
        }
    }

    static func expectSameAsDecoder(_ body: Data, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let fast = try #require(WooOrderBytesReader.page(body), sourceLocation: sourceLocation)
        let slow = try WooWireDecoder.decodePage(WooOrderWire.self, from: body, resource: .orders)
        #expect(fast.count == slow.count, sourceLocation: sourceLocation)
        #expect(try mapped(fast) == mapped(slow), sourceLocation: sourceLocation)
        for (a, b) in zip(fast, slow) {
            #expect(a.metaData == b.metaData, "order \(b.id)", sourceLocation: sourceLocation)
            #expect(a.billing?.email == b.billing?.email, sourceLocation: sourceLocation)
        }
    }

    @Test(arguments: CanonicalOrderJSONTests.stores)
    func emulatedPagesReadAsTheDecoderReadsThem(_ options: WooCommerceMockOptions) async throws {
        try await withEmulatedWooStore(options) { _, mock, _ in
            for page in 1...(options.data.orders + 99) / 100 {
                let answer = try await rawWooRequest(mock, "orders?per_page=100&page=\(page)")
                try Self.expectSameAsDecoder(Data(answer.body.utf8))
            }
        }
    }

    @Test func realStoreFixturesReadAsTheDecoderReadsThem() throws {
        try Self.expectSameAsDecoder(try WooFixtures.data("woocommerce-10-real/orders_page1_per_page2.json"))
        try Self.expectSameAsDecoder(try WooFixtures.page([try WooFixtures.order()]))
        let record = try WooFixtures.order()
        let fast = try #require(WooOrderBytesReader.record(record))
        let slow = try WooWireDecoder.decodeRecord(WooOrderWire.self, from: record, resource: .orders)
        #expect(try Self.mapped([fast]) == Self.mapped([slow]))
    }

    @Test func looseValuesReadAsTheDecoderReadsThem() throws {
        // Numbers for strings, strings for integers, nulls and blanks where stores send them.
        let loose = try WooFixtures.page([
            try WooFixtures.order(
                [
                    "id": "727", "customer_id": "", "total": 12.5, "discount_total": NSNull(), "number": 1042,
                    "shipping_total": "", "billing": NSNull(), "meta_data": NSNull(), "refunds": [["total": -3]],
                    "tax_lines": [["label": NSNull(), "rate_id": 4]], "coupon_lines": [],
                    "line_items": [
                        [
                            "name": "Mug", "product_id": "12", "variation_id": 0, "quantity": 2, "price": 6.25,
                            "subtotal": "12.50", "total": "12.50",
                            "meta_data": [["key": "x", "value": ["a": [1, "b", true]]]],
                        ]
                    ],
                ], removing: ["date_created_gmt", "order_key"])
        ])
        try Self.expectSameAsDecoder(loose)
        let unicode = Data(
            #"[{"id":1,"status":"processing","currency":"JPY","total":"1","date_created_gmt":"2026-11-01T00:00:00","billing":{"first_name":"\u82b1","last_name":"佐藤","email":"h\/a@example.com"},"meta_data":[{"key":"_wc_shipment_tracking_items","value":[{"tracking_number":"1\"2"}]}]}]"#
                .utf8)
        try Self.expectSameAsDecoder(unicode)
    }

    @Test(arguments: [
        #"[{"id":1,"id":2,"status":"processing","currency":"USD","total":"1"}]"#,  // a member twice
        #"[{"id":1,"status":"processing","currency":"USD","total":1e2}]"#,  // an exponent
        #"[{"id":1,"status":5,"currency":"USD","total":"1"}]"#,  // a wrong type
        #"[{"id":1,"status":"processing","currency":"USD"}]"#,  // a required member missing
        #"[{"id":1,"status":"processing","currency":"USD","total":"1"}"#,  // truncated
        #"[{"id":1,"status":"processing","currency":"USD","total":"1","x":[}]"#,  // bad grammar in a skipped member
        #"{"code":"woocommerce_rest_cannot_view"}"#,  // not a page
    ])
    func unusualPagesAreLeftToTheDecoder(_ body: String) {
        #expect(WooOrderBytesReader.page(Data(body.utf8)) == nil)
    }

    @Test func aWrongTypeStillNamesTheFieldThroughTheMapper() throws {
        let body = Data(#"[{"id":1,"status":"processing","currency":"USD","total":true}]"#.utf8)
        #expect(throws: WooCommerceDecodingError.self) { try WooCommerceOrderMapper(store: "s").mapPage(body) }
        do {
            _ = try WooCommerceOrderMapper(store: "s").mapPage(body)
        } catch {
            #expect(error.field == "orders[0].total")
        }
    }
}
