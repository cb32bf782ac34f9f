public import AftercartModel
public import Foundation

/// A record the store sent that its adapter could not map, kept aside so
/// the rest of its page could be stored: what `aftercart status` lists,
/// and what later runs read again until it maps or is gone.
public struct RecordReject: Sendable, Hashable {
    public var store: StoreID
    public var resource: ResourceKind
    /// The record's id on the platform.
    public var platformID: String
    /// What is wrong, naming the field, as last seen.
    public var reason: String
    /// The record's JSON as last seen, secrets redacted, bounded.
    public var rawJSON: String
    /// When a sync first rejected it.
    public var firstSeenAt: Date
    /// When a sync last found it still malformed.
    public var lastSeenAt: Date
    /// How many times a sync rejected it.
    public var attempts: Int

    public init(
        store: StoreID, resource: ResourceKind, platformID: String, reason: String, rawJSON: String,
        firstSeenAt: Date, lastSeenAt: Date, attempts: Int
    ) {
        self.store = store
        self.resource = resource
        self.platformID = platformID
        self.reason = reason
        self.rawJSON = rawJSON
        self.firstSeenAt = firstSeenAt
        self.lastSeenAt = lastSeenAt
        self.attempts = attempts
    }
}
