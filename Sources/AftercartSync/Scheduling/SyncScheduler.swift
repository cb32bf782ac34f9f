public import AftercartConnector
import AftercartModel
public import Foundation
public import Logging

/// Syncs each store every `interval` (its `sync_every`), jittered, until
/// stopped: the heart of `aftercart run`.
///
/// Runs go through ``SyncEngine/sync(_:options:stop:progress:)``, so the
/// store lease still keeps a cron `aftercart sync` and the daemon apart. A
/// store whose run is in progress is not started again; at most
/// ``SyncOptions/storeConcurrency`` stores run at once. After each run the
/// ``PostSyncStep`` runs for that store. ``run(stop:)`` returns once `stop`
/// was requested and the runs in flight have committed their page.
///
/// Several workers sharing one database each schedule every store; so that
/// a store is synced once per tick rather than once per worker, a worker
/// whose turn comes just after another worker completed the store skips
/// that turn and schedules the next one an interval after the other's run.
public struct SyncScheduler: Sendable {
    /// One store to keep in sync.
    public struct Job: Sendable {
        public var connector: any StoreConnector
        /// Seconds between runs.
        public var interval: TimeInterval
        /// Seconds between full passes that mark what the store no longer
        /// has as vanished (config `reconcile_every`); `nil` never.
        public var reconcileEvery: TimeInterval?

        public init(connector: any StoreConnector, interval: TimeInterval, reconcileEvery: TimeInterval? = nil) {
            self.connector = connector
            self.interval = interval
            self.reconcileEvery = reconcileEvery
        }
    }

    private let engine: SyncEngine
    private let jobs: [Job]
    private let intervals: [StoreID: TimeInterval]
    private let reconcileIntervals: [StoreID: TimeInterval]
    private let options: SyncOptions
    private let jitter: SyncJitter
    private let postSync: any PostSyncStep
    private let now: @Sendable () -> Date
    private let sleep: @Sendable (Duration) async throws -> Void
    private let longestSleep: Duration
    private let logger: Logger
    private let onReport: @Sendable (StoreSyncReport) -> Void

    /// - Parameters:
    ///   - now, sleep: the clock, injected so tests drive time.
    ///   - longestSleep: how often the loop looks at the stop request and
    ///     refreshes the lag gauges while nothing is due.
    ///   - onReport: called with every run's report (log lines).
    public init(
        engine: SyncEngine, jobs: [Job], options: SyncOptions, jitter: SyncJitter = SyncJitter(),
        postSync: any PostSyncStep = NoPostSyncStep(), now: @escaping @Sendable () -> Date = { Date() },
        sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) },
        longestSleep: Duration = .seconds(1), logger: Logger,
        onReport: @escaping @Sendable (StoreSyncReport) -> Void = { _ in }
    ) {
        self.engine = engine
        self.jobs = jobs
        self.intervals = Dictionary(jobs.map { ($0.connector.store, $0.interval) }) { first, _ in first }
        self.reconcileIntervals = Dictionary(
            jobs.compactMap { job in job.reconcileEvery.map { (job.connector.store, $0) } }
        ) { first, _ in first }
        self.options = options
        self.jitter = jitter
        self.postSync = postSync
        self.now = now
        self.sleep = sleep
        self.longestSleep = longestSleep
        self.logger = logger
        self.onReport = onReport
    }

    /// Schedules runs until `stop` is requested (or the task is cancelled),
    /// then waits for the runs in flight, which stop after their page.
    public func run(stop: SyncStopSignal) async {
        var generator = SystemRandomNumberGenerator()
        let schedule = ScheduleBox(
            SyncSchedule(
                stores: jobs.map { (store: $0.connector.store, interval: $0.interval) }, start: now(),
                jitter: jitter, using: &generator))
        let connectors = Dictionary(jobs.map { ($0.connector.store, $0.connector) }) { first, _ in first }
        await withDiscardingTaskGroup { group in
            while !Task.isCancelled, await !stop.isStopped {
                let due = await schedule.takeDue(at: now(), limit: options.storeConcurrency)
                for store in due {
                    guard let connector = connectors[store] else { continue }
                    group.addTask { await runOnce(connector, schedule: schedule, stop: stop) }
                }
                await refreshLag(schedule)
                let wake = await schedule.nextWake
                let untilWake = wake.map { $0.timeIntervalSince(now()) } ?? longestSleep.secondsValue
                let pause = min(max(untilWake, 0.001), longestSleep.secondsValue)
                do {
                    try await sleep(.milliseconds(Int64((pause * 1000).rounded(.up))))
                } catch {
                    break
                }
            }
        }
    }

    private func runOnce(_ connector: any StoreConnector, schedule: ScheduleBox, stop: SyncStopSignal) async {
        let started = now()
        // Asked before the lease (a cheap read spares most skipped turns a
        // lease write) and again once it is held (the run that just released
        // it may have been this turn's).
        let store = connector.store
        if let other = await completedElsewhere(store, schedule: schedule, at: started) {
            await skip(store, completedAt: other, schedule: schedule, at: started)
            return
        }
        var options = self.options
        if !options.full, await reconciliationIsDue(connector, at: started) { options.full = true }
        let report = await engine.sync(
            connector, options: options, stop: stop,
            completedElsewhere: { await completedElsewhere(store, schedule: schedule, at: now()) })
        if case .completedElsewhere(let other) = report.outcome {
            await skip(store, completedAt: other, schedule: schedule, at: now())
            return
        }
        onReport(report)
        if case .synced = report.outcome, await !stop.isStopped {
            await postSync.afterSync(store: connector.store, report: report)
        }
        let finished = now()
        if report.isComplete { await schedule.recordOwnCompletion(connector.store, at: finished) }
        await schedule.finished(
            connector.store, at: finished, startedAt: report.startedAt ?? started, complete: report.isComplete)
    }

    /// Whether `connector`'s store is due a full pass: never reconciled,
    /// or last reconciled `reconcile_every` ago (``SyncEngine/lastReconciliation(of:resources:)``). The time is read from the
    /// checkpoints, so a restart neither repeats nor postpones it; a failed
    /// lookup does not reconcile (the next run asks again).
    private func reconciliationIsDue(_ connector: any StoreConnector, at now: Date) async -> Bool {
        guard let every = reconcileIntervals[connector.store] else { return false }
        let last: Date?
        do {
            last = try await engine.lastReconciliation(of: connector, resources: options.resources)
        } catch {
            return false
        }
        guard let last, now.timeIntervalSince(last) < every else {
            logger.info(
                "reconciling: a full pass marks records the store no longer has as vanished",
                metadata: ["store": "\(connector.store)", "last": "\(last.map { "\($0)" } ?? "never")"])
            return true
        }
        return false
    }

    private func skip(_ store: StoreID, completedAt other: Date, schedule: ScheduleBox, at now: Date) async {
        logger.info(
            "skipping a sync another worker just completed", metadata: ["store": "\(store)", "completedAt": "\(other)"])
        // Take the other worker's run as this turn's: the next one is an interval after it.
        await schedule.finished(store, at: now, startedAt: other, complete: true)
    }

    /// When another worker completed `store` for this tick
    /// (``CompletedElsewhere``). A failed lookup syncs: the lease still
    /// keeps runs apart.
    private func completedElsewhere(_ store: StoreID, schedule: ScheduleBox, at now: Date) async -> Date? {
        guard let interval = intervals[store],
            let last = try? await engine.lastCompletedSync(of: store, resources: options.resources)
        else { return nil }
        return CompletedElsewhere.skipTurn(
            lastCompleted: last, ownCompletion: await schedule.ownCompletion(store), interval: interval, now: now)
    }

    private func refreshLag(_ schedule: ScheduleBox) async {
        let current = now()
        for entry in await schedule.entries {
            guard let start = entry.lastCompleteStart else { continue }
            SyncMetrics.lag(store: entry.store, seconds: current.timeIntervalSince(start))
        }
    }
}

/// The schedule shared by the loop and the runs it started.
private actor ScheduleBox {
    private var schedule: SyncSchedule
    private var generator = SystemRandomNumberGenerator()
    /// When this worker's own last complete run of each store ended.
    private var ownCompletions: [StoreID: Date] = [:]

    init(_ schedule: SyncSchedule) {
        self.schedule = schedule
    }

    var entries: [SyncSchedule.Entry] { schedule.entries }
    var nextWake: Date? { schedule.nextWake }

    func takeDue(at now: Date, limit: Int) -> [StoreID] {
        schedule.takeDue(at: now, limit: limit)
    }

    func ownCompletion(_ store: StoreID) -> Date? { ownCompletions[store] }

    func recordOwnCompletion(_ store: StoreID, at date: Date) { ownCompletions[store] = date }

    func finished(_ store: StoreID, at now: Date, startedAt: Date, complete: Bool) {
        schedule.finished(store, at: now, startedAt: startedAt, complete: complete, using: &generator)
    }
}
