public import AftercartModel
public import Foundation
import GRDB

extension SQLitePersistence {
    public func commitPage<R: SyncRecord>(_ records: [R], checkpoint: CheckpointUpdate) async throws
        -> PageCommitResult
    {
        guard R.resource == checkpoint.resource else {
            throw PersistenceError(
                kind: .invalidArgument, location: path,
                what: "a page of \(R.resource) was committed with the checkpoint of \(checkpoint.resource)",
                fix: "this is a bug in the sync engine; report it with this message")
        }
        let table = SQLiteRecordTable.table(for: R.resource)
        let rows = try prepareRows(records, table: table, store: checkpoint.store)
        let changedAt = SQLiteTime.text(checkpoint.at)
        let received = records.count
        let operation = "committing a page of \(checkpoint.store) \(checkpoint.resource)"
        return try await write(operation) { db in
            let stored = try Self.storedState(
                db, table: table, store: checkpoint.store, ids: rows.map(\.key.platformID))
            var inserted = 0
            var updated = 0
            var unchanged = 0
            let upsert = try db.cachedStatement(sql: table.upsertSQL)
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
                do {
                    try upsert.execute(arguments: row.upsertArguments(changedAt: changedAt))
                } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
                    throw Self.rejected(row.key, resource: table.resource, error, path: self.path)
                }
            }
            let saved = try Self.advanceCheckpoint(db, checkpoint, received: received)
            return PageCommitResult(inserted: inserted, updated: updated, unchanged: unchanged, checkpoint: saved)
        }
    }

    public func record<R: SyncRecord>(_ type: R.Type, store: StoreID, platformID: String) async throws
        -> StoredRecord<R>?
    {
        let table = SQLiteRecordTable.table(for: R.resource)
        let raw = try await read("reading \(store) \(R.resource) \(platformID)") { db in
            try Row.fetchOne(
                db,
                sql: "SELECT \(RawRecord.columns) FROM \(table.name) WHERE store = ? AND platform_id = ?",
                arguments: [store.rawValue, platformID]
            ).map(RawRecord.init)
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
            StoredPayload(resource: resource, key: $0.key, json: $0.payload, vanishedAt: SQLiteTime.date($0.vanishedAt))
        }
        return RecordPage(items: items, next: raws.count == limit ? raws.last?.key : nil)
    }

    public func recordCounts() async throws -> [RecordCount] {
        try await read("counting records") { db in
            var counts: [RecordCount] = []
            for resource in ResourceKind.allCases {
                let table = SQLiteRecordTable.table(for: resource)
                let rows = try Row.fetchAll(
                    db, sql: "SELECT store, COUNT(*), COUNT(vanished_at) FROM \(table.name) GROUP BY store")
                counts += rows.map { row in
                    RecordCount(store: StoreID(row[0] as String), resource: resource, total: row[1], vanished: row[2])
                }
            }
            let order = Dictionary(uniqueKeysWithValues: ResourceKind.allCases.enumerated().map { ($1, $0) })
            return counts.sorted { ($0.store, order[$0.resource]!) < ($1.store, order[$1.resource]!) }
        }
    }

    @discardableResult
    public func markVanished(_ resource: ResourceKind, store: StoreID, platformIDs: [String], at: Date) async throws
        -> Int
    {
        let table = SQLiteRecordTable.table(for: resource)
        let vanishedAt = SQLiteTime.text(at)
        return try await write("marking \(store) \(resource) as vanished") { db in
            var marked = 0
            for chunk in platformIDs.chunked(Self.maximumListSize) {
                let list = Array(repeating: "?", count: chunk.count).joined(separator: ", ")
                var arguments: StatementArguments = [vanishedAt, store.rawValue]
                arguments += StatementArguments(chunk)
                try db.execute(
                    sql: """
                        UPDATE \(table.name) SET vanished_at = ?
                        WHERE store = ? AND platform_id IN (\(list)) AND vanished_at IS NULL
                        """,
                    arguments: arguments)
                marked += db.changesCount
            }
            return marked
        }
    }

    // MARK: - Helpers

    /// A page of zero rows could never advance; refuse it instead of looping.
    func checkLimit(_ limit: Int) throws {
        guard limit > 0 else {
            throw PersistenceError(
                kind: .invalidArgument, location: path, what: "a page limit of \(limit) was asked for",
                fix: "this is a bug; ask for at least one row")
        }
    }

    /// SQLite binds at most 32,766 parameters per statement; lists stay far below.
    static let maximumListSize = 500

    /// Encodes the page outside the write transaction, checks it belongs to
    /// `store`, and keeps the last record of each key.
    private func prepareRows<R: SyncRecord>(_ records: [R], table: SQLiteRecordTable, store: StoreID) throws
        -> [SQLiteRecordRow]
    {
        let encoder = RecordPayload.encoder()
        var rows: [SQLiteRecordRow] = []
        var positions: [String: Int] = [:]
        for record in records {
            let key = RecordKey(record)
            guard record.store == store else {
                throw PersistenceError(
                    kind: .invalidArgument, location: path,
                    what: "record \(key) of \(R.resource) came in a page of store \(store)",
                    fix: "this is a bug in the sync engine or the connector; report it with this message")
            }
            guard let values = table.queryValues(of: record) else {
                throw PersistenceError(
                    kind: .invalidArgument, location: path,
                    what: "\(R.self) claims resource \(R.resource), which stores another type",
                    fix: "this is a bug; commit \(R.resource) as the model type for that resource")
            }
            let payload: String
            do {
                payload = try RecordPayload.encode(record, with: encoder)
            } catch {
                throw PersistenceError(
                    kind: .invalidRecord, location: path,
                    what: "\(store) \(R.resource) \(record.platformID) cannot be encoded as JSON (\(error))",
                    fix: "this is a bug in the connector that produced it; report it with this message")
            }
            let row = SQLiteRecordRow(
                key: key, payload: payload, updatedAt: SQLiteTime.text(ifPresent: record.updatedAt), queryValues: values
            )
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
    private static func storedState(_ db: Database, table: SQLiteRecordTable, store: StoreID, ids: [String]) throws
        -> [String: (payload: String, vanished: Bool)]
    {
        var state: [String: (payload: String, vanished: Bool)] = [:]
        for chunk in ids.chunked(maximumListSize) {
            let list = Array(repeating: "?", count: chunk.count).joined(separator: ", ")
            var arguments: StatementArguments = [store.rawValue]
            arguments += StatementArguments(chunk)
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT platform_id, payload, vanished_at IS NOT NULL FROM \(table.name)
                    WHERE store = ? AND platform_id IN (\(list))
                    """,
                arguments: arguments)
            while let row = try rows.next() {
                state[row[0]] = (row[1], row[2])
            }
        }
        return state
    }

    private static func rejected(_ key: RecordKey, resource: ResourceKind, _ error: DatabaseError, path: String)
        -> PersistenceError
    {
        let shown = key.platformID.isEmpty ? "with an empty id" : key.platformID
        return PersistenceError(
            kind: .invalidRecord, location: path,
            what: "\(key.store) \(resource) record \(shown) was refused (\(error.message ?? "constraint failed")); "
                + "nothing of its page was saved",
            fix: "this is a bug in the connector that produced it; report it with this message")
    }

    private func rawPage(
        _ resource: ResourceKind, store: StoreID?, after: RecordKey?, limit: Int, includeVanished: Bool
    ) async throws -> [RawRecord] {
        try checkLimit(limit)
        let table = SQLiteRecordTable.table(for: resource)
        var conditions: [String] = []
        var arguments = StatementArguments()
        if let store {
            conditions.append("store = ?")
            arguments += [store.rawValue]
        }
        if let after {
            conditions.append("(store, platform_id) > (?, ?)")
            arguments += [after.store.rawValue, after.platformID]
        }
        if !includeVanished {
            conditions.append("vanished_at IS NULL")
        }
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        arguments += [limit]
        let sql = "SELECT \(RawRecord.columns) FROM \(table.name) \(filter) ORDER BY store, platform_id LIMIT ?"
        let frozen = arguments
        return try await read("reading \(store.map { "\($0) " } ?? "")\(resource)") { db in
            try Row.fetchAll(db, sql: sql, arguments: frozen).map(RawRecord.init)
        }
    }

    private func decode<R: SyncRecord>(_ raw: RawRecord, as type: R.Type, decoder: JSONDecoder = ModelJSON.decoder())
        throws -> StoredRecord<R>
    {
        do {
            let record = try decoder.decode(type, from: Data(raw.payload.utf8))
            return StoredRecord(
                record: record, changedAt: SQLiteTime.date(raw.changedAt) ?? .distantPast,
                vanishedAt: SQLiteTime.date(raw.vanishedAt))
        } catch {
            throw PersistenceError(
                kind: .corruptRecord, location: path,
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
    let changedAt: String
    let vanishedAt: String?

    init(_ row: Row) {
        key = RecordKey(store: StoreID(row[0] as String), platformID: row[1])
        payload = row[2]
        changedAt = row[3]
        vanishedAt = row[4]
    }
}

extension Array {
    func chunked(_ size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}
