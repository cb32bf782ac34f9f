public import AftercartConnector
public import AftercartModel
public import AftercartStore
public import Foundation
public import Logging

/// Performs due outbox rows: coupons, order notes and customer tags through
/// each store's connector, emails and support alerts through a channel.
///
/// - Every row is claimed with a lease first, so two workers never perform
///   the same row, and a dead worker's rows are taken over.
/// - Coupons are looked up by their deterministic code before they are
///   created: a crash between create and record finds the coupon next time.
/// - Emails are sent at most once: the row is marked "sending" durably before
///   the channel is called; if the worker dies then, the row becomes
///   `unknown` and waits for an operator (``resend(id:)``).
/// - An email whose `after` rows are not done yet waits (it is not failed).
/// - Transient failures are retried with exponential backoff, up to
///   ``DeliveryOptions/maxAttempts`` claims; then the row fails for good.
public struct DeliveryExecutor: Sendable {
    let outbox: any OutboxStore
    let channel: any MessageChannel
    let options: DeliveryOptions
    let now: @Sendable () -> Date
    let logger: Logger
    /// The synced records, to re-check at send time that a row's order is
    /// still in the store; `nil` skips that check.
    let records: (any RecordStore)?

    /// - Parameters:
    ///   - now: the clock; injected so tests and the demo freeze time.
    ///   - records: where synced orders are, so a row whose order was
    ///     trashed or deleted after planning is not performed.
    public init(
        outbox: any OutboxStore, channel: any MessageChannel, options: DeliveryOptions,
        now: @escaping @Sendable () -> Date, logger: Logger, records: (any RecordStore)? = nil
    ) {
        self.records = records
        self.outbox = outbox
        self.channel = channel
        self.options = options
        self.now = now
        self.logger = logger
    }

    /// Performs up to `limit` due rows, batch by batch, and reports each.
    ///
    /// - Parameter connectors: one connector per configured store; a row of a
    ///   store without one fails with an error saying so.
    /// - Throws: only database errors; every action's failure is in the report.
    public func run(connectors: [StoreID: any StoreConnector], limit: Int = .max) async throws -> DeliveryReport {
        var report = DeliveryReport()
        try await takeOverDeadWorkers()
        for entry in try await outbox.expireInterruptedSends(now: now()) {
            report.add(entry, .unknown, entry.lastError ?? "send interrupted")
            DeliveryMetrics.action(entry.action, .unknown)
        }
        var remaining = limit
        while remaining > 0 {
            let claims = try await outbox.claimDue(
                owner: options.owner, limit: min(options.batchSize, remaining), leaseFor: options.leaseFor,
                now: now(), stores: options.stores)
            if claims.isEmpty { break }
            remaining -= claims.count
            // Store writes first: an email that names a coupon claimed in the
            // same batch then finds it done instead of waiting.
            let ordered = claims.enumerated().sorted { lhs, rhs in
                (Self.rank(lhs.element.entry.action), lhs.offset) < (Self.rank(rhs.element.entry.action), rhs.offset)
            }.map(\.element)
            var renewedAt = now()
            var lost: Set<Int64> = []
            for (position, claim) in ordered.enumerated() {
                // A batch of slow sends can outlast one lease: the rest of the
                // batch is renewed every third of a lease, and a row whose
                // lease ran out anyway belongs to another worker now.
                if now().timeIntervalSince(renewedAt) >= options.leaseFor / 3 {
                    renewedAt = now()
                    let rest = ordered[position...].map(\.entry.id)
                    let held = try await outbox.renewClaims(
                        ids: rest, owner: options.owner, leaseFor: options.leaseFor, now: renewedAt)
                    lost.formUnion(rest.filter { !held.contains($0) })
                }
                if lost.contains(claim.entry.id) {
                    report.add(claim.entry, .lostLease, "the lease ran out before this worker reached the row")
                    DeliveryMetrics.action(claim.entry.action, .lostLease)
                    continue
                }
                let step = await perform(claim, connector: connectors[claim.entry.store])
                let (outcome, detail) = try await record(claim.entry, step)
                report.add(claim.entry, outcome, detail)
                DeliveryMetrics.action(claim.entry.action, outcome)
                if outcome != .done {
                    logger.log(
                        level: outcome == .waiting ? .debug : outcome == .skipped ? .info : .warning,
                        "\(claim.entry.action.rawValue) \(outcome.rawValue)",
                        metadata: [
                            "outbox_id": "\(claim.entry.id)", "store": "\(claim.entry.store)",
                            "detail": "\(detail)",
                        ])
                }
            }
            await channel.finishBatch()
        }
        return report
    }

    /// What ``run(connectors:limit:)`` would do now, without claiming anything.
    public func preview(limit: Int = 1_000) async throws -> [DeliveryPreview] {
        let moment = now()
        var previews: [DeliveryPreview] = []
        for entry in try await outbox.outboxEntries(in: .pending, limit: max(limit, 1) * 4)
        where entry.notBefore <= moment && (options.stores?.contains(entry.store) ?? true) {
            previews.append(DeliveryPreview(entry: entry, summary: PayloadSummary.describe(entry)))
            if previews.count >= limit { break }
        }
        return previews
    }

    /// An operator's decision to perform a `failed` or `unknown` row again
    /// (an `unknown` email may then reach the customer twice).
    ///
    /// - Returns: `false` when the row is in no such state.
    public func resend(id: Int64) async throws -> Bool {
        let moment = now()
        return try await outbox.requeue(id: id, at: moment, now: moment)
    }

    /// Ends the leases of workers on this host that died holding rows
    /// (SIGKILL, OOM), so this run performs those rows now rather than
    /// after the lease; a row caught mid-send turns `unknown` as usual.
    private func takeOverDeadWorkers() async throws {
        let moment = now()
        for lease in try await outbox.outboxLeases()
        where lease.isHeld(at: moment) && lease.owner != options.owner && !options.isOwnerAlive(lease.owner) {
            let ended = try await outbox.expireOutboxLeases(owner: lease.owner, now: moment)
            logger.notice(
                "taking over the outbox rows of a dead worker",
                metadata: ["owner": "\(lease.owner)", "rows": "\(ended)"])
        }
    }

    private static func rank(_ action: OutboxAction) -> Int {
        switch action {
        case .createCoupon: 0
        case .addOrderNote, .tagCustomer, .withdrawConsent: 1
        case .sendEmail, .supportAlert: 2
        }
    }
}

/// A row ``DeliveryExecutor/run(connectors:limit:)`` would perform.
public struct DeliveryPreview: Sendable, Hashable {
    public var entry: OutboxEntry
    /// What it would do, in one line.
    public var summary: String
}
