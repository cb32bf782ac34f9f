public import AftercartModel
public import Foundation

/// A synced record together with what the store knows about its row.
public struct StoredRecord<Record: SyncRecord>: Sendable, Hashable {
    /// The record as last synced.
    public var record: Record
    /// When this database last saw the record's content change (insert or
    /// update); a re-applied identical page leaves it alone.
    public var changedAt: Date
    /// When the record was found missing upstream; `nil` while it exists.
    public var vanishedAt: Date?

    /// Creates a stored record.
    public init(record: Record, changedAt: Date, vanishedAt: Date?) {
        self.record = record
        self.changedAt = changedAt
        self.vanishedAt = vanishedAt
    }

    /// The record's key.
    public var key: RecordKey { RecordKey(record) }
}

/// A record's normalized JSON exactly as stored, for export without
/// decoding and re-encoding.
///
/// The JSON is the ``ModelJSON`` encoding of the record with keys sorted, one
/// line, no trailing newline.
public struct StoredPayload: Sendable, Hashable {
    /// Which resource the record belongs to.
    public var resource: ResourceKind
    /// The record's key.
    public var key: RecordKey
    /// The record's normalized JSON.
    public var json: String
    /// When the record was found missing upstream; `nil` while it exists.
    public var vanishedAt: Date?

    /// Creates a stored payload.
    public init(resource: ResourceKind, key: RecordKey, json: String, vanishedAt: Date?) {
        self.resource = resource
        self.key = key
        self.json = json
        self.vanishedAt = vanishedAt
    }
}
