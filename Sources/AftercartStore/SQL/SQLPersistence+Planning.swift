public import AftercartModel
public import Foundation

extension SQLPersistence {
    public func plannedKeys(store: StoreID) async throws -> Set<String> {
        try await executor.read("reading planned action keys of \(store)") { connection in
            Set(
                try await connection.query(
                    "SELECT idempotency_key FROM outbox WHERE store = ?", [.text(store.rawValue)]
                ).map { try $0.text(0) })
        }
    }

    public func plannedEmails(store: StoreID, since: Date) async throws -> [PlannedEmailRow] {
        try await executor.read("reading planned emails of \(store)") { connection in
            try await connection.query(
                """
                SELECT idempotency_key, campaign, not_before, payload FROM outbox
                WHERE store = ? AND action = 'send_email' AND state <> 'cancelled' AND not_before >= ?
                """,
                [.text(store.rawValue), .time(since)]
            ).map { row in
                PlannedEmailRow(
                    idempotencyKey: try row.text(0), campaign: try row.text(1), notBefore: try row.time(2),
                    payload: try row.text(3))
            }
        }
    }

    public func observedTiers(store: StoreID) async throws -> [String: String] {
        try await ensurePlannerState()
        return try await executor.read("reading observed loyalty tiers of \(store)") { connection in
            var tiers: [String: String] = [:]
            for row in try await connection.query(
                "SELECT subject, value FROM engage_state WHERE store = ? AND kind = 'tier'", [.text(store.rawValue)])
            {
                tiers[try row.text(0)] = try row.text(1)
            }
            return tiers
        }
    }

    public func recordObservedTiers(store: StoreID, tiers: [String: String], now: Date) async throws {
        guard !tiers.isEmpty else { return }
        try await ensurePlannerState()
        let sorted = tiers.sorted { $0.key < $1.key }
        try await executor.transaction("recording observed loyalty tiers of \(store)") { connection in
            for chunk in sorted.chunked(Self.maximumRowsPerStatement) {
                try await connection.execute(
                    """
                    INSERT INTO engage_state (store, kind, subject, value, updated_at)
                    VALUES \(Array(repeating: "(?, 'tier', ?, ?, ?)", count: chunk.count).joined(separator: ", "))
                    ON CONFLICT (store, kind, subject) DO UPDATE SET
                        value = excluded.value, updated_at = excluded.updated_at
                    WHERE engage_state.value <> excluded.value
                    """,
                    chunk.flatMap { [.text(store.rawValue), .text($0.key), .text($0.value), .time(now)] })
            }
        }
    }

    public func installSecret(named name: String, makeValue: @Sendable () -> String) async throws -> String {
        try await ensurePlannerState()
        let candidate = makeValue()
        return try await executor.transaction("reading the install secret \(name)") { connection in
            try await connection.execute(
                """
                INSERT INTO engage_state (store, kind, subject, value, updated_at)
                VALUES ('', 'secret', ?, ?, \(self.dialect.serverNow))
                ON CONFLICT (store, kind, subject) DO NOTHING
                """,
                [.text(name), .text(candidate)])
            return try await connection.query(
                "SELECT value FROM engage_state WHERE store = '' AND kind = 'secret' AND subject = ?", [.text(name)]
            ).first?.text(0) ?? candidate
        }
    }

    public func recordSuppression(_ suppression: CustomerSuppression, store: StoreID, email: String, now: Date)
        async throws
    {
        try await ensurePlannerState()
        try await executor.transaction("recording \(suppression.rawValue) for a customer of \(store)") {
            connection in
            try await connection.execute(
                """
                INSERT INTO engage_state (store, kind, subject, value, updated_at) VALUES (?, ?, ?, '', ?)
                ON CONFLICT (store, kind, subject) DO NOTHING
                """,
                [
                    .text(store.rawValue), .text("suppression:" + suppression.rawValue), .text(email.lowercased()),
                    .time(now),
                ])
        }
    }

    public func suppressions(store: StoreID) async throws -> [String: CustomerSuppression] {
        try await ensurePlannerState()
        return try await executor.read("reading recorded suppressions of \(store)") { connection in
            var merged = CustomerSuppression.merge(
                try await connection.query(
                    "SELECT kind, subject FROM engage_state WHERE store = ? AND kind LIKE 'suppression:%'",
                    [.text(store.rawValue)]
                ).map { row in (kind: try row.text(0), email: try row.text(1)) })
            // A forgotten customer's records carry their pseudonym, which stands for the request.
            for row in try await connection.query(
                "SELECT subject FROM engage_state WHERE store = ? AND kind = ?",
                [.text(store.rawValue), .text(Self.forgottenKind)])
            {
                merged[ForgottenCustomers.pseudonym(forKey: try row.text(0))] = .forgotten
            }
            return merged
        }
    }

    /// Creates the planner's table on first use (``SchemaMigrations/plannerState(_:)``).
    func ensurePlannerState() async throws {
        guard !plannerStateReady.isSet else { return }
        try await executor.transaction("creating the planner state table") { connection in
            if let lock = self.dialect.schemaLock { try await connection.execute(lock) }
            try await connection.execute(SchemaMigrations.plannerState(self.dialect.types))
        }
        plannerStateReady.set()
    }
}
