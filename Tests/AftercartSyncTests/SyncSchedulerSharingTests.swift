import AftercartConnector
import AftercartModel
import AftercartStore
import AftercartSync
import Foundation
import Logging
import Synchronization
import Testing

/// Several workers over one database: a worker whose turn comes just after
/// another worker completed the store skips it, so each tick syncs a store once.
@Suite struct SyncSchedulerSharingTests {
    typealias VirtualClock = SyncSchedulerTests.VirtualClock

    /// Runs a second worker's scheduler for `duration` seconds of virtual
    /// time, starting `delay` seconds after a first worker completed the
    /// store, and returns the start times of the second worker's runs.
    private func secondWorkerRuns(startingAfter delay: TimeInterval, interval: TimeInterval, duration: TimeInterval)
        async throws -> (otherCompletedAt: Date, runs: [Date])
    {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("share-\(UUID().uuidString).sqlite")
            .path
        let db = try await SQLitePersistence.open(path: path)
        let clock = VirtualClock()
        let orders = SampleOrders.make(store: "shared", count: 15)
        // The first worker: one complete run through the same engine.
        let first = SyncEngine(persistence: db, now: { clock.now }, logger: Logger(label: "test"))
        let report = await first.sync(
            ScriptedConnector(store: "shared", orders: orders), options: SyncOptions(resources: [.orders], owner: "a"))
        #expect(report.isComplete)
        let otherCompletedAt = try #require(
            try await db.checkpoint(store: "shared", resource: .orders)?.lastCompletedAt)
        clock.advance(.seconds(delay))
        let end = clock.now.addingTimeInterval(duration)
        let runs = Mutex<[Date]>([])
        let stop = SyncStopSignal()
        let scheduler = SyncScheduler(
            engine: SyncEngine(persistence: db, now: { clock.now }, logger: Logger(label: "test")),
            jobs: [.init(connector: ScriptedConnector(store: "shared", orders: orders), interval: interval)],
            options: SyncOptions(resources: [.orders], owner: "b"), jitter: .none,
            postSync: PostSyncClosure { _, report in
                runs.withLock { $0.append(report.startedAt ?? .distantPast) }
            },
            now: { clock.now },
            sleep: { duration in
                for _ in 0..<50 { await Task.yield() }
                try await Task.sleep(for: .milliseconds(2))
                clock.advance(duration)
                if clock.now >= end { await stop.stop() }
            },
            longestSleep: .seconds(10), logger: Logger(label: "test"))
        await scheduler.run(stop: stop)
        try await db.close()
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        return (otherCompletedAt, runs.withLock { $0 })
    }

    @Test func aTurnRightAfterAnotherWorkersCompleteRunIsSkippedAndTheNextFollowsItsInterval() async throws {
        let (other, runs) = try await secondWorkerRuns(startingAfter: 5, interval: 60, duration: 150)
        // Due at once (+5 s) but skipped; then +60 and +120 after the other worker's run.
        #expect(runs.count == 2)
        let first = try #require(runs.first)
        #expect(first.timeIntervalSince(other) >= 60)
        #expect(first.timeIntervalSince(other) < 70)
    }

    @Test func aCompletionFromThePreviousTickDoesNotStopThisTicksRun() async throws {
        let (other, runs) = try await secondWorkerRuns(startingAfter: 40, interval: 60, duration: 100)
        // 40 s is more than half the interval: the other run belongs to the previous tick.
        #expect(runs.count == 2)
        let first = try #require(runs.first)
        #expect(first.timeIntervalSince(other) < 41)
    }
}
