import AftercartConnector
import AftercartModel
import Foundation
import MockStores
import ShopifyConnector
import Testing

/// Issue 18 item 2 on Shopify: a rejected order or customer is read again
/// by id (`GET orders/{id}.json`, the record under `"order"`) and mapped
/// by the page mapper; an id the shop does not have comes back vanished.
@Suite struct RecordReReadTests {
    @Test func ordersAndCustomersAreReadAgainByIdAndAMissingOneIsVanished() async throws {
        try await withShopifyMock(orders: 30) { harness in
            let listed = try await allPages(harness.connector.read(.orders, since: nil)).flatMap(\.orders)
            let wanted = [listed[3].id, listed[17].id, "1"]
            let pages = try await allPages(harness.connector.read(.orders, ids: wanted))
            #expect(pages.count == 3)
            #expect(pages[0].orders.map(\.id) == [listed[3].id])
            #expect(pages[1].orders.first == listed[17])
            #expect(pages[2].orders.isEmpty && pages[2].vanished == ["1"])
            #expect(pages.flatMap(\.rejected).isEmpty)

            let customer = try #require(
                try await allPages(harness.connector.read(.customers, since: nil)).first?.records.anyRecords.first)
            let again = try await allPages(harness.connector.read(.customers, ids: [customer.platformID]))
            #expect(again.first?.records.anyRecords.map(\.platformID) == [customer.platformID])
        }
    }
}
