public import AftercartModel
public import Foundation

/// A record the store sent that its adapter could not map, kept aside so
/// the rest of its page could be stored: what `aftercart status` lists,
/// and what later runs read again until it maps or is gone.
public struct RecordReject: Sendable, Hashable {
    public var store: StoreID
    public var resource: ResourceKind
    /// The record's id, what is wrong with it and its JSON, as last seen.
    public var record: RejectedRecord
    /// When a sync first rejected it.
    public var firstSeenAt: Date
    /// When a sync last found it still malformed.
    public var lastSeenAt: Date
    /// How many times a sync rejected it.
    public var attempts: Int

    public init(
        store: StoreID, resource: ResourceKind, record: RejectedRecord, firstSeenAt: Date, lastSeenAt: Date,
        attempts: Int
    ) {
        self.store = store
        self.resource = resource
        self.record = record
        self.firstSeenAt = firstSeenAt
        self.lastSeenAt = lastSeenAt
        self.attempts = attempts
    }

    /// The record's id on the platform.
    public var platformID: String { record.id }
}
