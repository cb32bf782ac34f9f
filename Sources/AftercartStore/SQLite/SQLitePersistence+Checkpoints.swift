public import AftercartModel
public import Foundation
import GRDB

extension SQLitePersistence {
    /// Failure texts longer than this are cut: a status line, not a dump.
    static let maximumErrorLength = 2_000

    public func checkpoint(store: StoreID, resource: ResourceKind) async throws -> SyncCheckpoint? {
        try await read("reading the \(store) \(resource) checkpoint") { db in
            try Self.fetchCheckpoint(db, store: store, resource: resource)
        }
    }

    public func checkpoints() async throws -> [SyncCheckpoint] {
        try await read("reading checkpoints") { db in
            try Row.fetchAll(db, sql: "SELECT \(Self.checkpointColumns) FROM sync_checkpoints ORDER BY store, resource")
                .compactMap(Self.checkpoint(from:))
        }
    }

    public func recordSyncFailure(store: StoreID, resource: ResourceKind, error: String, at: Date) async throws {
        let text = String(error.prefix(Self.maximumErrorLength))
        try await write("recording a \(store) \(resource) sync failure") { db in
            try db.execute(
                sql: """
                    INSERT INTO sync_checkpoints (store, resource, last_error, last_error_at) VALUES (?, ?, ?, ?)
                    ON CONFLICT (store, resource) DO UPDATE SET
                        last_error = excluded.last_error, last_error_at = excluded.last_error_at
                    """,
                arguments: [store.rawValue, resource.rawValue, text, SQLiteTime.text(at)])
        }
    }

    // MARK: - Inside a page's transaction

    /// Moves the checkpoint forward as part of ``commitPage(_:checkpoint:)``
    /// and returns it as stored.
    static func advanceCheckpoint(_ db: Database, _ update: CheckpointUpdate, received: Int) throws -> SyncCheckpoint {
        let at = SQLiteTime.text(update.at)
        try db.execute(
            sql: """
                INSERT INTO sync_checkpoints (store, resource, cursor, records_synced, last_success_at, last_completed_at)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (store, resource) DO UPDATE SET
                    cursor = excluded.cursor,
                    records_synced = records_synced + excluded.records_synced,
                    last_success_at = excluded.last_success_at,
                    last_completed_at = COALESCE(excluded.last_completed_at, last_completed_at)
                """,
            arguments: [
                update.store.rawValue, update.resource.rawValue, update.cursor, received, at,
                update.completesRun ? at : nil,
            ])
        guard let saved = try fetchCheckpoint(db, store: update.store, resource: update.resource) else {
            throw DatabaseError(message: "the checkpoint row vanished inside its own transaction")
        }
        return saved
    }

    private static let checkpointColumns = """
        store, resource, cursor, records_synced, last_success_at, last_completed_at, last_error, last_error_at
        """

    private static func fetchCheckpoint(_ db: Database, store: StoreID, resource: ResourceKind) throws
        -> SyncCheckpoint?
    {
        try Row.fetchOne(
            db, sql: "SELECT \(checkpointColumns) FROM sync_checkpoints WHERE store = ? AND resource = ?",
            arguments: [store.rawValue, resource.rawValue]
        ).flatMap(checkpoint(from:))
    }

    /// `nil` for a resource this binary doesn't know, which only a newer
    /// binary could have written; `status` then shows the ones it knows.
    private static func checkpoint(from row: Row) -> SyncCheckpoint? {
        guard let resource = ResourceKind(rawValue: row[1]) else { return nil }
        return SyncCheckpoint(
            store: StoreID(row[0] as String), resource: resource, cursor: row[2], recordsSynced: row[3],
            lastSuccessAt: SQLiteTime.date(row[4]), lastCompletedAt: SQLiteTime.date(row[5]), lastError: row[6],
            lastErrorAt: SQLiteTime.date(row[7]))
    }
}
