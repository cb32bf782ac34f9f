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
    /// One page of `store`'s orders that are not vanished, in key order, as
    /// the planner scans them: each one's ``OrderPlanningProjection``, or its
    /// full payload where the row has none (written before the projection was).
    func orderPlanningPage(store: StoreID, after: RecordKey?, limit: Int) async throws -> RecordPage<StoredPayload>
    /// The stored JSON of the orders of `store` named by `ids`, by id, for the
    /// few a message is rendered for; an id without a row is left out.
    func orderPayloads(store: StoreID, ids: [String]) async throws -> [String: String]
    /// Writes the planning projection of each order of `store` that has
    /// none (rows written before it existed), from its payload, unless the
    /// row changes meanwhile; a payload that does not decode is left alone.
    ///
    /// - Returns: how many rows were given their projection.
    func backfillOrderPlanning(store: StoreID) async throws -> Int
    /// Records occurrences a plan run did not message, each once per
    /// (campaign, occurrence): a repeated run changes nothing, and the
    /// reason first recorded stays (for the outcomes report).
    func recordSuppressedOccurrences(_ occurrences: [SuppressedOccurrence], store: StoreID, now: Date) async throws
}

extension PlanningStore {
    /// Every page of ``orderPlanningPage(store:after:limit:)``, read `pageSize` rows at a time.
    public func allOrderPlanningRows(store: StoreID, pageSize: Int = 500) -> PagedSequence<StoredPayload, RecordKey> {
        PagedSequence { after in
            let page = try await self.orderPlanningPage(store: store, after: after, limit: pageSize)
            return (page.items, page.next)
        }
    }
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
