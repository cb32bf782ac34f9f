public import AftercartModel
public import Foundation
import PostgresNIO

extension PostgresPersistence {
    public func commitPage<R: SyncRecord>(_ records: [R], checkpoint: CheckpointUpdate) async throws
        -> PageCommitResult
    {
        guard R.resource == checkpoint.resource else {
            throw PersistenceError(
                kind: .invalidArgument, location: location,
                what: "a page of \(R.resource) was committed with the checkpoint of \(checkpoint.resource)",
                fix: "this is a bug in the sync engine; report it with this message")
        }
        let table = PostgresRecordTable.table(for: R.resource)
        let rows = try prepareRows(records, table: table, store: checkpoint.store)
        let operation = "committing a page of \(checkpoint.store) \(checkpoint.resource)"
        return try await transaction(operation) { connection in
            let stored = try await self.storedState(
                connection, table: table, store: checkpoint.store, ids: rows.map(\.key.platformID))
            var inserted = 0
            var updated = 0
            var unchanged = 0
            var writes: [PostgresRecordRow] = []
            for row in rows {
                switch stored[row.key.platformID] {
                case nil:
                    inserted += 1
                case let state? where state.payload == row.payload && !state.vanished:
                    unchanged += 1
                    continue
                case .some:
                    updated += 1
                }
                writes.append(row)
            }
            for chunk in writes.chunked(Self.maximumRowsPerStatement) {
                do {
                    try await self.run(table.upsert(chunk, changedAt: checkpoint.at), on: connection)
                } catch let error where PostgresErrors.sqlState(error)?.hasPrefix("23") == true {
                    throw self.rejected(Array(chunk), resource: table.resource, error)
                }
            }
            let saved = try await self.advanceCheckpoint(connection, checkpoint, received: records.count)
            return PageCommitResult(inserted: inserted, updated: updated, unchanged: unchanged, checkpoint: saved)
        }
    }

    public func record<R: SyncRecord>(_ type: R.Type, store: StoreID, platformID: String) async throws
        -> StoredRecord<R>?
    {
        let table = PostgresRecordTable.table(for: R.resource)
        let raw = try await withConnection("reading \(store) \(R.resource) \(platformID)") { connection in
            try await self.rows(
                PostgresQuery(
                    unsafeSQL: "SELECT \(RawRecord.columns) FROM \(table.name) WHERE store = $1 AND platform_id = $2",
                    binds: Self.bindings(store.rawValue, platformID)), on: connection
            ).first.map(RawRecord.init)
        }
        return try raw.map { try decode($0, as: type) }
    }

    public func recordPage<R: SyncRecord>(
        _ type: R.Type, store: StoreID?, after: RecordKey?, limit: Int, includeVanished: Bool
    ) async throws -> RecordPage<StoredRecord<R>> {
        let raws = try await rawPage(
            R.resource, store: store, after: after, limit: limit, includeVanished: includeVanished)
        let decoder = ModelJSON.decoder()
        let items = try raws.map { try decode($0, as: type, decoder: decoder) }
        return RecordPage(items: items, next: raws.count == limit ? raws.last?.key : nil)
    }

    public func payloadPage(
        _ resource: ResourceKind, store: StoreID?, after: RecordKey?, limit: Int, includeVanished: Bool
    ) async throws -> RecordPage<StoredPayload> {
        let raws = try await rawPage(
            resource, store: store, after: after, limit: limit, includeVanished: includeVanished)
        let items = raws.map {
            StoredPayload(resource: resource, key: $0.key, json: $0.payload, vanishedAt: $0.vanishedAt)
        }
        return RecordPage(items: items, next: raws.count == limit ? raws.last?.key : nil)
    }

    public func recordCounts() async throws -> [RecordCount] {
        let counts = try await withConnection("counting records") { connection in
            var counts: [RecordCount] = []
            for resource in ResourceKind.allCases {
                let table = PostgresRecordTable.table(for: resource)
                let rows = try await self.rows(
                    PostgresQuery(
                        unsafeSQL: "SELECT store, COUNT(*), COUNT(vanished_at) FROM \(table.name) GROUP BY store"),
                    on: connection)
                for row in rows {
                    let (store, total, vanished) = try row.decode((String, Int, Int).self)
                    counts.append(
                        RecordCount(store: StoreID(store), resource: resource, total: total, vanished: vanished))
                }
            }
            return counts
        }
        let order = Dictionary(uniqueKeysWithValues: ResourceKind.allCases.enumerated().map { ($1, $0) })
        return counts.sorted { ($0.store, order[$0.resource]!) < ($1.store, order[$1.resource]!) }
    }

    @discardableResult
    public func markVanished(_ resource: ResourceKind, store: StoreID, platformIDs: [String], at: Date) async throws
        -> Int
    {
        let table = PostgresRecordTable.table(for: resource)
        return try await transaction("marking \(store) \(resource) as vanished") { connection in
            var marked = 0
            for chunk in platformIDs.chunked(Self.maximumRowsPerStatement) {
                marked += try await self.rows(
                    PostgresQuery(
                        unsafeSQL: """
                            UPDATE \(table.name) SET vanished_at = $1
                            WHERE store = $2 AND platform_id = ANY($3) AND vanished_at IS NULL
                            RETURNING 1
                            """,
                        binds: Self.bindings(at, store.rawValue, Array(chunk))), on: connection
                ).count
            }
            return marked
        }
    }

    // MARK: - Helpers

    /// Rows per multi-row statement: PostgreSQL binds at most 65,535
    /// parameters, a record row binds at most 13.
    static let maximumRowsPerStatement = 500

    /// Bindings for positional parameters `$1`, `$2`, … in order.
    static func bindings(_ values: any PostgresDynamicTypeEncodable...) -> PostgresBindings {
        var bindings = PostgresBindings(capacity: values.count)
        for value in values { bindings.append(value) }
        return bindings
    }

    /// Encodes the page, checks it belongs to `store`, and keeps the last
    /// record of each key.
    private func prepareRows<R: SyncRecord>(_ records: [R], table: PostgresRecordTable, store: StoreID) throws
        -> [PostgresRecordRow]
    {
        let encoder = RecordPayload.encoder()
        var rows: [PostgresRecordRow] = []
        var positions: [String: Int] = [:]
        for record in records {
            let key = RecordKey(record)
            guard record.store == store else {
                throw PersistenceError(
                    kind: .invalidArgument, location: location,
                    what: "record \(key) of \(R.resource) came in a page of store \(store)",
                    fix: "this is a bug in the sync engine or the connector; report it with this message")
            }
            guard let values = table.queryValues(of: record) else {
                throw PersistenceError(
                    kind: .invalidArgument, location: location,
                    what: "\(R.self) claims resource \(R.resource), which stores another type",
                    fix: "this is a bug; commit \(R.resource) as the model type for that resource")
            }
            let payload: String
            do {
                payload = try RecordPayload.encode(record, with: encoder)
            } catch {
                throw PersistenceError(
                    kind: .invalidRecord, location: location,
                    what: "\(store) \(R.resource) \(record.platformID) cannot be encoded as JSON (\(error))",
                    fix: "this is a bug in the connector that produced it; report it with this message")
            }
            let row = PostgresRecordRow(key: key, payload: payload, updatedAt: record.updatedAt, queryValues: values)
            if let position = positions[key.platformID] {
                rows[position] = row
            } else {
                positions[key.platformID] = rows.count
                rows.append(row)
            }
        }
        return rows
    }

    /// The stored payload and vanished flag of each of `ids` that exists.
    private func storedState(
        _ connection: PostgresConnection, table: PostgresRecordTable, store: StoreID, ids: [String]
    ) async throws -> [String: (payload: String, vanished: Bool)] {
        var state: [String: (payload: String, vanished: Bool)] = [:]
        for chunk in ids.chunked(Self.maximumRowsPerStatement) {
            let rows = try await self.rows(
                PostgresQuery(
                    unsafeSQL: """
                        SELECT platform_id, payload, vanished_at IS NOT NULL FROM \(table.name)
                        WHERE store = $1 AND platform_id = ANY($2)
                        """,
                    binds: Self.bindings(store.rawValue, Array(chunk))), on: connection)
            for row in rows {
                let (id, payload, vanished) = try row.decode((String, String, Bool).self)
                state[id] = (payload, vanished)
            }
        }
        return state
    }

    /// The error for a multi-row upsert the database refused: the record
    /// it most likely refused is named, and nothing of the page was saved.
    private func rejected(_ rows: [PostgresRecordRow], resource: ResourceKind, _ error: any Error) -> PersistenceError {
        let culprit = rows.first { $0.key.platformID.isEmpty || $0.key.store.rawValue.isEmpty }
        let shown = culprit.map { "\($0.key.store) \(resource) record with an empty id" } ?? "a \(resource) record"
        return PersistenceError(
            kind: .invalidRecord, location: location,
            what: "\(shown) was refused (\(PostgresErrors.reason(error))); nothing of its page was saved",
            fix: "this is a bug in the connector that produced it; report it with this message")
    }

    private func rawPage(
        _ resource: ResourceKind, store: StoreID?, after: RecordKey?, limit: Int, includeVanished: Bool
    ) async throws -> [RawRecord] {
        try checkLimit(limit)
        let table = PostgresRecordTable.table(for: resource)
        var conditions: [String] = []
        var bindings = PostgresBindings()
        if let store {
            bindings.append(store.rawValue)
            conditions.append("store = $\(bindings.count)")
        }
        if let after {
            bindings.append(after.store.rawValue)
            bindings.append(after.platformID)
            conditions.append("(store, platform_id) > ($\(bindings.count - 1), $\(bindings.count))")
        }
        if !includeVanished {
            conditions.append("vanished_at IS NULL")
        }
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        bindings.append(limit)
        let query = PostgresQuery(
            unsafeSQL: """
                SELECT \(RawRecord.columns) FROM \(table.name) \(filter)
                ORDER BY store, platform_id LIMIT $\(bindings.count)
                """,
            binds: bindings)
        return try await withConnection("reading \(store.map { "\($0) " } ?? "")\(resource)") { connection in
            try await self.rows(query, on: connection).map(RawRecord.init)
        }
    }

    private func decode<R: SyncRecord>(_ raw: RawRecord, as type: R.Type, decoder: JSONDecoder = ModelJSON.decoder())
        throws -> StoredRecord<R>
    {
        do {
            let record = try decoder.decode(type, from: Data(raw.payload.utf8))
            return StoredRecord(record: record, changedAt: raw.changedAt, vanishedAt: raw.vanishedAt)
        } catch {
            throw PersistenceError(
                kind: .corruptRecord, location: location,
                what: "stored \(raw.key.store) \(R.resource) \(raw.key.platformID) does not decode (\(error))",
                fix: "run 'aftercart sync --store \(raw.key.store) --full' to rewrite it from the store")
        }
    }
}

/// A record row as read, before decoding.
private struct RawRecord: Sendable {
    static let columns = "store, platform_id, payload, changed_at, vanished_at"

    let key: RecordKey
    let payload: String
    let changedAt: Date
    let vanishedAt: Date?

    init(_ row: PostgresRow) throws {
        let (store, id, payload, changedAt, vanishedAt) = try row.decode((String, String, String, Date, Date?).self)
        key = RecordKey(store: StoreID(store), platformID: id)
        self.payload = payload
        self.changedAt = changedAt
        self.vanishedAt = vanishedAt
    }
}
