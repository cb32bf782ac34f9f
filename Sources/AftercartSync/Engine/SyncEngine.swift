public import AftercartConnector
public import AftercartModel
public import AftercartStore
public import Foundation
public import Logging

/// Moves records from stores into the database, one committed page at a time.
///
/// For each store and resource it reads pages from the stored cursor and
/// commits each page's rows together with the cursor after it, so a crash
/// loses at most the page in flight, which the next run reads again; upserts
/// keyed by (store, platform id) make the re-read harmless. Stores sync
/// concurrently and independently: one failing store never stops another.
public struct SyncEngine: Sendable {
    private let persistence: any Persistence
    private let now: @Sendable () -> Date
    private let logger: Logger

    /// Creates an engine over `persistence`. `now` is injected so tests move time.
    public init(persistence: any Persistence, now: @escaping @Sendable () -> Date = { Date() }, logger: Logger) {
        self.persistence = persistence
        self.now = now
        self.logger = logger
    }

    /// Syncs every connector's store, at most `options.storeConcurrency` at once,
    /// and returns one report per store in the order given.
    public func run(
        _ connectors: [any StoreConnector], options: SyncOptions, stop: SyncStopSignal = SyncStopSignal(),
        progress: @escaping @Sendable (SyncProgress) -> Void = { _ in }
    ) async -> [StoreSyncReport] {
        await withTaskGroup(of: (Int, StoreSyncReport).self) { group in
            var reports = [StoreSyncReport?](repeating: nil, count: connectors.count)
            var next = 0
            func startNext() {
                guard next < connectors.count else { return }
                let index = next
                let connector = connectors[index]
                next += 1
                group.addTask {
                    (index, await sync(connector, options: options, stop: stop, progress: progress))
                }
            }
            for _ in 0..<options.storeConcurrency { startNext() }
            for await (index, report) in group {
                reports[index] = report
                startNext()
            }
            return reports.compactMap { $0 }
        }
    }

    /// When the last complete run of `store` ended, by whichever process ran
    /// it: the oldest completion among `resources` that ever completed
    /// (those a store cannot serve, or that keep failing, never do), or `nil`
    /// if none has.
    public func lastCompletedSync(of store: StoreID, resources: [ResourceKind]) async throws -> Date? {
        var oldest: Date?
        for resource in resources {
            guard let completed = try await persistence.checkpoint(store: store, resource: resource)?.lastCompletedAt
            else { continue }
            oldest = min(oldest ?? completed, completed)
        }
        return oldest
    }

    /// When a full pass last reconciled any of `resources` that `connector`
    /// reads (the newest); `nil` when none ever was. The newest rather than
    /// the oldest: a resource that fails or is not granted on every run
    /// must not make every run a full pass; it is tried again on the next one.
    public func lastReconciliation(of connector: any StoreConnector, resources: [ResourceKind]) async throws -> Date? {
        var newest: Date?
        for resource in resources where connector.capabilities.readable.contains(resource) {
            let checkpoint = try await persistence.checkpoint(store: connector.store, resource: resource)
            guard let reconciled = checkpoint?.lastReconciledAt else { continue }
            newest = max(newest ?? reconciled, reconciled)
        }
        return newest
    }

    /// Syncs one store's requested resources under the store's sync lease.
    ///
    /// - Parameter completedElsewhere: asked once the lease is held; a date
    ///   means another worker already did this turn's run (it may have held
    ///   the lease a moment ago), so the lease is released at once and the
    ///   outcome is ``StoreSyncReport/Outcome/completedElsewhere(at:)``.
    ///   Asking before taking the lease alone would let two workers run the
    ///   same turn back to back.
    public func sync(
        _ connector: any StoreConnector, options: SyncOptions, stop: SyncStopSignal = SyncStopSignal(),
        completedElsewhere: (@Sendable () async -> Date?)? = nil,
        progress: @escaping @Sendable (SyncProgress) -> Void = { _ in }
    ) async -> StoreSyncReport {
        let store = connector.store
        let startedAt = now()
        let leaseName = "sync:\(store.rawValue)"
        do {
            var acquired = try await persistence.acquireLease(
                name: leaseName, owner: options.owner, ttl: options.leaseTTL, now: now())
            let holder = acquired ? nil : try? await persistence.leases().first { $0.name == leaseName }?.owner
            if !acquired, let holder, !options.isOwnerAlive(holder) {
                // The holder died without releasing (SIGKILL, OOM): take over now.
                logger.notice(
                    "taking over the sync lease of a dead run", metadata: ["store": "\(store)", "owner": "\(holder)"])
                try await persistence.releaseLease(name: leaseName, owner: holder)
                acquired = try await persistence.acquireLease(
                    name: leaseName, owner: options.owner, ttl: options.leaseTTL, now: now())
            }
            guard acquired else {
                logger.notice("sync already running", metadata: ["store": "\(store)", "owner": "\(holder ?? "?")"])
                return StoreSyncReport(store: store, outcome: .alreadyRunning(owner: holder))
            }
        } catch {
            return StoreSyncReport(store: store, outcome: .failed("\(store): cannot take the sync lease: \(error)"))
        }
        if let completedElsewhere, let other = await completedElsewhere() {
            _ = try? await persistence.releaseLease(name: leaseName, owner: options.owner)
            return StoreSyncReport(store: store, outcome: .completedElsewhere(at: other))
        }
        let lease = LeaseKeeper(
            persistence: persistence, name: leaseName, owner: options.owner, ttl: options.leaseTTL, now: now)
        let reports = await lease.holding {
            var reports: [ResourceSyncReport] = []
            for resource in options.resources {
                if let unreachable = reports.first(where: \.storeUnreachable) {
                    reports.append(await notTried(resource, of: store, unreachableAt: unreachable.resource))
                    continue
                }
                let report = await ResourceSync(
                    persistence: persistence, connector: connector, resource: resource, full: options.full,
                    pageConcurrency: options.pageConcurrency, now: now, logger: logger, lease: lease
                ).run(stop: stop, progress: progress)
                reports.append(report)
                if case .failed = report.outcome, await lease.isLost { break }
                if await stop.isStopped { break }
            }
            return reports
        }
        _ = try? await persistence.releaseLease(name: leaseName, owner: options.owner)
        let report = StoreSyncReport(store: store, outcome: .synced, resources: reports, startedAt: startedAt)
        if report.isComplete { SyncMetrics.lag(store: store, seconds: now().timeIntervalSince(startedAt)) }
        return report
    }

    /// The report of a resource not tried because an earlier one found the
    /// store unreachable: every request would wait for the same refusal,
    /// and the run would print the same error once per resource.
    private func notTried(_ resource: ResourceKind, of store: StoreID, unreachableAt first: ResourceKind) async
        -> ResourceSyncReport
    {
        let message = "\(store) \(resource): not tried, the store could not be reached for \(first) (above)"
        try? await persistence.recordSyncFailure(store: store, resource: resource, error: message, at: now())
        return ResourceSyncReport(store: store, resource: resource, outcome: .failed(message))
    }
}
