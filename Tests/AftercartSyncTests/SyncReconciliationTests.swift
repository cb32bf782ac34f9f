import AftercartConnector
import AftercartModel
import AftercartStore
import AftercartSync
import Foundation
import Logging
import Synchronization
import Testing

/// `reconcile_every`: the scheduler's periodic full pass, timed from the
/// last one recorded in the database, so a restart neither repeats it nor
/// postpones it.
@Suite struct SyncReconciliationTests {
    struct Run: Sendable {
        var startedAt: Date
        var records: Int
    }

    /// Runs the scheduler for `seconds` of virtual time from `start` and
    /// returns each run; a run that read all 25 orders was a full pass
    /// (an incremental run finds nothing changed).
    private func schedule(
        _ db: any Persistence, from start: Double, for seconds: Double, reconcileEvery: TimeInterval
    ) async -> [Run] {
        let clock = SyncSchedulerTests.VirtualClock()
        clock.advance(.seconds(start))
        let begin = clock.now
        let runs = Mutex<[Run]>([])
        let stop = SyncStopSignal()
        let reported = Atomic<Int>(0)
        let connector = ScriptedConnector(store: "woo", orders: SampleOrders.make(store: "woo", count: 25))
        let scheduler = SyncScheduler(
            engine: SyncEngine(persistence: db, now: { clock.now }, logger: Logger(label: "test")),
            jobs: [.init(connector: connector, interval: 60, reconcileEvery: reconcileEvery)],
            options: SyncOptions(resources: [.orders]), jitter: .none,
            postSync: PostSyncClosure { _, report in
                let records = report.resources.reduce(0) { $0 + $1.records }
                runs.withLock { $0.append(Run(startedAt: report.startedAt ?? .distantPast, records: records)) }
            },
            now: { clock.now },
            sleep: { duration in
                // Virtual time stands still while a run is in flight: without
                // jitter one run starts at every whole minute, and the clock
                // moves on only once each has reported (or after 10 s of real
                // time, for a turn the scheduler skips), however slowly a
                // loaded machine runs it.
                let expected = Int(clock.now.timeIntervalSince(begin) / 60) + 1
                for _ in 0..<1000 where reported.load(ordering: .acquiring) < expected {
                    try await Task.sleep(for: .milliseconds(10))
                }
                clock.advance(duration)
                if clock.now.timeIntervalSince(begin) >= seconds { await stop.stop() }
            },
            longestSleep: .seconds(30), logger: Logger(label: "test"),
            onReport: { _ in reported.add(1, ordering: .releasing) })
        await scheduler.run(stop: stop)
        return runs.withLock { $0 }
    }

    @Test func aFullPassRunsFirstThenEveryReconcileIntervalAndSurvivesARestart() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("recon-\(UUID().uuidString).sqlite")
            .path
        let db = try await SQLitePersistence.open(path: path)

        let firstProcess = await schedule(db, from: 0, for: 420, reconcileEvery: 300)
        let full = firstProcess.filter { $0.records == 25 }
        #expect(firstProcess.first?.records == 25)
        #expect(full.count == 2)
        if full.count == 2 {
            #expect(full[1].startedAt.timeIntervalSince(full[0].startedAt) >= 300)
        }
        #expect(firstProcess.count > full.count)
        let reconciled = try await db.checkpoint(store: "woo", resource: .orders)?.lastReconciledAt
        #expect(reconciled != nil)

        // A restart soon after: no full pass until the interval has passed since the last one.
        let restarted = await schedule(db, from: 480, for: 100, reconcileEvery: 300)
        #expect(!restarted.isEmpty)
        #expect(restarted.allSatisfy { $0.records == 0 })

        try await db.close()
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }
}
