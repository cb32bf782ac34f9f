public import AftercartModel
public import Foundation

/// An outbox row: a planned action with its delivery state.
public struct OutboxEntry: Sendable, Hashable, Identifiable {
    /// The row id, increasing in insertion order.
    public var id: Int64
    /// The deterministic key the planner gave it; unique.
    public var idempotencyKey: String
    /// The store the action concerns.
    public var store: StoreID
    /// The campaign that planned it.
    public var campaign: String
    /// The kind of record the action is about.
    public var subjectKind: ResourceKind
    /// The platform id of that record.
    public var subjectID: String
    /// What to do.
    public var action: OutboxAction
    /// The action's parameters as JSON text.
    public var payload: String
    /// Where it is in its life.
    public var state: OutboxState
    /// How many times it was claimed.
    public var attempts: Int
    /// The earliest time to perform it.
    public var notBefore: Date
    /// The worker holding the lease, while `leased`.
    public var leaseOwner: String?
    /// When the lease lapses, while `leased`.
    public var leaseExpiresAt: Date?
    /// What the action produced when done (a coupon id, a message id).
    public var result: String?
    /// The last failure's text.
    public var lastError: String?
    /// When it was enqueued.
    public var createdAt: Date
    /// When its row last changed.
    public var updatedAt: Date

    /// Creates an entry value, as a backend reads it.
    public init(
        id: Int64, idempotencyKey: String, store: StoreID, campaign: String, subjectKind: ResourceKind,
        subjectID: String, action: OutboxAction, payload: String, state: OutboxState, attempts: Int,
        notBefore: Date, leaseOwner: String?, leaseExpiresAt: Date?, result: String?, lastError: String?,
        createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.idempotencyKey = idempotencyKey
        self.store = store
        self.campaign = campaign
        self.subjectKind = subjectKind
        self.subjectID = subjectID
        self.action = action
        self.payload = payload
        self.state = state
        self.attempts = attempts
        self.notBefore = notBefore
        self.leaseOwner = leaseOwner
        self.leaseExpiresAt = leaseExpiresAt
        self.result = result
        self.lastError = lastError
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}
