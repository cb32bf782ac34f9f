public import AftercartModel
public import Foundation

/// An action the planner wants done, before it gets an outbox row.
public struct NewOutboxEntry: Sendable, Hashable {
    /// The deterministic key (campaign, store, subject id, step); a key that
    /// exists is never planned again.
    public var idempotencyKey: String
    /// The store the action concerns.
    public var store: StoreID
    /// The campaign that planned it.
    public var campaign: String
    /// The kind of record the action is about (an order, a customer, a review).
    public var subjectKind: ResourceKind
    /// The platform id of that record.
    public var subjectID: String
    /// What to do.
    public var action: OutboxAction
    /// The action's parameters as JSON text; the store never reads it.
    public var payload: String
    /// The earliest time to perform it (delays, quiet hours).
    public var notBefore: Date

    /// Creates an entry to enqueue.
    public init(
        idempotencyKey: String, store: StoreID, campaign: String, subjectKind: ResourceKind, subjectID: String,
        action: OutboxAction, payload: String, notBefore: Date
    ) {
        self.idempotencyKey = idempotencyKey
        self.store = store
        self.campaign = campaign
        self.subjectKind = subjectKind
        self.subjectID = subjectID
        self.action = action
        self.payload = payload
        self.notBefore = notBefore
    }
}
