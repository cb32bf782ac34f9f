public import AftercartModel
public import Foundation
import PostgresNIO

extension PostgresPersistence: WebhookInbox {
    public func hasWebhookDelivery(store: StoreID, deliveryKey: String) async throws -> Bool {
        try await withConnection("looking up a webhook delivery of \(store)") { connection in
            try await !self.rows(
                """
                SELECT 1 FROM webhook_deliveries WHERE store = \(store.rawValue) AND delivery_key = \(deliveryKey)
                """, on: connection
            ).isEmpty
        }
    }

    public func applyWebhook(
        _ receipt: WebhookReceipt, records: [any SyncRecord], deleted: [ResourceKind: [String]]
    ) async throws -> WebhookApplyResult {
        let rows = try webhookRows(records, store: receipt.store)
        let deletions = deleted.filter { !$0.value.isEmpty }.sorted { $0.key.rawValue < $1.key.rawValue }
        let store = receipt.store.rawValue
        return try await transaction("applying a webhook of \(receipt.store) (\(receipt.topic))") { connection in
            let recorded = try await self.rows(
                """
                INSERT INTO webhook_deliveries (store, delivery_key, platform, topic, received_at)
                VALUES (\(store), \(receipt.deliveryKey), \(receipt.platform), \(receipt.topic), \(receipt.receivedAt))
                ON CONFLICT (store, delivery_key) DO NOTHING
                RETURNING 1
                """, on: connection)
            guard !recorded.isEmpty else { return .alreadyApplied }
            var result = WebhookApplyResult(duplicate: false)
            for (table, row) in rows {
                switch try await self.webhookDecision(connection, table: table, row: row) {
                case .unchanged:
                    result.unchanged += 1
                case .stale:
                    result.stale += 1
                case .write:
                    do {
                        try await self.run(table.upsert([row], changedAt: receipt.receivedAt), on: connection)
                    } catch let error where PostgresErrors.sqlState(error)?.hasPrefix("23") == true {
                        throw PersistenceError(
                            kind: .invalidRecord, location: self.location,
                            what: "\(receipt.store) \(table.resource) record "
                                + "\(row.key.platformID.isEmpty ? "with an empty id" : row.key.platformID) was refused "
                                + "(\(PostgresErrors.reason(error))); nothing of the webhook was saved",
                            fix: "this is a bug in the connector that decoded it; report it with this message")
                    }
                    result.changed[table.resource, default: []].append(row.key.platformID)
                }
            }
            for (resource, ids) in deletions {
                let table = PostgresRecordTable.table(for: resource)
                result.vanished += try await self.rows(
                    PostgresQuery(
                        unsafeSQL: """
                            UPDATE \(table.name) SET vanished_at = $1
                            WHERE store = $2 AND platform_id = ANY($3) AND vanished_at IS NULL
                            RETURNING 1
                            """,
                        binds: Self.bindings(receipt.receivedAt, store, ids)), on: connection
                ).count
            }
            return result
        }
    }

    @discardableResult
    public func pruneWebhookDeliveries(receivedBefore date: Date) async throws -> Int {
        try await withConnection("forgetting old webhook deliveries") { connection in
            try await self.rows(
                "DELETE FROM webhook_deliveries WHERE received_at < \(date) RETURNING 1", on: connection
            )
            .count
        }
    }

    private enum WebhookDecision {
        case write, unchanged, stale
    }

    /// Whether `row` replaces the stored one: not when identical, not when
    /// the stored record is newer (an out-of-order delivery).
    private func webhookDecision(_ connection: PostgresConnection, table: PostgresRecordTable, row: PostgresRecordRow)
        async throws -> WebhookDecision
    {
        let stored = try await rows(
            PostgresQuery(
                unsafeSQL: """
                    SELECT payload, updated_at, vanished_at IS NOT NULL FROM \(table.name)
                    WHERE store = $1 AND platform_id = $2 FOR UPDATE
                    """,
                binds: Self.bindings(row.key.store.rawValue, row.key.platformID)), on: connection)
        guard let first = stored.first else { return .write }
        let (payload, updatedAt, vanished) = try first.decode((String, Date?, Bool).self)
        if payload == row.payload && !vanished { return .unchanged }
        // Stored times are rounded to microseconds; within one they are equal.
        if let updatedAt, let incoming = row.updatedAt, incoming.timeIntervalSince(updatedAt) < -0.000_001 {
            return .stale
        }
        return .write
    }

    /// Encodes the records before the transaction and checks they belong
    /// to `store`; the last record of a key wins.
    private func webhookRows(_ records: [any SyncRecord], store: StoreID) throws
        -> [(PostgresRecordTable, PostgresRecordRow)]
    {
        let encoder = RecordPayload.encoder()
        var rows: [(PostgresRecordTable, PostgresRecordRow)] = []
        var positions: [String: Int] = [:]
        for record in records {
            let resource = type(of: record).resource
            let table = PostgresRecordTable.table(for: resource)
            let key = RecordKey(store: record.store, platformID: record.platformID)
            guard record.store == store else {
                throw PersistenceError(
                    kind: .invalidArgument, location: location,
                    what: "record \(key) of \(resource) came in a webhook of store \(store)",
                    fix: "this is a bug in the connector that decoded it; report it with this message")
            }
            guard let values = table.queryValues(of: record) else {
                throw PersistenceError(
                    kind: .invalidArgument, location: location,
                    what: "\(type(of: record)) claims resource \(resource), which stores another type",
                    fix: "this is a bug; decode \(resource) as the model type for that resource")
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
            let row = PostgresRecordRow(key: key, payload: payload, updatedAt: record.updatedAt, queryValues: values)
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
