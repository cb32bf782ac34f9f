import AftercartConnector
import AftercartModel
import AftercartStore
import AftercartSync
import Foundation
import Logging
import Synchronization
import Testing

/// The scheduler loop on a virtual clock: each sleep moves the clock by
/// what was asked, so ten minutes of schedule take milliseconds.
@Suite struct SyncSchedulerTests {
    final class VirtualClock: Sendable {
        private let seconds = Mutex(1_800_000_000.0)
        var now: Date { Date(timeIntervalSince1970: seconds.withLock { $0 }) }
        func advance(_ duration: Duration) {
            let (whole, atto) = duration.components
            seconds.withLock { $0 += Double(whole) + Double(atto) / 1e18 }
        }
    }

    struct Run: Sendable {
        var store: StoreID
        var startedAt: Date
        var finishedAt: Date
        var records: Int
    }

    @Test func storesSyncOnTheirIntervalNeverTwiceAtOnceAndTheAfterStepSeesEachRun() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("sched-\(UUID().uuidString).sqlite")
            .path
        let db = try await SQLitePersistence.open(path: path)
        let clock = VirtualClock()
        let runs = Mutex<[Run]>([])
        let stop = SyncStopSignal()
        let fast = ScriptedConnector(store: "fast", orders: SampleOrders.make(store: "fast", count: 25))
        let slow = ScriptedConnector(store: "slow", orders: SampleOrders.make(store: "slow", count: 5))
        let scheduler = SyncScheduler(
            engine: SyncEngine(persistence: db, now: { clock.now }, logger: Logger(label: "test")),
            jobs: [.init(connector: fast, interval: 60), .init(connector: slow, interval: 180)],
            options: SyncOptions(resources: [.orders]), jitter: .none,
            postSync: PostSyncClosure { store, report in
                let records = report.resources.reduce(0) { $0 + $1.records }
                runs.withLock {
                    $0.append(
                        Run(
                            store: store, startedAt: report.startedAt ?? .distantPast, finishedAt: clock.now,
                            records: records))
                }
            },
            now: { clock.now },
            sleep: { duration in
                // Let the runs started at this instant finish before time moves (a loaded
                // machine needs real milliseconds for a run's SQLite commits).
                for _ in 0..<50 { await Task.yield() }
                try await Task.sleep(for: .milliseconds(15))
                clock.advance(duration)
                if clock.now.timeIntervalSince1970 >= 1_800_000_000 + 600 { await stop.stop() }
            },
            longestSleep: .seconds(30), logger: Logger(label: "test"))
        await scheduler.run(stop: stop)
        try await db.close()
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }

        let all = runs.withLock { $0 }
        let fastRuns = all.filter { $0.store == "fast" }
        let slowRuns = all.filter { $0.store == "slow" }
        #expect(fastRuns.count >= 3 && fastRuns.count <= 11)
        #expect(slowRuns.count >= 2 && slowRuns.count <= 4)
        #expect(fastRuns.count > slowRuns.count)
        // The first run reads everything, later ones only the lookback-free increment (nothing changed).
        #expect(fastRuns.first?.records == 25)
        for (earlier, later) in zip(fastRuns, fastRuns.dropFirst()) {
            #expect(later.startedAt.timeIntervalSince(earlier.startedAt) >= 60)
            #expect(later.startedAt >= earlier.finishedAt)
        }
        for (earlier, later) in zip(slowRuns, slowRuns.dropFirst()) {
            #expect(later.startedAt.timeIntervalSince(earlier.startedAt) >= 180)
        }
    }

    @Test func aStopRequestEndsTheLoopAfterTheRunInFlightCommitsItsPage() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("sched-\(UUID().uuidString).sqlite")
            .path
        let db = try await SQLitePersistence.open(path: path)
        let stop = SyncStopSignal()
        // 2,000 pages: however late the watcher gets to run on a loaded machine, the read is not over.
        let connector = ScriptedConnector(store: "big", orders: SampleOrders.make(store: "big", count: 20_000))
        let afterCalls = Mutex(0)
        let scheduler = SyncScheduler(
            engine: SyncEngine(persistence: db, logger: Logger(label: "test")),
            jobs: [.init(connector: connector, interval: 3600)], options: SyncOptions(resources: [.orders]),
            jitter: .none, postSync: PostSyncClosure { _, _ in afterCalls.withLock { $0 += 1 } },
            logger: Logger(label: "test"))
        // Stop as soon as the first page is asked for.
        let watcher = Task {
            while await connector.calls.pages.isEmpty { try await Task.sleep(for: .milliseconds(1)) }
            await stop.stop()
        }
        await scheduler.run(stop: stop)
        try await watcher.value
        let stored = try await db.recordCounts().first { $0.store == "big" }?.live ?? 0
        let checkpoint = try await db.checkpoint(store: "big", resource: .orders)
        try await db.close()
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        // Whole pages only, the cursor right after them, and no after-step once stopping.
        #expect(stored > 0 && stored < 20_000 && stored % 10 == 0)
        let cursor = try SyncCursor(jsonString: try #require(checkpoint?.cursor))
        #expect(cursor.nextPage == stored / 10 + 1)
        #expect(afterCalls.withLock { $0 } == 0)
    }
}
