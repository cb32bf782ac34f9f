import Foundation
import Testing

@testable import MockStores

/// A planted malformed order (issue 18 item 2): one line item says
/// `"quantity": "two"` in the list and the single read, until repaired,
/// and its modification time never moves.
@Suite("Malformed orders")
struct MalformedOrderTests {
    @Test func aPlantedOrderSaysTwoUntilRepairedWithItsModificationTimeUnchanged() async throws {
        try await withMock(woo(30)) { mock in
            let before = try await mock.woo("/orders/1011").text
            let id = mock.plantMalformedOrder(index: 10)
            #expect(id == 1011)
            let single = try await mock.woo("/orders/1011").text
            #expect(single.contains(#""quantity":"two""#))
            let list = try await mock.woo("/orders?per_page=30&orderby=id&order=asc").text
            #expect(list.components(separatedBy: #""quantity":"two""#).count == 2)
            mock.repairOrder(index: 10)
            #expect(try await mock.woo("/orders/1011").text == before)
        }
    }
}
