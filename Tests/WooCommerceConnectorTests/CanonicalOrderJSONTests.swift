import AftercartJSON
import AftercartModel
import Foundation
import MockStores
import Testing
import WooCommerceConnector

/// A sync writes orders with ``CanonicalJSONWriter`` and compares the text
/// with what is stored: one byte different from `JSONEncoder`'s output would
/// make every stored order look changed. These compare the two on the
/// orders an emulated store and the real-store fixtures produce.
@Suite struct CanonicalOrderJSONTests {
    static let stores: [WooCommerceMockOptions] = {
        var tracked = WooCommerceMockOptions(orders: 250, seed: 23, deliveredStatus: true)
        tracked.trackShip = true
        let japanese = WooCommerceMockOptions(
            orders: 150, seed: 5, data: MockDataOptions(orders: 150, seed: 5, currency: .jpy, timeZone: "Asia/Tokyo"),
            site: WooCommerceMockSite(pricesIncludeTax: true, language: "ja"))
        return [tracked, japanese]
    }()

    @Test(arguments: stores)
    func emulatedOrdersWriteTheEncodersBytes(_ options: WooCommerceMockOptions) async throws {
        try await withEmulatedWooStore(options) { _, mock, _ in
            var compared = 0
            for page in 1...(options.data.orders + 99) / 100 {
                let answer = try await rawWooRequest(mock, "orders?per_page=100&page=\(page)")
                #expect(answer.status == 200, "\(answer.body.prefix(200))")
                let orders = try WooCommerceOrderMapper(store: "canonical").mapPage(Data(answer.body.utf8)).records
                for order in orders { try expectSameBytes(order) }
                compared += orders.count
            }
            #expect(compared > 100)
        }
    }

    @Test func fixtureOrdersWriteTheEncodersBytes() throws {
        let mapper = WooCommerceOrderMapper(store: "fixture")
        var orders = try mapper.mapPage(try WooFixtures.data("woocommerce-10-real/orders_page1_per_page2.json")).records
        if case .record(let order) = try mapper.mapOrder(try WooFixtures.data("woocommerce_order.json")) {
            orders.append(order)
        }
        #expect(orders.count == 3)
        for order in orders { try expectSameBytes(order) }
    }
}

func expectSameBytes(_ order: Order, sourceLocation: SourceLocation = #_sourceLocation) throws {
    var writer = CanonicalJSONWriter()
    order.write(to: &writer)
    let encoded = String(decoding: try ModelJSON.encoder().encode(order), as: UTF8.self)
    #expect(writer.text == encoded, "order \(order.id)", sourceLocation: sourceLocation)
}
