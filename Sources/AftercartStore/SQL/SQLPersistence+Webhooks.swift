public import AftercartModel
public import Foundation

extension SQLPersistence {
    public func hasWebhookDelivery(store: StoreID, deliveryKey: String) async throws -> Bool {
        try await executor.read("looking up a webhook delivery of \(store)") { connection in
            try await !connection.query(
                "SELECT 1 FROM webhook_deliveries WHERE store = ? AND delivery_key = ?",
                [.text(store.rawValue), .text(deliveryKey)]
            ).isEmpty
        }
    }

    public func applyWebhook(
        _ receipt: WebhookReceipt, records: [any SyncRecord], deleted: [ResourceKind: [String]]
    ) async throws -> WebhookApplyResult {
        let rows = try prepareRows(
            records, store: receipt.store, arrivedIn: "a webhook", producer: "connector that decoded it",
            forgotten: try await forgottenCustomers(store: receipt.store))
        let deletions = deleted.filter { !$0.value.isEmpty }.sorted { $0.key.rawValue < $1.key.rawValue }
        return try await executor.transaction("applying a webhook of \(receipt.store) (\(receipt.topic))") {
            connection in
            let recorded = try await connection.count(
                """
                INSERT INTO webhook_deliveries (store, delivery_key, platform, topic, received_at)
                VALUES (?, ?, ?, ?, ?) ON CONFLICT (store, delivery_key) DO NOTHING
                RETURNING 1
                """,
                [
                    .text(receipt.store.rawValue), .text(receipt.deliveryKey), .text(receipt.platform),
                    .text(receipt.topic), .time(receipt.receivedAt),
                ])
            guard recorded == 1 else { return .alreadyApplied }
            let outcome = try await self.writeNewer(
                rows, store: receipt.store, changedAt: receipt.receivedAt, on: connection, refused: "the webhook")
            var result = WebhookApplyResult(
                duplicate: false, changed: outcome.written, unchanged: outcome.unchanged,
                stale: outcome.stale)
            for (resource, ids) in deletions {
                result.vanished += try await self.markVanished(
                    resource, store: receipt.store, platformIDs: ids, at: receipt.receivedAt, on: connection)
            }
            return result
        }
    }

    @discardableResult
    public func pruneWebhookDeliveries(receivedBefore date: Date) async throws -> Int {
        try await executor.transaction("forgetting old webhook deliveries") { connection in
            try await connection.count(
                "DELETE FROM webhook_deliveries WHERE received_at < ? RETURNING 1", [.time(date)])
        }
    }
}
