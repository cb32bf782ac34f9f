import AftercartConnector
import AftercartModel
import AftercartStore
import AftercartSync
import AsyncHTTPClient
import Foundation
import Logging
import MockStores
import Synchronization
import Testing
import WooCommerceConnector

/// The engine and the WooCommerce adapter in this process against the
/// emulator over 127.0.0.1, into real SQLite files: concurrent page reads,
/// faults part-way, and orders changing while a sync runs.
@Suite struct SyncConcurrencyTests {
    /// One SQLite file and the adapter for one emulator.
    struct Harness {
        let mock: MockStoreServer
        let client: HTTPClient
        let folder: URL
        let logger = Logger(label: "test")

        init(mock: MockStoreServer) throws {
            self.mock = mock
            client = HTTPClientFactory.makeClient()
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("sync-conc-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        }

        func connector() throws -> any StoreConnector {
            let settings = ConnectorSettings(
                store: "tokyo-woo", platform: "woocommerce", timeZone: TimeZone(identifier: mock.timeZone) ?? .gmt,
                values: ["base_url": mock.baseURL, "marketing_consent": "unknown"],
                secrets: [
                    "consumer_key": Secret(mock.credentials.consumerKey ?? ""),
                    "consumer_secret": Secret(mock.credentials.consumerSecret ?? ""),
                ])
            return try WooCommerceConnector.registration.makeConnector(
                settings, ConnectorEnvironment(client: client, logger: logger))
        }

        func database(_ name: String) async throws -> SQLitePersistence {
            try await SQLitePersistence.open(path: folder.appendingPathComponent("\(name).sqlite").path)
        }

        func sync(
            into db: SQLitePersistence, pageConcurrency: Int, full: Bool = false,
            progress: @escaping @Sendable (SyncProgress) -> Void = { _ in }
        ) async throws -> ResourceSyncReport {
            let engine = SyncEngine(persistence: db, logger: logger)
            let report = await engine.sync(
                try connector(),
                options: SyncOptions(resources: [.orders], full: full, pageConcurrency: pageConcurrency),
                progress: progress)
            return try #require(report.resources.first)
        }

        func close() async {
            try? await client.shutdown()
            await mock.stop()
            try? FileManager.default.removeItem(at: folder)
        }
    }

    static func payloads(_ db: SQLitePersistence) async throws -> [String: String] {
        var result: [String: String] = [:]
        for try await payload in db.allPayloads(.orders) { result[payload.key.platformID] = payload.json }
        return result
    }

    @Test func fourPagesAtOnceStoreExactlyWhatOneAtATimeStores() async throws {
        let harness = try Harness(
            mock: try await MockStoreServer.start(.woocommerce(WooCommerceMockOptions(orders: 1234, seed: 21))))
        do {
            let sequential = try await harness.database("sequential")
            let concurrent = try await harness.database("concurrent")
            let one = try await harness.sync(into: sequential, pageConcurrency: 1)
            let four = try await harness.sync(into: concurrent, pageConcurrency: 4)
            #expect(one.outcome == .completed && four.outcome == .completed)
            #expect(one.pages == 13 && four.pages == 13)
            let expected = try await Self.payloads(sequential)
            #expect(expected.count == 1234)
            #expect(try await Self.payloads(concurrent) == expected)
            let cursorOne = try await sequential.checkpoint(store: "tokyo-woo", resource: .orders)?.cursor
            let cursorFour = try await concurrent.checkpoint(store: "tokyo-woo", resource: .orders)?.cursor
            #expect(cursorOne != nil && cursorOne == cursorFour)
            try await sequential.close()
            try await concurrent.close()
        } catch {
            await harness.close()
            throw error
        }
        await harness.close()
    }

    @Test func aBadPageStopsTheWalkThereAndNothingAfterItIsCommitted() async throws {
        // Request 1 is page 1; requests 2-5 are pages 2-5 in flight together, so
        // the corrupted answer lands on one of them, whichever the server saw third.
        let harness = try Harness(
            mock: try await MockStoreServer.start(
                .woocommerce(
                    WooCommerceMockOptions(
                        orders: 1000, seed: 4, faults: try MockFaultPlan(spec: "badjson@4")))))
        do {
            let db = try await harness.database("faulty")
            let failed = try await harness.sync(into: db, pageConcurrency: 4)
            #expect(failed.isFailure)
            let stored = try await Self.payloads(db)
            let committedPages = failed.pages
            #expect(committedPages >= 1 && committedPages <= 4)
            #expect(stored.count == committedPages * 100)
            // A prefix in id order: every page before the bad one, none after it.
            let ids = stored.keys.compactMap(Int.init).sorted()
            let reference = try await harness.database("reference")
            harness.mock.setFaults(.none)
            _ = try await harness.sync(into: reference, pageConcurrency: 1)
            let allIDs = try await Self.payloads(reference).keys.compactMap(Int.init).sorted()
            #expect(ids == Array(allIDs.prefix(ids.count)))
            let cursor = try SyncCursor(
                jsonString: try #require(try await db.checkpoint(store: "tokyo-woo", resource: .orders)?.cursor))
            #expect(cursor.nextPage == committedPages + 1)
            // The next run resumes at the bad page and ends equal to a clean read.
            let resumed = try await harness.sync(into: db, pageConcurrency: 4)
            #expect(resumed.outcome == .completed)
            #expect(try await Self.payloads(db) == (try await Self.payloads(reference)))
            try await db.close()
            try await reference.close()
        } catch {
            await harness.close()
            throw error
        }
        await harness.close()
    }

    @Test(arguments: [1, 4])
    func ordersChangedWhileASyncRunsAreInTheDatabaseAfterTheNextRun(pageConcurrency: Int) async throws {
        let harness = try Harness(
            mock: try await MockStoreServer.start(.woocommerce(WooCommerceMockOptions(orders: 1500, seed: 17))))
        do {
            let db = try await harness.database("live")
            let mock = harness.mock
            let changed = Mutex<Set<String>>([])
            // The store moves on while the walk is early, late and on its last pages:
            // orders on pages already read change behind the walk's position.
            let first = try await harness.sync(into: db, pageConcurrency: pageConcurrency) { progress in
                guard [2, 9, 13, 14].contains(progress.pages) else { return }
                let result = mock.advance(orders: 40, seconds: 1800)
                changed.withLock { $0.formUnion(result.changedOrderIDs.map(String.init)) }
            }
            #expect(first.outcome == .completed)
            #expect(changed.withLock { $0.count } > 20)
            let second = try await harness.sync(into: db, pageConcurrency: pageConcurrency)
            #expect(second.outcome == .completed)
            #expect(second.records < 1500)

            let reference = try await harness.database("reference")
            _ = try await harness.sync(into: reference, pageConcurrency: 1, full: true)
            let expected = try await Self.payloads(reference)
            let stored = try await Self.payloads(db)
            #expect(stored.count == expected.count)
            let stale = expected.filter { stored[$0.key] != $0.value }.map(\.key)
            #expect(stale.isEmpty, "orders missed after the incremental run: \(stale.prefix(10))")
            try await db.close()
            try await reference.close()
        } catch {
            await harness.close()
            throw error
        }
        await harness.close()
    }
}
