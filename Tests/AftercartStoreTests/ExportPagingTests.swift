import AftercartModel
import AftercartStore
import Foundation
import Testing

@Suite("Paged export")
struct ExportPagingTests {
    /// 57 Tokyo and 46 Osaka orders, committed in uneven pages.
    private func seed(_ store: any Persistence) async throws -> [RecordKey] {
        var keys: [RecordKey] = []
        for (storeID, count) in [(Fixtures.tokyo, 57), (Fixtures.osaka, 46)] {
            let orders = (1...count).map { Fixtures.order(String($0), store: storeID) }
            keys += orders.map(RecordKey.init)
            for (index, start) in stride(from: 0, to: orders.count, by: 13).enumerated() {
                let page = Array(orders[start..<min(start + 13, orders.count)])
                _ = try await store.commitPage(
                    page, checkpoint: Fixtures.checkpoint(store: storeID, cursor: "\(index)"))
            }
        }
        return keys.sorted()
    }

    @Test("every record is streamed exactly once, in stable key order", arguments: [1, 10, 103, 500])
    func streamsEveryRecordOnce(pageSize: Int) async throws {
        try await withStore { store in
            let keys = try await seed(store)
            var streamed: [RecordKey] = []
            for try await stored in store.allRecords(Order.self, pageSize: pageSize) {
                streamed.append(stored.key)
            }
            #expect(streamed == keys)
            #expect(Set(streamed).count == 103)

            var again: [RecordKey] = []
            for try await payload in store.allPayloads(.orders, pageSize: pageSize) { again.append(payload.key) }
            #expect(again == streamed)
        }
    }

    @Test("one store's export holds only its records; ids sort as text")
    func oneStore() async throws {
        try await withStore { store in
            let keys = try await seed(store)
            var streamed: [RecordKey] = []
            for try await stored in store.allRecords(Order.self, store: Fixtures.tokyo, pageSize: 7) {
                streamed.append(stored.key)
            }
            #expect(streamed == keys.filter { $0.store == Fixtures.tokyo })
            #expect(streamed.prefix(3).map(\.platformID) == ["1", "10", "11"])
        }
    }

    @Test("pages hand over with a next key and end with nil")
    func explicitPages() async throws {
        try await withStore { store in
            let keys = try await seed(store)
            let first = try await store.recordPage(
                Order.self, store: nil, after: nil, limit: 100, includeVanished: true)
            #expect(first.items.count == 100)
            #expect(first.next == keys[99])
            let last = try await store.recordPage(
                Order.self, store: nil, after: first.next, limit: 100, includeVanished: true)
            #expect(last.items.map(\.key) == Array(keys[100...]))
            #expect(last.next == nil)
        }
    }

    @Test("a stored payload is the model's JSON and decodes back to the record")
    func payloadIsModelJSON() async throws {
        try await withStore { store in
            let order = Fixtures.order("1042")
            _ = try await store.commitPage([order], checkpoint: Fixtures.checkpoint(cursor: nil))
            let page = try await store.payloadPage(
                .orders, store: Fixtures.tokyo, after: nil, limit: 10, includeVanished: true)
            let json = try #require(page.items.first?.json)
            #expect(!json.contains("\n"))
            #expect(json.contains(#""created_at":"2026-10-23T07:33:20Z""#))
            #expect(try ModelJSON.decoder().decode(Order.self, from: Data(json.utf8)) == order)
        }
    }
}
