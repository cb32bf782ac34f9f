public import AftercartModel
public import Foundation

/// What one plan run for one store decided.
public struct PlanReport: Sendable {
    /// The store.
    public var store: StoreID
    /// The instant the campaigns were evaluated at.
    public var at: Date
    /// New actions, in the order they are (or would be) enqueued.
    public var actions: [PlannedAction]
    /// How many of `actions` were written (0 on a dry run).
    public var written: Int
    /// Per campaign, in config order.
    public var campaigns: [CampaignSummary]
    /// Distinct customers and guests in the store's data, each evaluated.
    public var customersEvaluated: Int
    /// Orders read.
    public var ordersRead: Int
    /// Time spent reading and decoding the store's records (for benchmarks).
    public var loadDuration: Duration = .zero
    /// Time spent evaluating campaigns, after loading and before writing.
    public var evaluateDuration: Duration = .zero

    /// What one campaign did in a run.
    public struct CampaignSummary: Sendable, Hashable {
        /// The campaign's name.
        public var name: String
        /// Firings that produced new actions.
        public var planned: Int
        /// New outbox rows (an email with its coupon counts two).
        public var actions: Int
        /// Firings whose actions were planned by an earlier run.
        public var alreadyPlanned: Int
        /// Firings that produced nothing, by reason.
        public var suppressed: [SuppressionReason: Int]

        /// An empty summary.
        public init(name: String) {
            self.name = name
            planned = 0
            actions = 0
            alreadyPlanned = 0
            suppressed = [:]
        }

        /// `review-request: 12 planned (14 actions), 3 already planned, suppressed: no_consent 4`.
        public var line: String {
            var text = "\(name): \(planned) planned (\(actions) actions), \(alreadyPlanned) already planned"
            if !suppressed.isEmpty {
                text +=
                    ", suppressed: "
                    + suppressed.sorted { $0.key < $1.key }.map { "\($0.key.rawValue) \($0.value)" }.joined(
                        separator: ", ")
            }
            return text
        }
    }
}
