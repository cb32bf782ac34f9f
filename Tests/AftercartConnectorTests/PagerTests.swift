import AftercartConnector
import AftercartModel
import Foundation
import Testing

/// Maps a page of `[{"id":N,"updated":"…"}]` to coupons, as an adapter would.
private func couponPage(_ fetched: FetchedPage, cursor: SyncCursor) throws -> ResourcePage {
    struct Row: Decodable { let id: Int }
    let rows = try JSONDecoding.decode([Row].self, from: fetched.response.body, context: ErrorContext())
    let coupons = rows.map {
        Coupon(
            store: "tokyo-woo", id: "\($0.id)", code: "c\($0.id)", kind: .percent, amount: 10, currency: nil,
            expiresAt: nil, usageLimit: 1, usedCount: 0, emailRestrictions: [], createdByAftercart: false,
            updatedAt: Date(timeIntervalSince1970: Double(1_800_000_000 + $0.id)))
    }
    let advanced = cursor.advanced(past: coupons)
    return ResourcePage(records: .coupons(coupons), cursor: fetched.cursor(after: advanced), progress: fetched.progress)
}

@Suite("Pagers")
struct PagerTests {
    @Test func pageNumberPagerWalksAllRecordsWithTotalPages() async throws {
        // 23 records, 10 per page, headers as WooCommerce sends them.
        try await withScriptedServer(script: { _, request in
            let page = Int(query(request.uri, "page") ?? "1")!
            let start = (page - 1) * 10 + 1
            let headers = [("X-WP-Total", "23"), ("X-WP-TotalPages", "3")]
            return .json(200, start > 23 ? "[]" : ids(start...min(start + 9, 23)), headers: headers)
        }) { server in
            try await withClient { client in
                let pager = PageNumberPager(transport: makeTransport(client: client), perPage: 10)
                let start = SyncCursor(updatedAfter: Date(timeIntervalSince1970: 1_700_000_000))
                let request = TransportRequest(
                    url: server.baseURL + "/wp-json/wc/v3/coupons?orderby=modified", resource: "coupons")
                let pages = pager.pages(request, cursor: start) { try couponPage($0, cursor: $1) }
                var seen: [String] = []
                var cursors: [SyncCursor] = []
                for try await page in pages {
                    seen += page.records.anyRecords.map(\.platformID)
                    cursors.append(page.cursor)
                    #expect(page.progress.totalRecords == 23)
                }
                #expect(seen == (1...23).map(String.init))
                #expect(server.requestCount == 3)
                #expect(cursors.map(\.nextPage) == [2, 3, nil])
                #expect(cursors.last?.isWalkInProgress == false)
                #expect(cursors.last?.updatedAfter == Date(timeIntervalSince1970: 1_800_000_023))
                #expect(
                    server.requests.allSatisfy {
                        query($0.uri, "per_page") == "10" && query($0.uri, "orderby") == "modified"
                    })
            }
        }
    }

    @Test func pageNumberPagerToleratesPastTheEnd400() async throws {
        // No total headers: the walk learns the end from the store's 400.
        try await withScriptedServer(script: { _, request in
            let page = Int(query(request.uri, "page") ?? "1")!
            if page > 2 {
                return .json(
                    400,
                    #"{"code":"rest_post_invalid_page_number","message":"The page number requested is larger than the number of pages available.","data":{"status":400}}"#
                )
            }
            return .json(200, ids((page - 1) * 5 + 1...page * 5))
        }) { server in
            try await withClient { client in
                let pager = PageNumberPager(transport: makeTransport(client: client), perPage: 5)
                let pages = pager.pages(TransportRequest(url: server.baseURL + "/coupons"), cursor: nil) {
                    try couponPage($0, cursor: $1)
                }
                var counts: [Int] = []
                var last: ResourcePage?
                for try await page in pages {
                    counts.append(page.records.count)
                    last = page
                }
                #expect(counts == [5, 5, 0])
                #expect(server.requestCount == 3)
                #expect(last?.cursor.isWalkInProgress == false)
                // The empty past-end page still completes the walk with the high water of all pages.
                #expect(last?.cursor.updatedAfter == Date(timeIntervalSince1970: 1_800_000_010))
            }
        }
    }

    @Test func pageNumberPagerToleratesPastTheEndEmptyArrayAndResumes() async throws {
        try await withScriptedServer(script: { _, request in
            let page = Int(query(request.uri, "page") ?? "1")!
            return .json(200, page > 3 ? "[ ]" : ids(page * 10 + 1...page * 10 + 2))
        }) { server in
            try await withClient { client in
                let pager = PageNumberPager(transport: makeTransport(client: client), perPage: 2)
                var seen: [String] = []
                let resumed = SyncCursor(nextPage: 3)
                for try await page in pager.pages(
                    TransportRequest(url: server.baseURL), cursor: resumed,
                    map: {
                        try couponPage($0, cursor: $1)
                    })
                {
                    seen += page.records.anyRecords.map(\.platformID)
                }
                #expect(seen == ["31", "32"])
                #expect(server.requests.map { query($0.uri, "page") } == ["3", "4"])
            }
        }
    }

    @Test func linkPagerFollowsRelNext() async throws {
        try await withScriptedServer(script: { number, request in
            let base = "http://127.0.0.1:\(request.header("Host")?.split(separator: ":").last ?? "0")"
            switch number {
            case 1:
                return .json(
                    200, ids(1...2),
                    headers: [
                        (
                            "Link",
                            #"<\#(base)/admin/api/2025-01/price_rules.json?limit=2&page_info=eyJsYXN0X2lkIjoyfQ>; rel="next""#
                        )
                    ])
            case 2:
                return .json(
                    200, ids(3...4),
                    headers: [
                        (
                            "Link",
                            #"<\#(base)/admin/api/2025-01/price_rules.json?limit=2&page_info=eyJwcmV2Ijp0cnVlfQ>; rel="previous", <\#(base)/admin/api/2025-01/price_rules.json?limit=2&page_info=eyJsYXN0X2lkIjo0fQ>; rel="next""#
                        )
                    ])
            default:
                return .json(
                    200, ids(5...5),
                    headers: [
                        (
                            "Link",
                            #"<\#(base)/admin/api/2025-01/price_rules.json?limit=2&page_info=eyJwcmV2Ijp0cnVlfQ>; rel="previous""#
                        )
                    ])
            }
        }) { server in
            try await withClient { client in
                let token = HeaderTokenAuthorizer(name: "X-Shopify-Access-Token", token: TestSecrets.shopifyToken)
                let pager = LinkPager(transport: makeTransport(client: client, authorizer: token))
                let first = TransportRequest(
                    url: server.baseURL
                        + "/admin/api/2025-01/price_rules.json?limit=2&updated_at_min=2026-01-01T00:00:00Z")
                var seen: [String] = []
                var tokens: [String?] = []
                for try await page in pager.pages(first: first, cursor: nil, map: { try couponPage($0, cursor: $1) }) {
                    seen += page.records.anyRecords.map(\.platformID)
                    tokens.append(page.cursor.pageToken)
                }
                #expect(seen == ["1", "2", "3", "4", "5"])
                #expect(
                    server.requests.map(\.uri) == [
                        "/admin/api/2025-01/price_rules.json?limit=2&updated_at_min=2026-01-01T00:00:00Z",
                        "/admin/api/2025-01/price_rules.json?limit=2&page_info=eyJsYXN0X2lkIjoyfQ",
                        "/admin/api/2025-01/price_rules.json?limit=2&page_info=eyJsYXN0X2lkIjo0fQ",
                    ])
                #expect(server.requests.allSatisfy { $0.header("X-Shopify-Access-Token") != nil })
                #expect(tokens.last == .some(nil))
                #expect(tokens.first??.hasSuffix("page_info=eyJsYXN0X2lkIjoyfQ") == true)
            }
        }
    }

    @Test func linkPagerKeepsCredentialsOnTheConfiguredOrigin() async throws {
        try await withScriptedServer(script: { number, _ in
            number == 1
                ? .json(
                    200, ids(1...1),
                    headers: [
                        (
                            "Link",
                            #"<https://shop.example.com:8443/wp-json/wc/v3/coupons?page=2&consumer_key=ck_leak&per_page=1>; rel="next""#
                        )
                    ])
                : .json(200, ids(2...2))
        }) { server in
            try await withClient { client in
                let pager = LinkPager(transport: makeTransport(client: client))
                var seen: [String] = []
                let first = TransportRequest(url: server.baseURL + "/wp-json/wc/v3/coupons?per_page=1")
                for try await page in pager.pages(first: first, cursor: nil, map: { try couponPage($0, cursor: $1) }) {
                    seen += page.records.anyRecords.map(\.platformID)
                    #expect(page.cursor.pageToken?.contains("ck_leak") != true)
                }
                #expect(seen == ["1", "2"])
                #expect(server.requests.last?.uri == "/wp-json/wc/v3/coupons?page=2&per_page=1")
            }
        }
    }

    @Test func linkPagerResumesFromAStoredPageToken() async throws {
        try await withScriptedServer([.json(200, ids(7...8))]) { server in
            try await withClient { client in
                let pager = LinkPager(transport: makeTransport(client: client))
                let stored = SyncCursor(
                    updatedAfter: Date(timeIntervalSince1970: 1_700_000_000),
                    pageToken: server.baseURL + "/admin/api/2025-01/orders.json?limit=2&page_info=abc")
                let first = TransportRequest(url: server.baseURL + "/admin/api/2025-01/orders.json?status=any&limit=2")
                var last: SyncCursor?
                for try await page in pager.pages(first: first, cursor: stored, map: { try couponPage($0, cursor: $1) })
                {
                    last = page.cursor
                }
                #expect(server.requests.map(\.uri) == ["/admin/api/2025-01/orders.json?limit=2&page_info=abc"])
                #expect(last?.pageToken == nil)
                #expect(last?.updatedAfter == Date(timeIntervalSince1970: 1_800_000_008))
            }
        }
    }

    @Test func linkHeaderParsing() {
        let links = LinkHeader.parse([
            #"<https://a.example/x?page=2&per_page=2&status%5B0%5D=any>; rel="next", <https://a.example/x?page=1>; rel="prev""#,
            #"<https://a.example/x?page=9>; rel=last"#,
            #"<https://a.example/y?q=a,b>; title="p, q"; rel="next first""#,
        ])
        #expect(links["next"] == "https://a.example/x?page=2&per_page=2&status%5B0%5D=any")
        #expect(links["prev"] == "https://a.example/x?page=1")
        #expect(links["last"] == "https://a.example/x?page=9")
        #expect(links["first"] == "https://a.example/y?q=a,b")
        #expect(LinkHeader.parse([]).isEmpty)
        #expect(LinkHeader.parse(["garbage"]).isEmpty)
    }
}
