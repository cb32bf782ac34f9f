public import AftercartModel
public import Foundation

extension SQLPersistence {
    public func commitPage<R: SyncRecord>(_ records: [R], checkpoint: CheckpointUpdate) async throws
        -> PageCommitResult
    {
        try await commitPage(records, rejects: [], checkpoint: checkpoint)
    }

    public func record<R: SyncRecord>(_ type: R.Type, store: StoreID, platformID: String) async throws
        -> StoredRecord<R>?
    {
        let table = RecordTable.table(for: R.resource)
        let raw = try await executor.read("reading \(store) \(R.resource) \(platformID)") { connection in
            try await connection.query(
                "SELECT \(RecordTable.readColumns) FROM \(table.name) WHERE store = ? AND platform_id = ?",
                [.text(store.rawValue), .text(platformID)]
            ).first.map(StoredRow.init)
        }
        return try raw.map { try decode($0, as: type) }
    }

    public func recordPage<R: SyncRecord>(
        _ type: R.Type, store: StoreID?, after: RecordKey?, limit: Int, includeVanished: Bool
    ) async throws -> RecordPage<StoredRecord<R>> {
        let decoder = ModelJSON.decoder()
        return try await storedPage(
            R.resource, store: store, after: after, limit: limit, includeVanished: includeVanished
        ) {
            try self.decode($0, as: type, decoder: decoder)
        }
    }

    public func recordPage<R: SyncRecord>(
        _ type: R.Type, store: StoreID, createdSince since: Date, after: RecordKey?, limit: Int
    ) async throws -> RecordPage<StoredRecord<R>> {
        guard RecordTable.table(for: R.resource).hasCreationTime else {
            throw PersistenceError(
                kind: .invalidArgument, location: location,
                what: "\(R.resource) rows carry no creation time to select by",
                fix: "this is a bug; read them with allRecords instead")
        }
        let decoder = ModelJSON.decoder()
        return try await storedPage(
            R.resource, store: store, after: after, limit: limit, includeVanished: false, createdSince: since
        ) {
            try self.decode($0, as: type, decoder: decoder)
        }
    }

    public func payloadPage(
        _ resource: ResourceKind, store: StoreID?, after: RecordKey?, limit: Int, includeVanished: Bool
    ) async throws -> RecordPage<StoredPayload> {
        try await storedPage(resource, store: store, after: after, limit: limit, includeVanished: includeVanished) {
            StoredPayload(resource: resource, key: $0.key, json: $0.payload, vanishedAt: $0.vanishedAt)
        }
    }

    public func recordCounts() async throws -> [RecordCount] {
        let counts = try await executor.read("counting records") { connection in
            var counts: [RecordCount] = []
            for resource in ResourceKind.allCases {
                let table = RecordTable.table(for: resource)
                for row in try await connection.query(
                    "SELECT store, COUNT(*), COUNT(vanished_at) FROM \(table.name) GROUP BY store", [])
                {
                    counts.append(
                        RecordCount(
                            store: StoreID(try row.text(0)), resource: resource, total: try row.int(1),
                            vanished: try row.int(2)))
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
        try await executor.transaction("marking \(store) \(resource) as vanished") { connection in
            try await self.markVanished(resource, store: store, platformIDs: platformIDs, at: at, on: connection)
        }
    }

    // MARK: - Inside a transaction

    /// Marks `platformIDs` vanished where they are not yet; rows are never deleted.
    func markVanished(
        _ resource: ResourceKind, store: StoreID, platformIDs: [String], at: Date, on connection: Executor.Connection
    ) async throws -> Int {
        let table = RecordTable.table(for: resource)
        var marked = 0
        for chunk in platformIDs.chunked(Self.maximumRowsPerStatement) {
            marked += try await connection.count(
                """
                UPDATE \(table.name) SET vanished_at = ?
                WHERE store = ? AND platform_id IN (\(Self.placeholders(chunk.count))) AND vanished_at IS NULL
                RETURNING 1
                """,
                [.time(at), .text(store.rawValue)] + chunk.map { .text($0) })
        }
        return marked
    }

    // MARK: - Reading

    /// One page of `resource` in key order, each row made an `Item` by `item`.
    private func storedPage<Item: Sendable>(
        _ resource: ResourceKind, store: StoreID?, after: RecordKey?, limit: Int, includeVanished: Bool,
        createdSince: Date? = nil, _ item: (StoredRow) throws -> Item
    ) async throws -> RecordPage<Item> {
        try checkLimit(limit)
        let table = RecordTable.table(for: resource)
        var conditions: [String] = []
        var arguments: [SQLValue] = []
        if let store {
            conditions.append("store = ?")
            arguments.append(.text(store.rawValue))
        }
        if let after {
            conditions.append("(store, platform_id) > (?, ?)")
            arguments += [.text(after.store.rawValue), .text(after.platformID)]
        }
        if !includeVanished {
            conditions.append("vanished_at IS NULL")
        }
        if let createdSince {
            conditions.append("created_at >= ?")
            arguments.append(.time(createdSince))
        }
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let sql = "SELECT \(RecordTable.readColumns) FROM \(table.name) \(filter) ORDER BY store, platform_id LIMIT ?"
        let frozen = arguments + [.integer(limit)]
        let rows = try await executor.read("reading \(store.map { "\($0) " } ?? "")\(resource)") { connection in
            try await connection.query(sql, frozen).map(StoredRow.init)
        }
        return RecordPage(items: try rows.map(item), next: rows.count == limit ? rows.last?.key : nil)
    }

    private func decode<R: SyncRecord>(_ raw: StoredRow, as type: R.Type, decoder: JSONDecoder = ModelJSON.decoder())
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
