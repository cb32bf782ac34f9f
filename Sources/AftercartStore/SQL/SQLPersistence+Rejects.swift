public import AftercartModel
public import Foundation

extension SQLPersistence {
    public func commitPage<R: SyncRecord>(_ records: [R], rejects: [RejectedRecord], checkpoint: CheckpointUpdate)
        async throws -> PageCommitResult
    {
        guard R.resource == checkpoint.resource else {
            throw PersistenceError(
                kind: .invalidArgument, location: location,
                what: "a page of \(R.resource) was committed with the checkpoint of \(checkpoint.resource)",
                fix: "this is a bug in the sync engine; report it with this message")
        }
        let forgotten = try await forgottenCustomers(store: checkpoint.store)
        let rows = try prepareRows(
            records, store: checkpoint.store, arrivedIn: "a page", producer: "sync engine or the connector",
            forgotten: forgotten)
        let operation = "committing a page of \(checkpoint.store) \(checkpoint.resource)"
        return try await executor.transaction(operation) { connection in
            let outcome = try await self.writeNewer(
                rows, store: checkpoint.store, changedAt: checkpoint.at, on: connection, refused: "its page")
            _ = try await self.clearRejects(
                R.resource, store: checkpoint.store, ids: rows.map(\.key.platformID), on: connection)
            try await self.recordRejects(
                rejects, R.resource, store: checkpoint.store, at: checkpoint.at, forgotten: forgotten, on: connection)
            let saved = try await self.advanceCheckpoint(checkpoint, received: records.count, on: connection)
            return PageCommitResult(
                inserted: outcome.inserted, updated: outcome.updated, unchanged: outcome.unchanged + outcome.stale,
                checkpoint: saved)
        }
    }

    @discardableResult
    public func settleRejects(
        _ records: [any SyncRecord], of resource: ResourceKind, rejects: [RejectedRecord], cleared: [String],
        store: StoreID, at: Date
    ) async throws -> Int {
        if let stray = records.first(where: { type(of: $0).resource != resource }) {
            throw PersistenceError(
                kind: .invalidArgument, location: location,
                what: "a re-read of \(resource) carried a \(type(of: stray).resource) record",
                fix: "this is a bug in the sync engine; report it with this message")
        }
        let forgotten = try await forgottenCustomers(store: store)
        let rows = try prepareRows(
            records, store: store, arrivedIn: "a re-read", producer: "connector", forgotten: forgotten)
        return try await executor.transaction("settling \(store) \(resource) rejects") { connection in
            _ = try await self.writeNewer(rows, store: store, changedAt: at, on: connection, refused: "the re-read")
            try await self.recordRejects(rejects, resource, store: store, at: at, forgotten: forgotten, on: connection)
            return try await self.clearRejects(
                resource, store: store, ids: rows.map(\.key.platformID) + cleared, on: connection)
        }
    }

    public func rejects(store: StoreID?, resource: ResourceKind?) async throws -> [RecordReject] {
        var conditions: [String] = []
        var arguments: [SQLValue] = []
        if let store {
            conditions.append("store = ?")
            arguments.append(.text(store.rawValue))
        }
        if let resource {
            conditions.append("resource = ?")
            arguments.append(.text(resource.rawValue))
        }
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let frozen = arguments
        let rows = try await executor.read("reading rejected records") { connection in
            try await connection.query(
                """
                SELECT store, resource, platform_id, reason, raw_json, first_seen_at, last_seen_at, attempts
                FROM sync_rejects \(filter) ORDER BY first_seen_at, store, resource, platform_id
                """, frozen)
        }
        return try rows.compactMap { row in
            // A resource only a newer binary knows is left out, as checkpoints do.
            guard let resource = ResourceKind(rawValue: try row.text(1)) else { return nil }
            let record = RejectedRecord(id: try row.text(2), reason: try row.text(3), rawJSON: try row.text(4))
            return RecordReject(
                store: StoreID(try row.text(0)), resource: resource, record: record, firstSeenAt: try row.time(5),
                lastSeenAt: try row.time(6), attempts: try row.int(7))
        }
    }

    // MARK: - Inside a transaction

    /// Inserts each reject, or bumps the one recorded for its id; the raw
    /// JSON of one that names a forgotten customer's address is erased.
    private func recordRejects(
        _ rejects: [RejectedRecord], _ resource: ResourceKind, store: StoreID, at: Date,
        forgotten: ForgottenCustomers, on connection: Executor.Connection
    ) async throws {
        for var reject in rejects {
            if forgotten.mentionedIn(reject.rawJSON) { reject.rawJSON = Self.erasedRawJSON }
            try await connection.execute(
                """
                INSERT INTO sync_rejects
                    (store, resource, platform_id, reason, raw_json, first_seen_at, last_seen_at, attempts)
                VALUES (?, ?, ?, ?, ?, ?, ?, 1)
                ON CONFLICT (store, resource, platform_id) DO UPDATE SET
                    reason = excluded.reason, raw_json = excluded.raw_json, last_seen_at = excluded.last_seen_at,
                    attempts = sync_rejects.attempts + 1
                """,
                [
                    .text(store.rawValue), .text(resource.rawValue), .text(reject.id),
                    .text(String(reject.reason.prefix(Self.maximumErrorLength))), .text(reject.rawJSON), .time(at),
                    .time(at),
                ])
        }
    }

    /// Deletes the rejects of `ids`; returns how many there were.
    private func clearRejects(
        _ resource: ResourceKind, store: StoreID, ids: [String], on connection: Executor.Connection
    ) async throws -> Int {
        var cleared = 0
        for chunk in ids.chunked(Self.maximumRowsPerStatement) {
            cleared += try await connection.count(
                """
                DELETE FROM sync_rejects
                WHERE store = ? AND resource = ? AND platform_id IN (\(Self.placeholders(chunk.count)))
                RETURNING 1
                """,
                [.text(store.rawValue), .text(resource.rawValue)] + chunk.map { .text($0) })
        }
        return cleared
    }
}
