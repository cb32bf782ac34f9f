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
            // One virtual second a step: a run a loaded machine is slow to finish still ends
            // long before the stop (a 10 s step left it some 9 steps to do so).
            longestSleep: .seconds(1), logger: Logger(label: "test"))
        await scheduler.run(stop: stop)
        try await db.close()
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        return (otherCompletedAt, runs.withLock { $0 })
    }

    @Test func aTurnRightAfterAnotherWorkersCompleteRunIsSkippedAndTheNextFollowsItsInterval() async throws {
        let (other, runs) = try await secondWorkerRuns(startingAfter: 5, interval: 60, duration: 150)
        // Due at once (+5 s) but skipped; then +60 and +120 after the other worker's run
        // (a loaded machine can only make runs later, never earlier).
        #expect(!runs.isEmpty && runs.count <= 2)
        for run in runs { #expect(run.timeIntervalSince(other) >= 60) }
    }

    /// The race three `aftercart run` workers on PostgreSQL showed: worker B
    /// asks "done elsewhere?" while worker A is still running, waits for the
    /// lease, and gets it the moment A releases it. Asked only before the
    /// lease, B would sync the store again right after A; asked while the
    /// lease is held, B sees A's completion and does nothing.
    @Test func theTurnIsCheckedAgainOnceTheLeaseIsHeldAndNothingIsReadWhenItWasDone() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("lease-\(UUID().uuidString).sqlite")
            .path
        let db = try await SQLitePersistence.open(path: path)
        let engine = SyncEngine(persistence: db, logger: Logger(label: "test"))
        let orders = SampleOrders.make(store: "shared", count: 15)
        let options = SyncOptions(resources: [.orders], owner: "b")

        let otherRun = Date(timeIntervalSince1970: 1_800_000_000)
        let held = Mutex<[String]>([])
        let skipped = ScriptedConnector(store: "shared", orders: orders)
        let report = await engine.sync(
            skipped, options: options,
            completedElsewhere: {
                let owners = (try? await db.leases().map(\.owner)) ?? []
                held.withLock { $0 = owners }
                return otherRun
            })
        #expect(report.outcome == .completedElsewhere(at: otherRun))
        #expect(held.withLock { $0 } == ["b"], "asked while holding the lease")
        #expect(await skipped.calls.pages.isEmpty, "nothing read from the store")
        #expect(try await db.leases().isEmpty, "the lease is released at once")
        #expect(try await db.checkpoint(store: "shared", resource: .orders) == nil)

        // Not done elsewhere: the run goes ahead as usual.
        let ran = ScriptedConnector(store: "shared", orders: orders)
        let second = await engine.sync(ran, options: options, completedElsewhere: { nil })
        #expect(second.isComplete)
        #expect(await ran.calls.pages == [1, 2])
        try await db.close()
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    @Test func theRuleSkipsOnlyAnotherWorkersCompletionWithinThreeQuartersOfAnInterval() {
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        func skip(_ last: TimeInterval?, own: TimeInterval? = nil, interval: TimeInterval = 60) -> Date? {
            CompletedElsewhere.skipTurn(
                lastCompleted: last.map { now.addingTimeInterval(-$0) },
                ownCompletion: own.map { now.addingTimeInterval(-$0) }, interval: interval, now: now)
        }
        #expect(skip(5) == now.addingTimeInterval(-5))
        // Half an interval apart: one worker skips (at exactly half, both used to sync).
        #expect(skip(30) != nil)
        #expect(skip(44) != nil)
        // The previous tick's run, or none at all: sync.
        #expect(skip(46) == nil)
        #expect(skip(nil) == nil)
        // Our own run (a slow one ending late) is never a reason to skip; a newer one by another is.
        #expect(skip(5, own: 5) == nil)
        #expect(skip(5, own: 3) == nil)
        #expect(skip(5, own: 40) != nil)
        #expect(skip(5, interval: 0) == nil)
    }
}
