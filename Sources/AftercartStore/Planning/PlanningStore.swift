public import AftercartModel
public import Foundation

/// What the engagement planner reads and keeps besides records and the
/// outbox: bulk views of what was already planned (so one plan run needs no
/// per-customer query) and a little planner state.
public protocol PlanningStore: Sendable {
    /// Every idempotency key the outbox holds for `store`, whatever its state.
    func plannedKeys(store: StoreID) async throws -> Set<String>
    /// The store's `send_email` rows due at or after `since` that are not
    /// cancelled, for frequency caps.
    func plannedEmails(store: StoreID, since: Date) async throws -> [PlannedEmailRow]
    /// The last tier the planner saw per customer id of `store` (for `tier_changed`).
    func observedTiers(store: StoreID) async throws -> [String: String]
    /// Records the tiers seen now; customers not named keep their last tier.
    func recordObservedTiers(store: StoreID, tiers: [String: String], now: Date) async throws
    /// A per-install secret named `name`, created from `makeValue` on first use
    /// and returned unchanged ever after.
    func installSecret(named name: String, makeValue: @Sendable () -> String) async throws -> String
    /// Records `suppression` for `email` (compared lowercased) in `store`.
    /// Recording it again changes nothing; `forgotten` outranks `unsubscribed`.
    func recordSuppression(_ suppression: CustomerSuppression, store: StoreID, email: String, now: Date) async throws
    /// The suppressions recorded for `store`, by lowercased email; the
    /// strongest one when both were recorded. A customer forgotten by
    /// erasure appears under their pseudonym only.
    func suppressions(store: StoreID) async throws -> [String: CustomerSuppression]
}

/// One planned email as the frequency cap needs it.
public struct PlannedEmailRow: Sendable, Hashable {
    /// The row's idempotency key.
    public var idempotencyKey: String
    /// The campaign that planned it.
    public var campaign: String
    /// When it goes (or went).
    public var notBefore: Date
    /// The `EmailAction` JSON.
    public var payload: String

    /// Creates a row.
    public init(idempotencyKey: String, campaign: String, notBefore: Date, payload: String) {
        self.idempotencyKey = idempotencyKey
        self.campaign = campaign
        self.notBefore = notBefore
        self.payload = payload
    }
}
