public import AftercartModel

/// The identity of a synced record within its resource: the store it came
/// from and the platform's id. Records are ordered by store, then by id as
/// text, which is the stable order of every paged read.
public struct RecordKey: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The store the record came from.
    public var store: StoreID
    /// The platform's id, unique within the store and resource.
    public var platformID: String

    /// Creates a key.
    public init(store: StoreID, platformID: String) {
        self.store = store
        self.platformID = platformID
    }

    /// The key of `record`.
    public init(_ record: some SyncRecord) {
        self.init(store: record.store, platformID: record.platformID)
    }

    /// Byte-wise UTF-8 order, the order SQLite's `BINARY` collation and
    /// PostgreSQL's `C` collation use, so keys sort here as pages come back.
    /// (Swift's `String <` compares Unicode-normalized text, which can differ.)
    public static func < (lhs: RecordKey, rhs: RecordKey) -> Bool {
        if lhs.store != rhs.store {
            return lhs.store.rawValue.utf8.lexicographicallyPrecedes(rhs.store.rawValue.utf8)
        }
        return lhs.platformID.utf8.lexicographicallyPrecedes(rhs.platformID.utf8)
    }

    public var description: String { "\(store)/\(platformID)" }
}
