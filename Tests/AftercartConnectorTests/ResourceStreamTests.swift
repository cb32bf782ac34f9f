import AftercartConnector
import AftercartModel
import Foundation
import Testing

/// Coupons for a page of `[{"id":N}]`, each changed at 1_800_000_000 + N.
private func coupons(_ fetched: FetchedPage) throws -> [Coupon] {
    struct Row: Decodable { let id: Int }
    let rows = try JSONDecoding.decode([Row].self, from: fetched.response.body, context: ErrorContext())
    return rows.map {
        Coupon(
            store: "tokyo-woo", id: "\($0.id)", code: "c\($0.id)", kind: .percent, amount: 10, currency: nil,
            expiresAt: nil, usageLimit: 1, usedCount: 0, emailRestrictions: [], createdByAftercart: false,
            updatedAt: Date(timeIntervalSince1970: Double(1_800_000_000 + $0.id)))
    }
}

@Suite("Resource streams")
struct ResourceStreamTests {
    @Test func aPageNumberStreamPreparesLogsSkipsAndKeepsTheNewestChangeOfSkippedRecords() async throws {
        try await withScriptedServer(script: { _, request in
            let page = Int(query(request.uri, "page") ?? "1")!
            return .json(200, ids(page * 10 + 1...page * 10 + 2), headers: [("X-WP-TotalPages", "2")])
        }) { server in
            try await withClient { client in
                let logs = LogCapture()
                let skippedChange = Date(timeIntervalSince1970: 1_900_000_000)
                let stream = ResourceStream<Int>(
                    resource: .coupons,
                    request: TransportRequest(url: server.baseURL + "/coupons", resource: "coupons"),
                    paging: .pageNumber(PageNumberPager(transport: makeTransport(client: client), perPage: 2)),
                    logger: logs.logger(), prepare: { previous in (previous ?? 0) + 1 }
                ) { fetched, prepared in
                    #expect(prepared == fetched.pageNumber)
                    let skipped =
                        fetched.pageNumber == 2 ? [SkippedRecord(id: "99", reason: "odd", level: .warning)] : []
                    return MappedBatch(
                        .coupons(try coupons(fetched)), newestChange: fetched.pageNumber == 2 ? skippedChange : nil,
                        skipped: skipped)
                }
                var cursors: [SyncCursor] = []
                for try await page in stream.pages(since: nil) { cursors.append(page.cursor) }
                #expect(cursors.map(\.nextPage) == [2, nil])
                #expect(cursors.first?.highWater == Date(timeIntervalSince1970: 1_800_000_012))
                #expect(cursors.last?.updatedAfter == skippedChange)
                #expect(logs.all.contains { $0.hasPrefix("warning record skipped") && $0.contains("id=99") })
            }
        }
    }

    @Test func aMapperNewestChangeCursorIgnoresTheRecordsOwnTimes() async throws {
        try await withScriptedServer([.json(200, ids(1...2), headers: [("X-WP-TotalPages", "1")])]) { server in
            try await withClient { client in
                let start = SyncCursor(updatedAfter: Date(timeIntervalSince1970: 1_700_000_000))
                let stream = ResourceStream<Void>(
                    resource: .coupons, request: TransportRequest(url: server.baseURL + "/coupons"),
                    paging: .pageNumber(PageNumberPager(transport: makeTransport(client: client))),
                    cursorField: .mapperNewestChange, logger: LogCapture().logger(), prepare: { _ in }
                ) { fetched, _ in
                    MappedBatch(.coupons(try coupons(fetched)))
                }
                var last: SyncCursor?
                for try await page in stream.pages(since: start) { last = page.cursor }
                #expect(last == start.completed())
            }
        }
    }

    @Test func aLinkStreamRequestsTheNextPageAheadAndAMappingFailureNamesItsPage() async throws {
        try await withScriptedServer(script: { number, request in
            let base = "http://127.0.0.1:\(request.header("Host")?.split(separator: ":").last ?? "0")"
            let next = number < 3 ? [("Link", #"<\#(base)/coupons?page_info=\#(number + 1)>; rel="next""#)] : []
            return .json(200, ids(number...number), headers: next)
        }) { server in
            try await withClient { client in
                let pager = PagePrefetch.$concurrency.withValue(2) {
                    LinkPager(transport: makeTransport(client: client))
                }
                let stream = ResourceStream<Void>(
                    resource: .coupons,
                    request: TransportRequest(url: server.baseURL + "/coupons", resource: "coupons"),
                    paging: .link(pager), logger: LogCapture().logger(), prepare: { _ in }
                ) { fetched, _ in
                    guard fetched.pageNumber < 2 else {
                        // Not a decoding error: that one would be cut into records and rejected.
                        throw ConnectorError.invalidResponse(reason: "unreadable", ErrorContext())
                    }
                    return MappedBatch(.coupons(try coupons(fetched)))
                }
                var iterator = stream.pages(since: nil).makeAsyncIterator()
                _ = try #require(try await iterator.next())
                // Page 2 is on its way before anyone asked for it.
                var ahead = false
                for _ in 0..<500 where !ahead {
                    ahead = server.requestCount >= 2
                    if !ahead { try await Task.sleep(for: .milliseconds(10)) }
                }
                #expect(ahead, "page 2 was not requested ahead")
                let error = await connectorError { try await iterator.next() }
                #expect(error?.context.url?.hasSuffix("/coupons?page_info=2") == true)
                #expect(error?.context.resource == "coupons")
            }
        }
    }

    @Test func aPageThatDoesNotDecodeIsLoggedAtDebugWithItsContentType() async throws {
        let body = #"{"id": "not a list"} and more"#
        try await withScriptedServer([.json(200, body)]) { server in
            try await withClient { client in
                let logs = LogCapture()
                let stream = ResourceStream<Void>(
                    resource: .coupons,
                    request: TransportRequest(url: server.baseURL + "/coupons", resource: "coupons"),
                    paging: .pageNumber(
                        PageNumberPager(transport: makeTransport(client: client, logger: logs.logger()), perPage: 2)),
                    logger: logs.logger(), prepare: { _ in }
                ) { fetched, _ in MappedBatch(.coupons(try coupons(fetched))) }
                var iterator = stream.pages(since: nil).makeAsyncIterator()
                let error = await connectorError { try await iterator.next() }
                guard case .decoding = error else {
                    Issue.record("expected .decoding, got \(String(describing: error))")
                    return
                }
                #expect(error?.context.contentType == "application/json")
                let line = logs.all.first { $0.contains("store body did not parse") } ?? ""
                #expect(line.hasPrefix("debug "), "\(logs.all)")
                #expect(line.contains("status=200"))
                #expect(line.contains("content_type=application/json"))
                #expect(line.contains("body_start=\(body)"))
            }
        }
    }
}
