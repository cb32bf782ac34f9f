import AftercartConnector
import AftercartModel
import AsyncHTTPClient
import Foundation
import Testing

/// Coupons of a body `[{"id":N,"amount":A}]`; an `amount` that is not an
/// integer fails the whole body, as a strict adapter mapper does.
private func strictCoupons(_ fetched: FetchedPage) throws -> MappedBatch {
    struct Row: Decodable {
        let id: Int
        let amount: Int
    }
    let rows = try JSONDecoding.decode(
        [Row].self, from: fetched.response.body, context: ErrorContext(resource: "coupons"))
    return MappedBatch(
        .coupons(
            rows.map {
                Coupon(
                    store: "tokyo-woo", id: "\($0.id)", code: "c\($0.id)", kind: .percent, amount: Decimal($0.amount),
                    currency: nil, expiresAt: nil, usageLimit: 1, usedCount: 0, emailRestrictions: [],
                    createdByAftercart: false, updatedAt: nil)
            }))
}

private func couponIDs(_ page: ResourcePage) -> [String] {
    page.records.anyRecords.map(\.platformID)
}

/// Issue 18 item 2 in the SDK: one record that does not map is cut out of
/// its page as a reject; a page that is not a list still fails.
@Suite("Record quarantine")
struct RecordQuarantineTests {
    private func stream(_ server: ScriptedServer, _ client: HTTPClient) -> ResourceStream<Void> {
        let base = server.baseURL
        return ResourceStream<Void>(
            resource: .coupons, request: TransportRequest(url: base + "/coupons", resource: "coupons"),
            paging: .pageNumber(PageNumberPager(transport: makeTransport(client: client), concurrency: 1)),
            recordRequest: { TransportRequest(url: base + "/coupons/\($0)") },
            logger: LogCapture().logger(), prepare: { _ in }
        ) { fetched, _ in
            try strictCoupons(fetched)
        }
    }

    @Test func oneMalformedRecordBecomesARejectAndTheRestOfThePageIsKept() async throws {
        let body = #"[{"id":1,"amount":5}, {"id":2,"amount":"two","note":"[}\"{"} ,{"id":3,"amount":7}]"#
        try await withScriptedServer([.json(200, body, headers: [("X-WP-TotalPages", "1")])]) { server in
            try await withClient { client in
                var pages: [ResourcePage] = []
                for try await page in stream(server, client).pages(since: nil) { pages.append(page) }
                #expect(pages.count == 1)
                #expect(couponIDs(pages[0]) == ["1", "3"])
                let reject = try #require(pages[0].rejected.first)
                #expect(pages[0].rejected.count == 1)
                #expect(reject.id == "2")
                #expect(reject.reason == "amount: expected an integer")
                #expect(reject.rawJSON == #"{"id":2,"amount":"two","note":"[}\"{"}"#)
                #expect(pages[0].cursor.nextPage == nil)
            }
        }
    }

    @Test(arguments: [#"[{"id":1,"amount":5},{"id":2,"amo"#, "<html>critical error</html>", #"{"id":1}"#])
    func aBodyThatIsNotACompleteListFailsThePage(_ body: String) async throws {
        try await withScriptedServer([.json(200, body)]) { server in
            try await withClient { client in
                await #expect(throws: ConnectorError.self) {
                    for try await _ in stream(server, client).pages(since: nil) {}
                }
            }
        }
    }

    @Test func aFailingRecordWithoutAnIdFailsThePage() async throws {
        let body = #"[{"id":1,"amount":5},{"amount":"two"}]"#
        try await withScriptedServer([.json(200, body)]) { server in
            try await withClient { client in
                await #expect(throws: ConnectorError.self) {
                    for try await _ in stream(server, client).pages(since: nil) {}
                }
            }
        }
    }

    @Test func rejectsAreReadAgainByIdOnePagePerId() async throws {
        try await withScriptedServer(script: { _, request in
            switch request.uri {
            case "/coupons/1": .json(200, #"{"id":1,"amount":5}"#)
            case "/coupons/2": .json(200, #"{"id":2,"amount":"two"}"#)
            default: .json(404, #"{"code":"woocommerce_rest_shop_coupon_invalid_id"}"#)
            }
        }) { server in
            try await withClient { client in
                var pages: [ResourcePage] = []
                for try await page in stream(server, client).pages(ids: ["1", "2", "3"]) { pages.append(page) }
                #expect(pages.count == 3)
                #expect(couponIDs(pages[0]) == ["1"] && pages[0].rejected.isEmpty)
                #expect(pages[1].records.isEmpty && pages[1].rejected.map(\.id) == ["2"])
                #expect(pages[2].records.isEmpty && pages[2].vanished == ["3"])
            }
        }
    }

    @Test func envelopesCutListsAndSingleRecordsWithoutTouchingTheirBytes() {
        let list = Data(#" {"next":null, "orders" : [ {"id":1,"total":"12.50"} , {"id":2,"n":1.10} ] } "#.utf8)
        let records = RecordEnvelope.member("orders").records(inList: list)
        #expect(
            records?.map { String(decoding: $0, as: UTF8.self) } == [
                #"{"id":1,"total":"12.50"}"#, #"{"id":2,"n":1.10}"#,
            ])
        let single = RecordEnvelope.member("order").record(inSingle: Data(#"{"order":{"id":7}}"#.utf8))
        #expect(single.map { String(decoding: $0, as: UTF8.self) } == #"{"id":7}"#)
        #expect(
            String(decoding: RecordEnvelope.member("orders").list(of: Data(#"{"id":7}"#.utf8)), as: UTF8.self)
                == #"{"orders":[{"id":7}]}"#)
        #expect(RecordEnvelope.bare.records(inList: Data("[]".utf8)) == [])
        #expect(RecordEnvelope.bare.records(inList: Data(#"[{"id":1}"#.utf8)) == nil)
        #expect(RecordEnvelope.member("orders").records(inList: Data(#"{"customers":[]}"#.utf8)) == nil)
    }
}
