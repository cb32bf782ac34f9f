public import AftercartModel
public import Foundation

/// The rejects table: records a sync could not map, recorded in the same
/// transaction as the page that carried them, so a checkpoint passes a
/// rejected record only because it is recorded.
public protocol RejectStore: Sendable {
    /// Commits one page as ``RecordStore/commitPage(_:checkpoint:)`` does,
    /// and in the same transaction records `rejects` (a reject already
    /// recorded gets the new reason, `last_seen_at` and one more attempt)
    /// and clears the rejects of every record in `records`: a record that
    /// came back well-formed is no longer rejected.
    func commitPage<R: SyncRecord>(_ records: [R], rejects: [RejectedRecord], checkpoint: CheckpointUpdate) async throws
        -> PageCommitResult

    /// Applies a re-read of rejected records of (`store`, `resource`) in
    /// one transaction, without touching the checkpoint: upserts `records`
    /// (of `resource`; newest wins, as for pages) and clears their rejects,
    /// records `rejects` again, and clears `cleared` (ids the store skips
    /// or no longer has).
    ///
    /// - Returns: how many rejects were cleared.
    @discardableResult
    func settleRejects(
        _ records: [any SyncRecord], of resource: ResourceKind, rejects: [RejectedRecord], cleared: [String],
        store: StoreID, at: Date
    ) async throws -> Int

    /// Recorded rejects, oldest first; of one store and resource when given.
    func rejects(store: StoreID?, resource: ResourceKind?) async throws -> [RecordReject]
}
