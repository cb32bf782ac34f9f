import AftercartModel
import AftercartStore
import Foundation
import Testing

/// The customer scan reads every order of an address in one page, whatever
/// the page size, so repeat purchases are never split across pages.
@Suite struct CustomerOrderPagingTests {
    @Test func pagesNeverSplitAnAddress() async throws {
        try await withOutcomeStores { database in
            let f = ReportSettingsAndErasureTests.tokyo(database)
            for (index, email) in ["a", "a", "b", "b", "b", "b", "c"].enumerated() {
                try await f.order("p\(index)", "\(email)@example.test", "2026-11-0\(index + 1) 10:00", total: "100")
            }
            try await f.order("p9", "d@example.test", "2026-11-09 10:00", total: "100", status: .cancelled)
            try await f.order("p10", nil, "2026-11-09 10:00", total: "100")
            var pages: [[String]] = []
            var after: String?
            while true {
                let page = try await database.customerOrderPage(store: "tokyo", after: after, limit: 3)
                guard let last = page.last?.email else { break }
                pages.append(page.map { String($0.email.prefix(1)) })
                after = last
            }
            // a a | b b b b (one address past the limit, read whole) | c; no cancelled d, no address-less order.
            #expect(pages == [["a", "a"], ["b", "b", "b", "b"], ["c"]])
        }
    }
}
