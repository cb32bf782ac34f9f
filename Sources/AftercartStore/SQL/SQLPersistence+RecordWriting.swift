import AftercartModel
import Foundation

/// What writing a batch of records changed; `written` are the platform ids
/// inserted or changed, by resource.
struct RecordWriteOutcome: Sendable {
    var inserted = 0, updated = 0, unchanged = 0, stale = 0
    var written: [ResourceKind: [String]] = [:]
}

extension SQLPersistence {
    /// Encodes `records` outside any transaction, checks they belong to
    /// `store` and are the model type of their resource, and keeps the last
    /// record of each key. Sync pages and webhooks both come through here,
    /// so this is where a forgotten customer's record is redacted before
    /// anything of it is written.
    ///
    /// - Parameters:
    ///   - arrivedIn: what carried them, for messages ("a page", "a webhook").
    ///   - producer: the code to blame for a record of another store.
    ///   - forgotten: the store's forgotten customers, loaded once for the whole batch.
    func prepareRows(
        _ records: [any SyncRecord], store: StoreID, arrivedIn: String, producer: String,
        forgotten: ForgottenCustomers
    ) throws -> [RecordRow] {
        let encoder = RecordPayload.encoder()
        var rows: [RecordRow] = []
        var positions: [String: Int] = [:]
        for incoming in records {
            let record = PersonalDataRedaction.redactIfForgotten(incoming, forgotten)
            let resource = type(of: record).resource
            let table = RecordTable.table(for: resource)
            let key = RecordKey(store: record.store, platformID: record.platformID)
            guard record.store == store else {
                throw PersistenceError(
                    kind: .invalidArgument, location: location,
                    what: "record \(key) of \(resource) came in \(arrivedIn) of store \(store)",
                    fix: "this is a bug in the \(producer); report it with this message")
            }
            guard let values = table.queryValues(of: record) else {
                throw PersistenceError(
                    kind: .invalidArgument, location: location,
                    what: "\(type(of: record)) claims resource \(resource), which stores another type",
                    fix: "this is a bug; use the model type of \(resource) for that resource")
            }
            let payload: String
            do {
                payload = try RecordPayload.encode(record, with: encoder)
            } catch {
                throw PersistenceError(
                    kind: .invalidRecord, location: location,
                    what: "\(store) \(resource) \(record.platformID) cannot be encoded as JSON (\(error))",
                    fix: "this is a bug in the connector that produced it; report it with this message")
            }
            let row = RecordRow(
                table: table, key: key, payload: payload, updatedAt: record.updatedAt, queryValues: values)
            let slot = "\(resource.rawValue)/\(key.platformID)"
            if let position = positions[slot] {
                rows[position] = row
            } else {
                positions[slot] = rows.count
                rows.append(row)
            }
        }
        return rows
    }

    /// The one upsert of records, for sync pages and webhooks alike: a row
    /// identical to the stored one is not written; the newer record wins,
    /// so one whose `updatedAt` is older than the stored one's is kept out
    /// (deliveries and pages arrive out of order); one with the same or a
    /// newer time, or none, is written and revives a vanished row.
    ///
    /// - Parameters:
    ///   - rows: records of `store`, as ``prepareRows(_:store:arrivedIn:producer:)`` made them.
    ///   - refused: what is lost when the database refuses a row, for the
    ///     message ("its page", "the webhook").
    func writeNewer(
        _ rows: [RecordRow], store: StoreID, changedAt: Date, on connection: Executor.Connection, refused: String
    ) async throws -> RecordWriteOutcome {
        var outcome = RecordWriteOutcome()
        let tables = Dictionary(grouping: rows, by: \.table.resource)
        for resource in ResourceKind.allCases {
            guard let group = tables[resource], let table = group.first?.table else { continue }
            let stored = try await storedState(table, store: store, ids: group.map(\.key.platformID), on: connection)
            var writes: [RecordRow] = []
            for row in group {
                guard let state = stored[row.key.platformID] else {
                    outcome.inserted += 1
                    writes.append(row)
                    continue
                }
                if state.payload == row.payload && !state.vanished {
                    outcome.unchanged += 1
                } else if let storedTime = state.updatedAt, let incoming = row.updatedAt,
                    dialect.storedTime(incoming) < storedTime
                {
                    outcome.stale += 1
                } else {
                    outcome.updated += 1
                    writes.append(row)
                }
            }
            for chunk in writes.chunked(Self.maximumRowsPerStatement) {
                do {
                    try await connection.execute(
                        table.upsertSQL(rows: chunk.count), chunk.flatMap { $0.upsertArguments(changedAt: changedAt) })
                } catch  where executor.isConstraintViolation(error) {
                    throw rejected(Array(chunk), resource: resource, error, lost: refused)
                }
            }
            if !writes.isEmpty { outcome.written[resource] = writes.map(\.key.platformID) }
        }
        return outcome
    }

    private typealias StoredState = (payload: String, updatedAt: Date?, vanished: Bool)

    /// The stored payload, time and vanished flag of each of `ids` of
    /// `store` that exists, locked for the rest of the transaction where the
    /// database locks rows.
    private func storedState(
        _ table: RecordTable, store: StoreID, ids: [String], on connection: Executor.Connection
    ) async throws -> [String: StoredState] {
        var state: [String: StoredState] = [:]
        for chunk in ids.chunked(Self.maximumRowsPerStatement) {
            let rows = try await connection.query(
                """
                SELECT platform_id, payload, updated_at, vanished_at IS NOT NULL FROM \(table.name)
                WHERE store = ? AND platform_id IN (\(Self.placeholders(chunk.count)))\(dialect.rowLock)
                """,
                [.text(store.rawValue)] + chunk.map { .text($0) })
            for row in rows {
                state[try row.text(0)] = (try row.text(1), try row.optionalTime(2), try row.bool(3))
            }
        }
        return state
    }

    /// The error for a multi-row upsert the database refused: the record
    /// it most likely refused is named, and nothing was saved.
    private func rejected(_ rows: [RecordRow], resource: ResourceKind, _ error: any Error, lost: String)
        -> PersistenceError
    {
        let culprit = rows.first { $0.key.platformID.isEmpty || $0.key.store.rawValue.isEmpty }
        let shown = culprit.map { "\($0.key.store) \(resource) record with an empty id" } ?? "a \(resource) record"
        return PersistenceError(
            kind: .invalidRecord, location: location,
            what: "\(shown) was refused (\(executor.reason(error))); nothing of \(lost) was saved",
            fix: "this is a bug in the connector that produced it; report it with this message")
    }
}
