public import AftercartModel

extension SQLPersistence: StoreDataErasing {
    public func eraseStoreData(_ store: StoreID) async throws -> Int {
        try await ensurePlannerState()
        let tables =
            ResourceKind.allCases.map { RecordTable.table(for: $0).name } + [
                "sync_checkpoints", "sync_rejects", "outbox", "webhook_deliveries", "app_credentials",
                "install_states", "shipment_events", "tracked_parcels", "plan_suppressions",
            ]
        let deleted = try await executor.transaction("erasing the data of store \(store)") { connection in
            var deleted = 0
            for table in tables {
                deleted += try await connection.count(
                    "DELETE FROM \(table) WHERE store = ? RETURNING 1", [.text(store.rawValue)])
            }
            deleted += try await connection.count(
                "DELETE FROM engage_state WHERE store = ? AND kind <> ? RETURNING 1",
                [.text(store.rawValue), .text(Self.forgottenKind)])
            return deleted
        }
        try await executor.reclaimFreedSpace("clearing an erased store's data out of the database's free space")
        return deleted
    }
}
