public import AftercartModel
public import AftercartStore

/// What one ``DeliveryExecutor/run(connectors:limit:)`` did, row by row.
public struct DeliveryReport: Sendable {
    /// What happened to one row.
    public enum Outcome: String, Sendable, Hashable, CaseIterable {
        /// Performed and recorded.
        case done
        /// Not performed because the platform cannot do it; final, nothing written.
        case skipped
        /// Failed for now; pending again until its retry time.
        case retrying
        /// Failed for good (a refusal, bad input, or too many attempts).
        case failed
        /// An email whose earlier send was interrupted: left for an operator.
        case unknown
        /// Put back until the actions it depends on are done.
        case waiting
        /// Another worker took the row over before we recorded it.
        case lostLease = "lost_lease"
    }

    /// One row's result.
    public struct Line: Sendable, Hashable {
        public var id: Int64
        public var idempotencyKey: String
        public var store: StoreID
        public var campaign: String
        public var action: OutboxAction
        public var outcome: Outcome
        /// The result (a coupon id, a file) or the error.
        public var detail: String
    }

    public var lines: [Line] = []

    public init() {}

    mutating func add(_ entry: OutboxEntry, _ outcome: Outcome, _ detail: String) {
        lines.append(
            Line(
                id: entry.id, idempotencyKey: entry.idempotencyKey, store: entry.store, campaign: entry.campaign,
                action: entry.action, outcome: outcome, detail: detail))
    }

    /// How many rows ended with `outcome`.
    public func count(_ outcome: Outcome) -> Int { lines.filter { $0.outcome == outcome }.count }

    /// How many rows of `action` ended with `outcome`.
    public func count(_ action: OutboxAction, _ outcome: Outcome) -> Int {
        lines.filter { $0.action == action && $0.outcome == outcome }.count
    }

    /// Whether something needs attention: a failure now or for good, or an
    /// interrupted send (`aftercart send` then exits 1).
    public var hasFailures: Bool {
        lines.contains { [.retrying, .failed, .unknown, .lostLease].contains($0.outcome) }
    }

    /// One line per outcome, e.g. `done 12 (create_coupon 4, send_email 8)`.
    public var summaryLines: [String] {
        Outcome.allCases.compactMap { outcome in
            let total = count(outcome)
            guard total > 0 else { return nil }
            let parts = OutboxAction.allCases.compactMap { action -> String? in
                let n = count(action, outcome)
                return n > 0 ? "\(action.rawValue) \(n)" : nil
            }
            return "\(outcome.rawValue) \(total) (\(parts.joined(separator: ", ")))"
        }
    }
}
