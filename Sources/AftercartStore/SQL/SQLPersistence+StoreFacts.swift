public import AftercartModel
public import Foundation

/// Facts live in the planner's key-value table (`engage_state`, kind
/// `store_facts`): one small row per store, so no migration is needed.
extension SQLPersistence: StoreFactsStore {
    public func saveStoreFacts(_ json: String, store: StoreID, checkedAt: Date) async throws {
        try await ensurePlannerState()
        try await executor.transaction("keeping the facts \(store) reported") { connection in
            try await connection.execute(
                """
                INSERT INTO engage_state (store, kind, subject, value, updated_at) VALUES (?, 'store_facts', '', ?, ?)
                ON CONFLICT (store, kind, subject) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at
                """,
                [.text(store.rawValue), .text(json), .time(checkedAt)])
        }
    }

    public func storeFacts(store: StoreID) async throws -> KeptStoreFacts? {
        try await ensurePlannerState()
        return try await executor.read("reading the facts \(store) reported") { connection in
            guard
                let row = try await connection.query(
                    "SELECT value, updated_at FROM engage_state WHERE store = ? AND kind = 'store_facts' AND subject = ''",
                    [.text(store.rawValue)]
                ).first
            else { return nil }
            return KeptStoreFacts(json: try row.text(0), checkedAt: try row.time(1))
        }
    }
}
