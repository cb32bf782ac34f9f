public import AftercartModel
public import Foundation
import PostgresNIO

extension PostgresPersistence: PlanningStore {
    public func plannedKeys(store: StoreID) async throws -> Set<String> {
        try await withConnection("reading planned action keys of \(store)") { connection in
            Set(
                try await self.rows(
                    "SELECT idempotency_key FROM outbox WHERE store = \(store.rawValue)", on: connection
                ).map { try $0.decode(String.self) })
        }
    }

    public func plannedEmails(store: StoreID, since: Date) async throws -> [PlannedEmailRow] {
        try await withConnection("reading planned emails of \(store)") { connection in
            try await self.rows(
                """
                SELECT idempotency_key, campaign, not_before, payload FROM outbox
                WHERE store = \(store.rawValue) AND action = 'send_email' AND state <> 'cancelled'
                    AND not_before >= \(since)
                """, on: connection
            ).map { row in
                let (key, campaign, notBefore, payload) = try row.decode((String, String, Date, String).self)
                return PlannedEmailRow(idempotencyKey: key, campaign: campaign, notBefore: notBefore, payload: payload)
            }
        }
    }

    public func observedTiers(store: StoreID) async throws -> [String: String] {
        try await ensurePlannerState()
        return try await withConnection("reading observed loyalty tiers of \(store)") { connection in
            var tiers: [String: String] = [:]
            let rows = try await self.rows(
                "SELECT subject, value FROM engage_state WHERE store = \(store.rawValue) AND kind = 'tier'",
                on: connection)
            for row in rows {
                let (customer, tier) = try row.decode((String, String).self)
                tiers[customer] = tier
            }
            return tiers
        }
    }

    public func recordObservedTiers(store: StoreID, tiers: [String: String], now: Date) async throws {
        guard !tiers.isEmpty else { return }
        try await ensurePlannerState()
        let sorted = tiers.sorted { $0.key < $1.key }
        try await transaction("recording observed loyalty tiers of \(store)") { connection in
            for chunk in sorted.chunked(Self.maximumRowsPerStatement) {
                try await self.run(
                    """
                    INSERT INTO engage_state AS s (store, kind, subject, value, updated_at)
                    SELECT \(store.rawValue), 'tier', subject, value, \(now)
                    FROM unnest(\(chunk.map(\.key))::text[], \(chunk.map(\.value))::text[]) AS t (subject, value)
                    ON CONFLICT (store, kind, subject) DO UPDATE SET
                        value = EXCLUDED.value, updated_at = EXCLUDED.updated_at
                    WHERE s.value <> EXCLUDED.value
                    """, on: connection)
            }
        }
    }

    public func installSecret(named name: String, makeValue: @Sendable () -> String) async throws -> String {
        try await ensurePlannerState()
        let candidate = makeValue()
        return try await transaction("reading the install secret \(name)") { connection in
            try await self.run(
                """
                INSERT INTO engage_state (store, kind, subject, value, updated_at)
                VALUES ('', 'secret', \(name), \(candidate), now())
                ON CONFLICT (store, kind, subject) DO NOTHING
                """, on: connection)
            return try await self.rows(
                "SELECT value FROM engage_state WHERE store = '' AND kind = 'secret' AND subject = \(name)",
                on: connection
            ).first?.decode(String.self) ?? candidate
        }
    }

    public func recordSuppression(_ suppression: CustomerSuppression, store: StoreID, email: String, now: Date)
        async throws
    {
        try await ensurePlannerState()
        let address = email.lowercased()
        let kind = "suppression:" + suppression.rawValue
        try await transaction("recording \(suppression.rawValue) for a customer of \(store)") { connection in
            try await self.run(
                """
                INSERT INTO engage_state (store, kind, subject, value, updated_at)
                VALUES (\(store.rawValue), \(kind), \(address), '', \(now))
                ON CONFLICT (store, kind, subject) DO NOTHING
                """, on: connection)
        }
    }

    public func suppressions(store: StoreID) async throws -> [String: CustomerSuppression] {
        try await ensurePlannerState()
        return try await withConnection("reading recorded suppressions of \(store)") { connection in
            let rows = try await self.rows(
                """
                SELECT kind, subject FROM engage_state
                WHERE store = \(store.rawValue) AND kind LIKE 'suppression:%'
                """, on: connection)
            return CustomerSuppression.merge(
                try rows.map { row in
                    let (kind, email) = try row.decode((String, String).self)
                    return (kind: kind, email: email)
                })
        }
    }

    /// The planner's own small table, created on first use like SQLite's
    /// (databases written before the planner existed need no migration).
    /// Under the migration lock, so workers starting together don't race
    /// on `CREATE TABLE`.
    private func ensurePlannerState() async throws {
        guard !plannerStateReady.isSet else { return }
        try await transaction("creating the planner state table") { connection in
            try await self.run(
                "SELECT pg_advisory_xact_lock(\(PostgresMigrator.lockKey), hashtext(current_schema()))", on: connection)
            try await self.run(
                """
                CREATE TABLE IF NOT EXISTS engage_state (
                    store TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    subject TEXT NOT NULL,
                    value TEXT NOT NULL,
                    updated_at TIMESTAMPTZ NOT NULL,
                    PRIMARY KEY (store, kind, subject)
                )
                """, on: connection)
        }
        plannerStateReady.set()
    }
}
