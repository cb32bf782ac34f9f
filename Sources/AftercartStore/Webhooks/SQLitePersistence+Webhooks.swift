public import AftercartModel
public import Foundation
import GRDB

extension SQLitePersistence: WebhookInbox {
    public func hasWebhookDelivery(store: StoreID, deliveryKey: String) async throws -> Bool {
        try await read("looking up a webhook delivery of \(store)") { db in
            try Bool.fetchOne(
                db, sql: "SELECT EXISTS (SELECT 1 FROM webhook_deliveries WHERE store = ? AND delivery_key = ?)",
                arguments: [store.rawValue, deliveryKey]) ?? false
        }
    }

    public func applyWebhook(
        _ receipt: WebhookReceipt, records: [any SyncRecord], deleted: [ResourceKind: [String]]
    ) async throws -> WebhookApplyResult {
        let rows = try webhookRows(records, store: receipt.store)
        let receivedAt = SQLiteTime.text(receipt.receivedAt)
        let deletions = deleted.filter { !$0.value.isEmpty }.sorted { $0.key.rawValue < $1.key.rawValue }
        return try await write("applying a webhook of \(receipt.store) (\(receipt.topic))") { db in
            try db.execute(
                sql: """
                    INSERT INTO webhook_deliveries (store, delivery_key, platform, topic, received_at)
                    VALUES (?, ?, ?, ?, ?) ON CONFLICT (store, delivery_key) DO NOTHING
                    """,
                arguments: [receipt.store.rawValue, receipt.deliveryKey, receipt.platform, receipt.topic, receivedAt])
            guard db.changesCount == 1 else { return .alreadyApplied }
            var result = WebhookApplyResult(duplicate: false)
            for (table, row) in rows {
                switch try Self.webhookDecision(db, table: table, row: row) {
                case .unchanged:
                    result.unchanged += 1
                case .stale:
                    result.stale += 1
                case .write:
                    try db.cachedStatement(sql: table.upsertSQL).execute(
                        arguments: row.upsertArguments(changedAt: receivedAt))
                    result.changed[table.resource, default: []].append(row.key.platformID)
                }
            }
            for (resource, ids) in deletions {
                let table = SQLiteRecordTable.table(for: resource)
                for id in ids {
                    try db.execute(
                        sql: """
                            UPDATE \(table.name) SET vanished_at = ?
                            WHERE store = ? AND platform_id = ? AND vanished_at IS NULL
                            """,
                        arguments: [receivedAt, receipt.store.rawValue, id])
                    result.vanished += db.changesCount
                }
            }
            return result
        }
    }

    @discardableResult
    public func pruneWebhookDeliveries(receivedBefore date: Date) async throws -> Int {
        let cutoff = SQLiteTime.text(date)
        return try await write("forgetting old webhook deliveries") { db in
            try db.execute(sql: "DELETE FROM webhook_deliveries WHERE received_at < ?", arguments: [cutoff])
            return db.changesCount
        }
    }

    private enum WebhookDecision {
        case write, unchanged, stale
    }

    /// Whether `row` replaces the stored one: not when identical, not when
    /// the stored record is newer (an out-of-order delivery).
    private static func webhookDecision(_ db: Database, table: SQLiteRecordTable, row: SQLiteRecordRow) throws
        -> WebhookDecision
    {
        guard
            let stored = try Row.fetchOne(
                db,
                sql: "SELECT payload, updated_at, vanished_at IS NOT NULL FROM \(table.name) "
                    + "WHERE store = ? AND platform_id = ?",
                arguments: [row.key.store.rawValue, row.key.platformID])
        else { return .write }
        let payload: String = stored[0]
        let vanished: Bool = stored[2]
        if payload == row.payload && !vanished { return .unchanged }
        if let storedTime = SQLiteTime.date(stored[1] as String?), let incoming = SQLiteTime.date(row.updatedAt),
            incoming < storedTime
        {
            return .stale
        }
        return .write
    }

    /// Encodes the records outside the write transaction and checks they
    /// belong to `store`; the last record of a key wins.
    private func webhookRows(_ records: [any SyncRecord], store: StoreID) throws -> [(
        SQLiteRecordTable, SQLiteRecordRow
    )] {
        let encoder = RecordPayload.encoder()
        var rows: [(SQLiteRecordTable, SQLiteRecordRow)] = []
        var positions: [String: Int] = [:]
        for record in records {
            let resource = type(of: record).resource
            let table = SQLiteRecordTable.table(for: resource)
            let key = RecordKey(store: record.store, platformID: record.platformID)
            guard record.store == store else {
                throw PersistenceError(
                    kind: .invalidArgument, location: path,
                    what: "record \(key) of \(resource) came in a webhook of store \(store)",
                    fix: "this is a bug in the connector that decoded it; report it with this message")
            }
            guard let values = table.queryValues(of: record) else {
                throw PersistenceError(
                    kind: .invalidArgument, location: path,
                    what: "\(type(of: record)) claims resource \(resource), which stores another type",
                    fix: "this is a bug; decode \(resource) as the model type for that resource")
            }
            let payload: String
            do {
                payload = try RecordPayload.encode(record, with: encoder)
            } catch {
                throw PersistenceError(
                    kind: .invalidRecord, location: path,
                    what: "\(store) \(resource) \(record.platformID) cannot be encoded as JSON (\(error))",
                    fix: "this is a bug in the connector that produced it; report it with this message")
            }
            let row = SQLiteRecordRow(
                key: key, payload: payload, updatedAt: SQLiteTime.text(ifPresent: record.updatedAt),
                queryValues: values)
            let slot = "\(resource.rawValue)/\(key.platformID)"
            if let position = positions[slot] {
                rows[position] = (table, row)
            } else {
                positions[slot] = rows.count
                rows.append((table, row))
            }
        }
        return rows
    }
}
