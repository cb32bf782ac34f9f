public import AftercartModel
import Foundation

extension SQLPersistence {
    public func orderPlanningPage(store: StoreID, after: RecordKey?, limit: Int) async throws
        -> RecordPage<StoredPayload>
    {
        try checkLimit(limit)
        // The payload is read only where the projection is missing, so a
        // migrated database plans correctly before every row is rewritten.
        let sql = """
            SELECT platform_id, COALESCE(planning, payload) FROM orders
            WHERE store = ? AND platform_id > ? AND vanished_at IS NULL ORDER BY platform_id LIMIT ?
            """
        let arguments: [SQLValue] = [
            .text(store.rawValue), .text(after?.platformID ?? ""), .integer(limit),
        ]
        let items = try await executor.read("reading the planning view of \(store) orders") { connection in
            try await connection.query(sql, arguments).map { row in
                StoredPayload(
                    resource: .orders, key: RecordKey(store: store, platformID: try row.text(0)),
                    json: try row.text(1), vanishedAt: nil)
            }
        }
        return RecordPage(items: items, next: items.count == limit ? items.last?.key : nil)
    }

    public func orderPayloads(store: StoreID, ids: [String]) async throws -> [String: String] {
        var payloads: [String: String] = [:]
        for chunk in ids.chunked(Self.maximumRowsPerStatement) {
            let rows = try await executor.read("reading \(chunk.count) \(store) orders") { connection in
                try await connection.query(
                    "SELECT platform_id, payload FROM orders WHERE store = ? AND platform_id IN (\(Self.placeholders(chunk.count)))",
                    [.text(store.rawValue)] + chunk.map { .text($0) }
                ).map { (try $0.text(0), try $0.text(1)) }
            }
            for (id, payload) in rows { payloads[id] = payload }
        }
        return payloads
    }

    public func backfillOrderPlanning(store: StoreID) async throws -> Int {
        let decoder = ModelJSON.decoder()
        var after = ""
        var written = 0
        while true {
            let rows = try await executor.read("reading \(store) orders without a planning projection") {
                connection in
                try await connection.query(
                    """
                    SELECT platform_id, payload FROM orders
                    WHERE store = ? AND planning IS NULL AND platform_id > ? ORDER BY platform_id LIMIT ?
                    """,
                    [.text(store.rawValue), .text(after), .integer(Self.maximumRowsPerStatement)]
                ).map { (id: try $0.text(0), payload: try $0.text(1)) }
            }
            guard let last = rows.last else { return written }
            after = last.id
            // The planner reads such a row from its payload and refuses it there if it does not decode.
            let projected = rows.compactMap { row in
                (try? decoder.decode(Order.self, from: Data(row.payload.utf8))).map {
                    (row, OrderPlanningProjection.json(of: $0))
                }
            }
            written += try await executor.transaction("writing \(store) orders' planning projections") {
                connection in
                var count = 0
                for (row, projection) in projected {
                    // Only the row as read: a write since then made its own projection.
                    count += try await connection.count(
                        """
                        UPDATE orders SET planning = ?
                        WHERE store = ? AND platform_id = ? AND payload = ? AND planning IS NULL RETURNING 1
                        """,
                        [.text(projection), .text(store.rawValue), .text(row.id), .text(row.payload)])
                }
                return count
            }
        }
    }
}
