import AftercartConfig
import AftercartConnector
import AftercartDelivery
import AftercartEngage
import AftercartModel
import AftercartServer
import AftercartStore
import AftercartSync
import AsyncHTTPClient
import Foundation
import Logging

/// Plan → send for one store at a time, after a sync (the daemon) or after a
/// webhook changed records (the server): the same planner and executor as
/// `aftercart plan` and `aftercart send`.
///
/// Requests for a store that is already cycling are coalesced into one more
/// cycle after the current one, so a burst of webhooks costs at most two
/// plans, and a store never plans twice at once.
actor EngagementCycle: PostSyncStep, WebhookFollowUp {
    private let planner: Planner
    private let executor: DeliveryExecutor
    private let connectors: [StoreID: any StoreConnector]
    private let logger: Logger
    private var running: Set<StoreID> = []
    private var again: Set<StoreID> = []

    /// The planner and executor for `configuration`, delivering through `channel`;
    /// outbox rows are leased for `leaseFor` and renewed while a batch runs.
    static func make(
        configuration: AftercartConfiguration, persistence: any Persistence, channel: any MessageChannel,
        connectors: [any StoreConnector], leaseFor: TimeInterval = 300, logger: Logger
    ) async throws -> EngagementCycle {
        guard let database = persistence as? any PlannerDatabase else {
            throw EngagementCycleError("the database at \(persistence.location) cannot plan (no planning queries)")
        }
        let planner = try await Planner.make(configuration: configuration, database: database)
        let sender = try DeliveryChannelFactory.sender(configuration.delivery)
        var options = DeliveryOptions(
            leaseFor: leaseFor, from: sender, merchantEmail: configuration.engage.merchantEmail,
            stores: Set(connectors.map(\.store)))
        options.adopt(configuration.stores)
        let executor = DeliveryExecutor(
            outbox: persistence, channel: channel, options: options, now: { Date() }, logger: logger,
            records: persistence)
        return EngagementCycle(
            planner: planner, executor: executor,
            connectors: Dictionary(connectors.map { ($0.store, $0) }) { first, _ in first }, logger: logger)
    }

    init(
        planner: Planner, executor: DeliveryExecutor, connectors: [StoreID: any StoreConnector], logger: Logger
    ) {
        self.planner = planner
        self.executor = executor
        self.connectors = connectors
        self.logger = logger
    }

    nonisolated func afterSync(store: StoreID, report: StoreSyncReport) async {
        guard report.isComplete else { return }
        await cycle(store: store)
    }

    nonisolated func recordsChanged(store: StoreID, resource: ResourceKind, ids: [String]) async {
        await cycle(store: store)
    }

    /// Plans `store` now and performs what is due; coalesces with a cycle in flight.
    func cycle(store: StoreID) async {
        if running.contains(store) {
            again.insert(store)
            return
        }
        running.insert(store)
        repeat {
            again.remove(store)
            await once(store: store)
        } while again.contains(store)
        running.remove(store)
    }

    private func once(store: StoreID) async {
        do {
            let plan = try await planner.plan(store: store, at: Date())
            let sent = try await executor.run(connectors: connectors, limit: 1_000)
            logger.info(
                "planned and sent",
                metadata: [
                    "store": "\(store)", "planned": "\(plan.written)",
                    "performed": "\(sent.count(.done))", "failed": "\(sent.hasFailures)",
                ])
        } catch {
            logger.error("plan → send failed", metadata: ["store": "\(store)", "error": "\(error)"])
        }
    }
}

/// Why plan → send cannot be wired.
struct EngagementCycleError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
