public import AftercartModel
public import Foundation

/// One webhook delivery as the server received it.
public struct WebhookReceipt: Sendable, Hashable {
    /// The store it was addressed to.
    public var store: StoreID
    /// The platform's config name.
    public var platform: String
    /// What identifies the delivery across retries and replays (the adapter decides).
    public var deliveryKey: String
    /// The topic as sent.
    public var topic: String
    /// When it arrived.
    public var receivedAt: Date

    /// Creates a receipt.
    public init(store: StoreID, platform: String, deliveryKey: String, topic: String, receivedAt: Date) {
        self.store = store
        self.platform = platform
        self.deliveryKey = deliveryKey
        self.topic = topic
        self.receivedAt = receivedAt
    }
}

/// What applying a delivery changed.
public struct WebhookApplyResult: Sendable, Hashable {
    /// The delivery was applied before; nothing was written.
    public var duplicate: Bool
    /// Platform ids inserted or changed, by resource: the subjects to plan for.
    public var changed: [ResourceKind: [String]]
    /// Records identical to the stored ones.
    public var unchanged: Int
    /// Records older (by `updatedAt`) than the stored ones, kept out.
    public var stale: Int
    /// Records newly marked vanished by a deletion.
    public var vanished: Int

    /// Creates a result.
    public init(
        duplicate: Bool, changed: [ResourceKind: [String]] = [:], unchanged: Int = 0, stale: Int = 0,
        vanished: Int = 0
    ) {
        self.duplicate = duplicate
        self.changed = changed
        self.unchanged = unchanged
        self.stale = stale
        self.vanished = vanished
    }

    /// A delivery already applied.
    public static let alreadyApplied = WebhookApplyResult(duplicate: true)
}

/// Webhook deliveries applied exactly once, with their records, without
/// touching any sync checkpoint: a webhook is news between syncs, and the
/// next incremental sync still reads from where the last one stopped.
public protocol WebhookInbox: Sendable {
    /// Whether the delivery `deliveryKey` of `store` was applied already.
    func hasWebhookDelivery(store: StoreID, deliveryKey: String) async throws -> Bool

    /// In one transaction: records the delivery, upserts `records` and marks
    /// `deleted` as vanished; or, when the delivery was recorded before,
    /// does nothing and answers ``WebhookApplyResult/duplicate``.
    ///
    /// The newer record wins: a record whose `updatedAt` is older than the
    /// stored one's is not written (deliveries arrive out of order), one
    /// with the same or a newer time is. Records without a time always are.
    ///
    /// - Throws: ``PersistenceError`` — `.invalidArgument` when a record
    ///   belongs to another store; `.invalidRecord` when one breaks a
    ///   constraint. Nothing of the delivery is kept then, so a retry applies it.
    func applyWebhook(_ receipt: WebhookReceipt, records: [any SyncRecord], deleted: [ResourceKind: [String]])
        async throws -> WebhookApplyResult

    /// Forgets deliveries received before `date` (platforms stop retrying
    /// after hours); returns how many were forgotten.
    @discardableResult
    func pruneWebhookDeliveries(receivedBefore date: Date) async throws -> Int
}
