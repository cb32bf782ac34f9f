import AftercartConnector
import AftercartModel
import AftercartStore
import AftercartSync
import Foundation
import Logging
import Testing

/// Rejects are read again by id before each walk, but only so many per run,
/// those seen longest ago first, so the rest come in turn.
@Suite struct RejectRereadLimitTests {
    /// A store with no new orders whose rejected orders are all still
    /// malformed, logging which ids it was asked for.
    struct StillMalformedStore: StoreConnector {
        let platform = "scripted"
        let store: StoreID = "s1"
        let asked = AskedIDs()

        var capabilities: ConnectorCapabilities {
            var capabilities = ConnectorCapabilities.none
            capabilities.readable = [.orders]
            return capabilities
        }

        func check() async throws -> StoreFacts { throw ConnectorError.unsupported(operation: "check", ErrorContext()) }
        func read(_ resource: ResourceKind, since cursor: SyncCursor?) -> ResourcePages { ResourcePages([]) }
        func read(_ resource: ResourceKind, ids: [String]) -> ResourcePages {
            let asked = self.asked
            return ResourcePages(initial: 0) { index in
                guard index < ids.count else { return nil }
                await asked.append(ids[index])
                let page = ResourcePage(
                    records: .orders([]), cursor: SyncCursor(),
                    progress: PageProgress(pageNumber: index + 1, hasMore: index + 1 < ids.count),
                    rejected: [RejectedRecord(id: ids[index], reason: "still bad", rawJSON: "{}")])
                return (page, index + 1 < ids.count ? index + 1 : nil)
            }
        }
        func createCoupon(_ request: CouponRequest) async throws -> Coupon {
            throw ConnectorError.unsupported(operation: "", ErrorContext())
        }
        func findCoupon(code: String) async throws -> Coupon? { nil }
        func addOrderNote(orderID: String, text: String, customerVisible: Bool) async throws {}
        func annotateCustomer(customerID: String, tags: [String], meta: [String: String]) async throws {}
    }

    actor AskedIDs {
        private(set) var ids: [String] = []
        func append(_ id: String) { ids.append(id) }
        func take() -> [String] {
            defer { ids = [] }
            return ids
        }
    }

    @Test func atMostAHundredPerRunAndTheOnesNotReadComeFirstNextTime() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("rejects-\(UUID().uuidString).sqlite")
            .path
        let db = try await SQLitePersistence.open(path: path)
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        let ids = (1...130).map { "\($0)" }
        _ = try await db.commitPage(
            [Order](), rejects: ids.map { RejectedRecord(id: $0, reason: "bad", rawJSON: "{}") },
            checkpoint: CheckpointUpdate(store: "s1", resource: .orders, cursor: nil, at: start, completesRun: false))

        let connector = StillMalformedStore()
        var clock = start
        var readBefore: Set<String> = []
        for run in 1...2 {
            clock += 60
            let now = clock
            let engine = SyncEngine(persistence: db, now: { now }, logger: Logger(label: "test"))
            let report = await engine.sync(connector, options: SyncOptions(resources: [.orders]))
            let asked = await connector.asked.take()
            #expect(asked.count == 100, "run \(run)")
            #expect(report.resources.first?.rejected == 100, "run \(run)")
            if run == 2 {
                // The 30 the first run left out are read before any it already read.
                #expect(Set(asked.prefix(30)) == Set(ids).subtracting(readBefore))
            }
            readBefore = Set(asked)
        }
        #expect(try await db.rejects(store: "s1", resource: .orders).count == 130)
        try await db.close()
    }
}
