public import AftercartModel
public import Foundation

extension SQLPersistence {
    public func checkpoint(store: StoreID, resource: ResourceKind) async throws -> SyncCheckpoint? {
        try await executor.read("reading the \(store) \(resource) checkpoint") { connection in
            try await connection.query(
                "SELECT \(Self.checkpointColumns) FROM sync_checkpoints WHERE store = ? AND resource = ?",
                [.text(store.rawValue), .text(resource.rawValue)]
            ).first.flatMap(Self.checkpoint(from:))
        }
    }

    public func checkpoints() async throws -> [SyncCheckpoint] {
        try await executor.read("reading checkpoints") { connection in
            try await connection.query(
                "SELECT \(Self.checkpointColumns) FROM sync_checkpoints ORDER BY store, resource", []
            ).compactMap(Self.checkpoint(from:))
        }
    }

    public func recordSyncFailure(store: StoreID, resource: ResourceKind, error: String, at: Date) async throws {
        let text = String(error.prefix(Self.maximumErrorLength))
        try await executor.transaction("recording a \(store) \(resource) sync failure") { connection in
            try await connection.execute(
                """
                INSERT INTO sync_checkpoints (store, resource, last_error, last_error_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (store, resource) DO UPDATE SET
                    last_error = excluded.last_error, last_error_at = excluded.last_error_at
                """,
                [.text(store.rawValue), .text(resource.rawValue), .text(text), .time(at)])
        }
    }

    public func recordReconciliation(store: StoreID, resource: ResourceKind, at: Date) async throws {
        try await executor.transaction("recording a \(store) \(resource) reconciliation") { connection in
            try await connection.execute(
                "UPDATE sync_checkpoints SET last_reconciled_at = ? WHERE store = ? AND resource = ?",
                [.time(at), .text(store.rawValue), .text(resource.rawValue)])
        }
    }

    // MARK: - Inside a page's transaction

    /// Moves the checkpoint forward as part of ``commitPage(_:checkpoint:)``
    /// and returns it as stored.
    func advanceCheckpoint(_ update: CheckpointUpdate, received: Int, on connection: Executor.Connection)
        async throws -> SyncCheckpoint
    {
        let rows = try await connection.query(
            """
            INSERT INTO sync_checkpoints (store, resource, cursor, records_synced, last_success_at, last_completed_at)
            VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (store, resource) DO UPDATE SET
                cursor = excluded.cursor,
                records_synced = sync_checkpoints.records_synced + excluded.records_synced,
                last_success_at = excluded.last_success_at,
                last_completed_at = COALESCE(excluded.last_completed_at, sync_checkpoints.last_completed_at)
            RETURNING \(Self.checkpointColumns)
            """,
            [
                .text(update.store.rawValue), .text(update.resource.rawValue), .text(update.cursor),
                .integer(received), .time(update.at), .time(update.completesRun ? update.at : nil),
            ])
        guard let saved = try rows.first.flatMap(Self.checkpoint(from:)) else {
            throw PersistenceError(
                kind: .failed, location: location,
                what: "the \(update.store) \(update.resource) checkpoint was not returned by its own upsert",
                fix: "retry; if it persists, report it with this message")
        }
        return saved
    }

    private static var checkpointColumns: String {
        "store, resource, cursor, records_synced, last_success_at, last_completed_at, last_error, last_error_at, "
            + "last_reconciled_at"
    }

    /// `nil` for a resource this binary doesn't know, which only a newer
    /// binary could have written; `status` then shows the ones it knows.
    private static func checkpoint(from row: SQLRow) throws -> SyncCheckpoint? {
        guard let resource = ResourceKind(rawValue: try row.text(1)) else { return nil }
        return SyncCheckpoint(
            store: StoreID(try row.text(0)), resource: resource, cursor: try row.optionalText(2),
            recordsSynced: try row.int(3), lastSuccessAt: try row.optionalTime(4),
            lastCompletedAt: try row.optionalTime(5), lastError: try row.optionalText(6),
            lastErrorAt: try row.optionalTime(7), lastReconciledAt: try row.optionalTime(8))
    }
}
