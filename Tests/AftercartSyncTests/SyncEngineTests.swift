import AftercartConnector
import AftercartModel
import AftercartStore
import AftercartSync
import Foundation
import Logging
import Testing

@Suite struct SyncEngineTests {
    private func withDatabase(_ body: (SQLitePersistence) async throws -> Void) async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("sync-\(UUID().uuidString).sqlite")
            .path
        let persistence = try await SQLitePersistence.open(path: path)
        do {
            try await body(persistence)
        } catch {
            try? await persistence.close()
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            throw error
        }
        try await persistence.close()
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    private let logger = Logger(label: "test")
    private let orders = SampleOrders.make(store: "s1", count: 45)

    @Test func fullReadCommitsEveryPageAndCompletesTheCursor() async throws {
        try await withDatabase { (db: SQLitePersistence) async throws in
            let engine = SyncEngine(persistence: db, logger: logger)
            let report = await engine.sync(
                ScriptedConnector(store: "s1", orders: orders), options: SyncOptions(resources: [.orders]))
            #expect(report.outcome == .synced)
            let orderReport = try #require(report.resources.first)
            #expect(orderReport.outcome == .completed)
            #expect(orderReport.pages == 5 && orderReport.records == 45 && orderReport.changed == 45)
            #expect(try await db.recordCount(store: "s1", resource: .orders).live == 45)
            let checkpoint = try #require(try await db.checkpoint(store: "s1", resource: .orders))
            let cursor = try SyncCursor(jsonString: try #require(checkpoint.cursor))
            #expect(!cursor.isWalkInProgress)
            #expect(cursor.updatedAfter == orders.last?.updatedAt)
            #expect(checkpoint.lastCompletedAt != nil)
        }
    }

    @Test func aFailedPageKeepsEarlierPagesAndTheNextRunResumesThere() async throws {
        try await withDatabase { (db: SQLitePersistence) async throws in
            let engine = SyncEngine(persistence: db, logger: logger)
            let failing = ScriptedConnector(store: "s1", orders: orders, failingPages: [3])
            let first = await engine.sync(failing, options: SyncOptions(resources: [.orders]))
            #expect(first.isFailure)
            guard case .failed(let message) = first.resources.first?.outcome else {
                Issue.record("expected a failure")
                return
            }
            #expect(message.hasPrefix("s1 orders: 503"))
            #expect(try await db.recordCount(store: "s1", resource: .orders).live == 20)
            let checkpoint = try #require(try await db.checkpoint(store: "s1", resource: .orders))
            #expect(checkpoint.isFailing)
            #expect(try SyncCursor(jsonString: try #require(checkpoint.cursor)).nextPage == 3)

            let healthy = ScriptedConnector(store: "s1", orders: orders)
            let second = await engine.sync(healthy, options: SyncOptions(resources: [.orders]))
            #expect(!second.isFailure)
            #expect(await healthy.calls.pages == [3, 4, 5])
            #expect(try await db.recordCount(store: "s1", resource: .orders).live == 45)
        }
    }

    /// A daemon shutting down cancels the page in flight: that run stopped,
    /// it did not fail, and the next one resumes after the last committed page.
    @Test func aShutdownMidPageStopsTheRunWithoutRecordingAFailure() async throws {
        try await withDatabase { (db: SQLitePersistence) async throws in
            let engine = SyncEngine(persistence: db, logger: logger)
            let cancelled = ScriptedConnector(
                store: "s1", orders: orders, failingPages: [2], error: CancellationError())
            let report = await engine.sync(cancelled, options: SyncOptions(resources: [.orders]))
            #expect(report.resources.first?.outcome == .stopped)
            #expect(!report.isFailure)
            let checkpoint = try #require(try await db.checkpoint(store: "s1", resource: .orders))
            #expect(!checkpoint.isFailing)
            #expect(try SyncCursor(jsonString: try #require(checkpoint.cursor)).nextPage == 2)
        }
    }

    @Test func anIncrementalRunReadsOnlyWhatChangedAndRecordsSuccessWhenNothingDid() async throws {
        try await withDatabase { (db: SQLitePersistence) async throws in
            let engine = SyncEngine(persistence: db, logger: logger)
            _ = await engine.sync(
                ScriptedConnector(store: "s1", orders: orders), options: SyncOptions(resources: [.orders]))
            var changed = orders
            changed[7].status = .completed
            changed[7].updatedAt = changed[44].updatedAt!.addingTimeInterval(3600)
            let report = await engine.sync(
                ScriptedConnector(store: "s1", orders: changed), options: SyncOptions(resources: [.orders]))
            #expect(report.resources.first?.records == 1)
            #expect(report.resources.first?.changed == 1)
            let stored = try await db.record(Order.self, store: "s1", platformID: changed[7].id)
            #expect(stored?.record.status == .completed)

            let idle = await engine.sync(
                ScriptedConnector(store: "s1", orders: changed), options: SyncOptions(resources: [.orders]))
            #expect(idle.resources.first?.outcome == .completed)
            #expect(idle.resources.first?.pages == 0)
        }
    }

    @Test func aSecondRunOnTheSameStoreSaysAlreadyRunning() async throws {
        try await withDatabase { (db: SQLitePersistence) async throws in
            #expect(try await db.acquireLease(name: "sync:s1", owner: "cron-run", ttl: 600, now: Date()))
            let engine = SyncEngine(persistence: db, logger: logger)
            let report = await engine.sync(
                ScriptedConnector(store: "s1", orders: orders),
                options: SyncOptions(resources: [.orders], owner: "daemon"))
            #expect(report.outcome == .alreadyRunning(owner: "cron-run"))
            #expect(!report.isFailure)
            #expect(try await db.recordCount(store: "s1", resource: .orders).live == 0)
        }
    }

    @Test func aLeaseLeftByADeadProcessOnThisHostIsTakenOver() async throws {
        try await withDatabase { (db: SQLitePersistence) async throws in
            // pid_max on Linux is at most 4194304: this pid cannot be running.
            let dead = "\(ProcessInfo.processInfo.hostName):4194305"
            let alive = "\(ProcessInfo.processInfo.hostName):\(ProcessInfo.processInfo.processIdentifier)"
            #expect(!SyncOptions.isLocalProcessAlive(dead))
            #expect(SyncOptions.isLocalProcessAlive(alive))
            #expect(SyncOptions.isLocalProcessAlive("other-host:1"))
            #expect(try await db.acquireLease(name: "sync:s1", owner: dead, ttl: 600, now: Date()))
            let engine = SyncEngine(persistence: db, logger: logger)
            let report = await engine.sync(
                ScriptedConnector(store: "s1", orders: orders),
                options: SyncOptions(resources: [.orders], owner: "next-run"))
            #expect(report.outcome == .synced)
            #expect(try await db.recordCount(store: "s1", resource: .orders).live == 45)
        }
    }

    @Test func oneFailingStoreDoesNotStopTheOthers() async throws {
        try await withDatabase { (db: SQLitePersistence) async throws in
            let engine = SyncEngine(persistence: db, logger: logger)
            let refused = ConnectorError.unauthorized(
                ErrorContext(store: "bad", resource: "orders", platform: "scripted"))
            let reports = await engine.run(
                [
                    ScriptedConnector(
                        store: "bad", orders: SampleOrders.make(store: "bad", count: 5), failingPages: [1],
                        error: refused),
                    ScriptedConnector(store: "s1", orders: orders),
                ],
                options: SyncOptions(resources: [.orders], storeConcurrency: 2))
            #expect(reports.map(\.store) == ["bad", "s1"])
            #expect(reports[0].isFailure)
            #expect(!reports[1].isFailure)
            #expect(try await db.recordCount(store: "s1", resource: .orders).live == 45)
            #expect(try await db.checkpoint(store: "bad", resource: .orders)?.lastError?.contains("401") == true)
        }
    }

    @Test func aStopRequestEndsTheRunBetweenPagesAndTheNextRunResumes() async throws {
        try await withDatabase { (db: SQLitePersistence) async throws in
            let engine = SyncEngine(persistence: db, logger: logger)
            let stop = SyncStopSignal()
            await stop.stop()
            let report = await engine.sync(
                ScriptedConnector(store: "s1", orders: orders), options: SyncOptions(resources: [.orders]), stop: stop)
            #expect(report.resources.first?.outcome == .stopped)
            #expect(report.resources.first?.pages == 1)
            let resumed = ScriptedConnector(store: "s1", orders: orders)
            _ = await engine.sync(resumed, options: SyncOptions(resources: [.orders]))
            #expect(await resumed.calls.pages == [2, 3, 4, 5])
            #expect(try await db.recordCount(store: "s1", resource: .orders).live == 45)
        }
    }

    @Test func aFullRunMarksWhatTheStoreNoLongerHas() async throws {
        try await withDatabase { (db: SQLitePersistence) async throws in
            let engine = SyncEngine(persistence: db, logger: logger)
            _ = await engine.sync(
                ScriptedConnector(store: "s1", orders: orders), options: SyncOptions(resources: [.orders]))
            let fewer = Array(orders.dropLast(3))
            let report = await engine.sync(
                ScriptedConnector(store: "s1", orders: fewer), options: SyncOptions(resources: [.orders], full: true))
            #expect(report.resources.first?.vanished == 3)
            let count = try await db.recordCount(store: "s1", resource: .orders)
            #expect(count.total == 45 && count.vanished == 3)
        }
    }

    @Test func resourcesTheAdapterCannotReadAreReportedNotFailed() async throws {
        try await withDatabase { (db: SQLitePersistence) async throws in
            let engine = SyncEngine(persistence: db, logger: logger)
            let report = await engine.sync(
                ScriptedConnector(store: "s1", orders: orders), options: SyncOptions(resources: [.reviews, .orders]))
            #expect(report.resources.map(\.outcome) == [.unsupported, .completed])
            #expect(!report.isFailure)
        }
    }
}
