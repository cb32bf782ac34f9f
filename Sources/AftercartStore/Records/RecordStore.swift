public import AftercartModel
public import Foundation

/// Synced records, keyed by (store, platform id), one table per resource.
public protocol RecordStore: Sendable {
    /// Commits one page: upserts `records` and advances the checkpoint of
    /// (`checkpoint.store`, `checkpoint.resource`) in one transaction.
    ///
    /// This is the sync engine's unit of work: when it throws, neither the
    /// rows nor the checkpoint changed, so the page is simply read again.
    /// Records identical to the stored ones are not written, so re-applying
    /// a page changes nothing. A record marked vanished that appears again is
    /// revived. Within one page the last record with a given key wins.
    ///
    /// An empty page is allowed and only advances the checkpoint.
    ///
    /// - Throws: ``PersistenceError`` — `.invalidArgument` when a record
    ///   belongs to another store or `R.resource` differs from the
    ///   checkpoint's; `.invalidRecord` when a record breaks a constraint
    ///   (an empty platform id); `.busy` when another process holds the lock.
    func commitPage<R: SyncRecord>(_ records: [R], checkpoint: CheckpointUpdate) async throws -> PageCommitResult

    /// The record of type `R` with the given key, or `nil`.
    func record<R: SyncRecord>(_ type: R.Type, store: StoreID, platformID: String) async throws -> StoredRecord<R>?

    /// One page of records of type `R` in key order, after `after`.
    ///
    /// - Parameters:
    ///   - store: only this store's records, or every store's when `nil`.
    ///   - after: the `next` of the previous page; `nil` for the first page.
    ///   - limit: the largest page, at least 1.
    ///   - includeVanished: whether records missing upstream are included.
    func recordPage<R: SyncRecord>(
        _ type: R.Type, store: StoreID?, after: RecordKey?, limit: Int, includeVanished: Bool
    ) async throws -> RecordPage<StoredRecord<R>>

    /// One page of the live (not vanished) records of type `R` of `store`
    /// created at or after `since`, in key order: the recent orders a
    /// tracking round looks at, without decoding the rest of the store.
    ///
    /// - Throws: ``PersistenceError`` `.invalidArgument` for a resource
    ///   whose rows carry no creation time (coupons, loyalty accounts).
    func recordPage<R: SyncRecord>(
        _ type: R.Type, store: StoreID, createdSince since: Date, after: RecordKey?, limit: Int
    ) async throws -> RecordPage<StoredRecord<R>>

    /// One page of stored JSON payloads of `resource`, like
    /// ``recordPage(_:store:after:limit:includeVanished:)`` but without decoding.
    func payloadPage(
        _ resource: ResourceKind, store: StoreID?, after: RecordKey?, limit: Int, includeVanished: Bool
    ) async throws -> RecordPage<StoredPayload>

    /// Row counts per (store, resource) that has rows, sorted by store then resource.
    func recordCounts() async throws -> [RecordCount]

    /// Marks records as missing upstream by setting their `vanished_at`;
    /// rows are never deleted. Records already marked keep their first time.
    ///
    /// - Returns: how many records were newly marked.
    @discardableResult
    func markVanished(_ resource: ResourceKind, store: StoreID, platformIDs: [String], at: Date) async throws -> Int
}
