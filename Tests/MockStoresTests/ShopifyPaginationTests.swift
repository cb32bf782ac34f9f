import Foundation
import Testing

@testable import MockStores

@Suite("Shopify pagination")
struct ShopifyPaginationTests {
    func walk(_ mock: MockStoreServer, _ first: String, key: String) async throws -> [Int64] {
        var url = mock.apiBaseURL + first
        var ids: [Int64] = []
        var pageNumber = 1
        while true {
            let r = try await mock.shopify(url)
            #expect(r.status == 200, "\(url): \(r.text.prefix(200))")
            ids += (r.value?[key]?.array ?? []).compactMap { $0["id"]?.int64 }
            let links = r.links
            #expect((links["previous"] != nil) == (pageNumber > 1))
            guard let next = links["next"] else { break }
            #expect(next.contains("page_info=") && next.hasPrefix(mock.baseURL + "/admin/api/"))
            url = next
            pageNumber += 1
        }
        return ids
    }

    @Test("orders, customers and price rules walk all N records exactly once", arguments: [0, 1, 23])
    func walksEveryRecord(n: Int) async throws {
        try await withMock(shopify(n, customers: n, coupons: n)) { (mock: MockStoreServer) async throws in
            for (path, key) in [
                ("/orders.json?status=any&limit=7", "orders"), ("/customers.json?limit=7", "customers"),
                ("/price_rules.json?limit=7", "price_rules"), ("/orders.json?status=any&limit=5&since_id=0", "orders"),
            ] {
                let ids = try await walk(mock, path, key: key)
                #expect(ids.count == n, "\(path)")
                #expect(Set(ids).count == ids.count, "\(path)")
            }
        }
    }

    @Test("no Link header for a single page; previous links lead back to the same pages")
    func linksBothWays() async throws {
        try await withMock(shopify(20)) { (mock: MockStoreServer) async throws in
            let one = try await mock.shopify("/orders.json?status=any&limit=50")
            #expect(one.all("Link").isEmpty)
            let p1 = try await mock.shopify("/orders.json?status=any&limit=6")
            let p2 = try await mock.shopify(p1.links["next"]!)
            let back = try await mock.shopify(p2.links["previous"]!)
            #expect(back.value?["orders"] == p1.value?["orders"])
            let ids = (p1.value?["orders"]?.array ?? []).compactMap { $0["id"]?.int64 }
            #expect(ids == ids.sorted(by: >), "newest first by default")
            let since = try await mock.shopify("/orders.json?status=any&limit=5&since_id=\(ids.last!)")
            let sinceIDs = (since.value?["orders"]?.array ?? []).compactMap { $0["id"]?.int64 }
            #expect(sinceIDs == sinceIDs.sorted() && sinceIDs.allSatisfy { $0 > ids.last! })
        }
    }

    @Test("page_info refuses other filters, limit is bounded, status defaults to open")
    func rules() async throws {
        try await withMock(shopify(200)) { (mock: MockStoreServer) async throws in
            let first = try await mock.shopify("/orders.json?status=any&limit=10")
            let next = first.links["next"]!
            let bad = try await mock.shopify(next + "&status=any")
            #expect(bad.status == 400)
            #expect(
                bad.value?["errors"]?["page_info"]?.array?.first?.text?.contains(
                    "cannot be passed when page_info is present") == true)
            #expect(try await mock.shopify("/orders.json?limit=251").status == 400)
            let fields = try await mock.shopify("/orders.json?status=any&limit=3&fields=id,updated_at")
            for o in fields.value?["orders"]?.array ?? [] { #expect(Set(o.object!.keys) == ["id", "updated_at"]) }
            let next2 = try await mock.shopify(fields.links["next"]!)
            for o in next2.value?["orders"]?.array ?? [] { #expect(Set(o.object!.keys) == ["id", "updated_at"]) }

            let open = try await walk(mock, "/orders.json?limit=250", key: "orders")
            let any = try await walk(mock, "/orders.json?limit=250&status=any", key: "orders")
            let closed = try await walk(mock, "/orders.json?limit=250&status=closed", key: "orders")
            #expect(any.count == 200)
            #expect(!open.isEmpty && open.count < any.count)
            #expect(Set(open).isDisjoint(with: Set(closed)))
            let single = try await mock.shopify("/orders/\(open[0]).json")
            #expect(single.value?["order"]?["closed_at"]?.isNull == true)
            #expect(single.value?["order"]?["cancelled_at"]?.isNull == true)
        }
    }

    @Test("updated_at_min finds exactly the orders updated since")
    func updatedSince() async throws {
        try await withMock(shopify(150)) { (mock: MockStoreServer) async throws in
            let all = try await mock.shopify("/orders.json?status=any&limit=250").value?["orders"]?.array ?? []
            let stamps = all.compactMap { $0["updated_at"]?.text }.compactMap { ParsedTimestamp.parse($0) }
                .map { $0.wallSeconds - Int64($0.offsetSeconds ?? 0) }.sorted()
            let cut = stamps[stamps.count * 2 / 3]
            let expected = stamps.filter { $0 >= cut }.count
            let iso = CivilTime(epochSeconds: cut).isoLocal + "Z"
            let got = try await walk(mock, "/orders.json?status=any&limit=20&updated_at_min=\(iso)", key: "orders")
            #expect(got.count == expected)
        }
    }
}
