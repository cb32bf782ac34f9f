public import AftercartModel
public import Foundation
import PostgresNIO

extension PostgresPersistence {
    public func checkpoint(store: StoreID, resource: ResourceKind) async throws -> SyncCheckpoint? {
        try await withConnection("reading the \(store) \(resource) checkpoint") { connection in
            try await self.fetchCheckpoint(connection, store: store, resource: resource)
        }
    }

    public func checkpoints() async throws -> [SyncCheckpoint] {
        try await withConnection("reading checkpoints") { connection in
            try await self.rows(
                PostgresQuery(
                    unsafeSQL: "SELECT \(Self.checkpointColumns) FROM sync_checkpoints ORDER BY store, resource"),
                on: connection
            ).compactMap(Self.checkpoint(from:))
        }
    }

    public func recordSyncFailure(store: StoreID, resource: ResourceKind, error: String, at: Date) async throws {
        let text = String(error.prefix(Self.maximumErrorLength))
        try await withConnection("recording a \(store) \(resource) sync failure") { connection in
            try await self.run(
                """
                INSERT INTO sync_checkpoints (store, resource, last_error, last_error_at)
                VALUES (\(store.rawValue), \(resource.rawValue), \(text), \(at))
                ON CONFLICT (store, resource) DO UPDATE SET
                    last_error = EXCLUDED.last_error, last_error_at = EXCLUDED.last_error_at
                """, on: connection)
        }
    }

    // MARK: - Inside a page's transaction

    /// Moves the checkpoint forward as part of ``commitPage(_:checkpoint:)``
    /// and returns it as stored.
    func advanceCheckpoint(_ connection: PostgresConnection, _ update: CheckpointUpdate, received: Int) async throws
        -> SyncCheckpoint
    {
        let completed: Date? = update.completesRun ? update.at : nil
        let rows = try await rows(
            """
            INSERT INTO sync_checkpoints AS c
                (store, resource, cursor, records_synced, last_success_at, last_completed_at)
            VALUES (\(update.store.rawValue), \(update.resource.rawValue), \(update.cursor), \(received),
                    \(update.at), \(completed))
            ON CONFLICT (store, resource) DO UPDATE SET
                cursor = EXCLUDED.cursor,
                records_synced = c.records_synced + EXCLUDED.records_synced,
                last_success_at = EXCLUDED.last_success_at,
                last_completed_at = COALESCE(EXCLUDED.last_completed_at, c.last_completed_at)
            RETURNING \(unescaped: Self.checkpointColumns)
            """, on: connection)
        guard let saved = try rows.first.flatMap(Self.checkpoint(from:)) else {
            throw PersistenceError(
                kind: .failed, location: location,
                what: "the \(update.store) \(update.resource) checkpoint was not returned by its own upsert",
                fix: "retry; if it persists, report it with this message")
        }
        return saved
    }

    private static let checkpointColumns = """
        store, resource, cursor, records_synced, last_success_at, last_completed_at, last_error, last_error_at
        """

    private func fetchCheckpoint(_ connection: PostgresConnection, store: StoreID, resource: ResourceKind)
        async throws -> SyncCheckpoint?
    {
        try await rows(
            """
            SELECT \(unescaped: Self.checkpointColumns) FROM sync_checkpoints
            WHERE store = \(store.rawValue) AND resource = \(resource.rawValue)
            """, on: connection
        ).first.flatMap(Self.checkpoint(from:))
    }

    /// `nil` for a resource this binary doesn't know, which only a newer
    /// binary could have written; `status` then shows the ones it knows.
    private static func checkpoint(from row: PostgresRow) throws -> SyncCheckpoint? {
        let (store, resource, cursor, synced, success, completed, error, errorAt) = try row.decode(
            (String, String, String?, Int, Date?, Date?, String?, Date?).self)
        guard let resource = ResourceKind(rawValue: resource) else { return nil }
        return SyncCheckpoint(
            store: StoreID(store), resource: resource, cursor: cursor, recordsSynced: synced, lastSuccessAt: success,
            lastCompletedAt: completed, lastError: error, lastErrorAt: errorAt)
    }
}
