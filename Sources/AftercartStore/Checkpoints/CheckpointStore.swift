public import AftercartModel
public import Foundation

/// Sync checkpoints per (store, resource). Pages advance them through
/// ``RecordStore/commitPage(_:checkpoint:)``; this protocol reads them and
/// records failures.
public protocol CheckpointStore: Sendable {
    /// The checkpoint of one store and resource, or `nil` if it never synced.
    func checkpoint(store: StoreID, resource: ResourceKind) async throws -> SyncCheckpoint?

    /// Every checkpoint, sorted by store then resource.
    func checkpoints() async throws -> [SyncCheckpoint]

    /// Records that syncing (`store`, `resource`) failed at `at`, leaving the
    /// cursor alone. Long texts are cut to 2,000 characters.
    func recordSyncFailure(store: StoreID, resource: ResourceKind, error: String, at: Date) async throws

    /// Records that a complete full pass of (`store`, `resource`) marked
    /// what the store no longer has at `at` (``SyncCheckpoint/lastReconciledAt``).
    func recordReconciliation(store: StoreID, resource: ResourceKind, at: Date) async throws
}
