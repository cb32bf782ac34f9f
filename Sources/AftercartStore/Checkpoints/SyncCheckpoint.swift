public import AftercartModel
public import Foundation

/// Where the sync of one (store, resource) stands.
public struct SyncCheckpoint: Sendable, Hashable, Codable {
    /// The store.
    public var store: StoreID
    /// The resource.
    public var resource: ResourceKind
    /// The connector's cursor as the sync engine encoded it; opaque to the
    /// store. `nil` before the first committed page.
    public var cursor: String?
    /// Records received in committed pages since the checkpoint was created,
    /// re-reads included (the row counts are in ``RecordCount``).
    public var recordsSynced: Int
    /// When the last page was committed.
    public var lastSuccessAt: Date?
    /// When the last page of a complete run was committed.
    public var lastCompletedAt: Date?
    /// The last failure's text, kept after later successes for `status`.
    public var lastError: String?
    /// When the last failure happened.
    public var lastErrorAt: Date?
    /// When a complete full pass last marked the records the store no
    /// longer has as vanished; `nil` if none ever did.
    public var lastReconciledAt: Date?

    /// Creates a checkpoint value.
    public init(
        store: StoreID, resource: ResourceKind, cursor: String?, recordsSynced: Int, lastSuccessAt: Date?,
        lastCompletedAt: Date?, lastError: String?, lastErrorAt: Date?, lastReconciledAt: Date? = nil
    ) {
        self.store = store
        self.resource = resource
        self.cursor = cursor
        self.recordsSynced = recordsSynced
        self.lastSuccessAt = lastSuccessAt
        self.lastCompletedAt = lastCompletedAt
        self.lastError = lastError
        self.lastErrorAt = lastErrorAt
        self.lastReconciledAt = lastReconciledAt
    }

    /// Whether the most recent event was a failure: there is an error and no
    /// page was committed after it.
    public var isFailing: Bool {
        guard let lastErrorAt else { return false }
        guard let lastSuccessAt else { return true }
        return lastErrorAt >= lastSuccessAt
    }
}
