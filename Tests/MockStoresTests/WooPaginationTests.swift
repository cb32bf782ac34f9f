import Foundation
import Testing

@testable import MockStores

@Suite("WooCommerce pagination")
struct WooPaginationTests {
    /// Follows `Link: rel="next"` from page 1 and checks every page's headers.
    func walk(_ mock: MockStoreServer, _ first: String) async throws -> (ids: [Int64], total: Int) {
        var url = mock.apiBaseURL + first
        var ids: [Int64] = []
        var page = 1
        var total = -1
        var pages = -1
        while true {
            let r = try await mock.woo(url)
            #expect(r.status == 200, "\(url): \(r.text.prefix(200))")
            total = Int(r.header("X-WP-Total") ?? "") ?? -1
            pages = Int(r.header("X-WP-TotalPages") ?? "") ?? -1
            ids += r.array.compactMap { $0["id"]?.int64 }
            let links = r.links
            #expect((links["prev"] != nil) == (page > 1), "prev on page \(page)")
            #expect((links["next"] != nil) == (page < pages), "next on page \(page) of \(pages)")
            for link in links.values { #expect(link.hasPrefix(mock.homeURL + "/wp-json/wc/v3/")) }
            guard let next = links["next"] else { break }
            url = next
            page += 1
        }
        #expect(page == max(pages, 1))
        return (ids, total)
    }

    @Test("each collection walks all N records exactly once", arguments: [0, 1, 23])
    func walksEveryRecord(orders: Int) async throws {
        try await withMock(woo(orders, customers: orders, coupons: orders, reviews: orders)) {
            (mock: MockStoreServer) async throws in
            for path in [
                "/orders?per_page=7", "/customers?per_page=7", "/coupons?per_page=7",
                "/products/reviews?per_page=7&status=all",
                "/orders?per_page=7&orderby=id&order=asc", "/customers?per_page=7&orderby=id",
            ] {
                let (ids, total) = try await walk(mock, path)
                #expect(total == orders, "\(path)")
                #expect(ids.count == orders, "\(path)")
                #expect(Set(ids).count == ids.count, "\(path) repeats ids")
            }
            let products = try await walk(mock, "/products?per_page=4")
            #expect(products.ids.count == mock.counts.products)
            #expect(Set(products.ids).count == products.ids.count)
        }
    }

    @Test("order is newest first by default and ascending on request")
    func ordering() async throws {
        try await withMock(woo(30)) { (mock: MockStoreServer) async throws in
            let desc = try await mock.woo("/orders?per_page=30").array.compactMap { $0["id"]?.int64 }
            let asc = try await mock.woo("/orders?per_page=30&order=asc").array.compactMap { $0["id"]?.int64 }
            #expect(desc == desc.sorted(by: >))
            #expect(asc == desc.reversed())
            let offset = try await mock.woo("/orders?per_page=5&offset=3&order=asc").array.compactMap {
                $0["id"]?.int64
            }
            #expect(offset == Array(asc[3..<8]))
        }
    }

    @Test("out-of-range parameters are rejected like WordPress")
    func validation() async throws {
        try await withMock(woo(12)) { (mock: MockStoreServer) async throws in
            let big = try await mock.woo("/orders?per_page=101")
            #expect(big.status == 400)
            #expect(big.value?["code"]?.text == "rest_invalid_param")
            let zero = try await mock.woo("/orders?per_page=0")
            #expect(zero.status == 400)
            let past = try await mock.woo("/orders?per_page=5&page=4")
            #expect(past.status == 400)
            #expect(past.value?["code"]?.text == "rest_post_invalid_page_number")
            let bareDate = try await mock.woo("/orders?modified_after=2026-10-01")
            #expect(bareDate.status == 400)
            #expect(bareDate.value?["data"]?["details"]?["modified_after"]?["code"]?.text == "rest_invalid_date")
            let badOrder = try await mock.woo("/orders?order=up")
            #expect(badOrder.status == 400)
            let empty = try await withMock(woo(0)) { try await $0.woo("/orders?page=3") }
            #expect(empty.status == 200)
            #expect(empty.text == "[]")
        }
    }

    @Test("filters: status, dates, code, email, review status")
    func filters() async throws {
        try await withMock(woo(300, customers: 40, coupons: 30, reviews: 200)) { (mock: MockStoreServer) async throws in
            let all = try await mock.woo("/orders?per_page=100&status=completed,processing")
            let totalFiltered = Int(all.header("X-WP-Total") ?? "") ?? 0
            #expect(totalFiltered > 0 && totalFiltered < 300)
            var seen = 0
            var page = 1
            while true {
                let r = try await mock.woo("/orders?per_page=100&status[]=completed&status[]=processing&page=\(page)")
                for o in r.array { #expect(["completed", "processing"].contains(o["status"]?.text ?? "")) }
                seen += r.array.count
                if r.links["next"] == nil { break }
                page += 1
            }
            #expect(seen == totalFiltered)

            // modified_after in GMT: every returned order is newer, every newer order returned.
            let orders =
                try await mock.woo("/orders?per_page=100&page=1").array
                + (try await mock.woo("/orders?per_page=100&page=2").array)
                + (try await mock.woo("/orders?per_page=100&page=3").array)
            let cut = orders[orders.count / 3]["date_modified_gmt"]!.text!
            let expected = Set(
                orders.filter { ($0["date_modified_gmt"]?.text ?? "") > cut }.compactMap { $0["id"]?.int64 })
            let got = try await mock.woo("/orders?per_page=100&dates_are_gmt=true&modified_after=\(cut)")
            #expect(Int(got.header("X-WP-Total") ?? "") == expected.count)
            var found = Set<Int64>()
            var p = 1
            while true {
                let r = try await mock.woo("/orders?per_page=100&dates_are_gmt=true&modified_after=\(cut)&page=\(p)")
                found.formUnion(r.array.compactMap { $0["id"]?.int64 })
                if r.links["next"] == nil { break }
                p += 1
            }
            #expect(found == expected)

            let coupon = try await mock.woo("/coupons?per_page=1").array.first!
            let code = coupon["code"]!.text!
            let byCode = try await mock.woo("/coupons?code=\(code.uppercased())")
            #expect(byCode.array.count == 1)
            #expect(byCode.array.first?["id"] == coupon["id"])

            let customer = try await mock.woo("/customers?per_page=1&orderby=id").array.first!
            let byEmail = try await mock.woo("/customers?email=\(customer["email"]!.text!)")
            #expect(byEmail.array.first?["id"] == customer["id"])

            let approved = Int(try await mock.woo("/products/reviews").header("X-WP-Total") ?? "") ?? 0
            let everything = Int(try await mock.woo("/products/reviews?status=all").header("X-WP-Total") ?? "") ?? 0
            #expect(approved < everything && everything == 200)
        }
    }

    @Test("a million-order store serves its last page directly")
    func millionOrders() async throws {
        try await withMock(woo(1_000_000)) { (mock: MockStoreServer) async throws in
            let r = try await mock.woo("/orders?per_page=100&page=10000")
            #expect(r.status == 200)
            #expect(r.header("X-WP-Total") == "1000000")
            #expect(r.array.count == 100)
            #expect(r.array.last?["id"]?.int64 == Int64(WooIDs.order(0)))
            #expect(r.links["next"] == nil && r.links["prev"] != nil)
        }
    }
}
