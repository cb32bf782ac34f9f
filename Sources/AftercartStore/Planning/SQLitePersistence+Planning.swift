public import AftercartModel
public import Foundation
import GRDB

extension SQLitePersistence: PlanningStore {
    public func plannedKeys(store: StoreID) async throws -> Set<String> {
        try await read("reading planned action keys of \(store)") { db in
            Set(
                try String.fetchAll(
                    db, sql: "SELECT idempotency_key FROM outbox WHERE store = ?", arguments: [store.rawValue]))
        }
    }

    public func plannedEmails(store: StoreID, since: Date) async throws -> [PlannedEmailRow] {
        try await read("reading planned emails of \(store)") { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT idempotency_key, campaign, not_before, payload FROM outbox
                    WHERE store = ? AND action = 'send_email' AND state <> 'cancelled' AND not_before >= ?
                    """,
                arguments: [store.rawValue, SQLiteTime.text(since)]
            ).map { row in
                PlannedEmailRow(
                    idempotencyKey: row[0], campaign: row[1], notBefore: SQLiteTime.date(row[2]) ?? since,
                    payload: row[3])
            }
        }
    }

    public func observedTiers(store: StoreID) async throws -> [String: String] {
        try await ensurePlannerState()
        return try await read("reading observed loyalty tiers of \(store)") { db in
            var tiers: [String: String] = [:]
            let rows = try Row.fetchAll(
                db, sql: "SELECT subject, value FROM engage_state WHERE store = ? AND kind = 'tier'",
                arguments: [store.rawValue])
            for row in rows { tiers[row[0]] = row[1] }
            return tiers
        }
    }

    public func recordObservedTiers(store: StoreID, tiers: [String: String], now: Date) async throws {
        guard !tiers.isEmpty else { return }
        try await ensurePlannerState()
        let nowText = SQLiteTime.text(now)
        try await write("recording observed loyalty tiers of \(store)") { db in
            let upsert = try db.cachedStatement(
                sql: """
                    INSERT INTO engage_state (store, kind, subject, value, updated_at) VALUES (?, 'tier', ?, ?, ?)
                    ON CONFLICT (store, kind, subject) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at
                    WHERE value <> excluded.value
                    """)
            for (customer, tier) in tiers {
                try upsert.execute(arguments: [store.rawValue, customer, tier, nowText])
            }
        }
    }

    public func installSecret(named name: String, makeValue: @Sendable () -> String) async throws -> String {
        try await ensurePlannerState()
        let candidate = makeValue()
        return try await write("reading the install secret \(name)") { db in
            try db.execute(
                sql: """
                    INSERT INTO engage_state (store, kind, subject, value, updated_at)
                    VALUES ('', 'secret', ?, ?, '') ON CONFLICT (store, kind, subject) DO NOTHING
                    """,
                arguments: [name, candidate])
            return try String.fetchOne(
                db, sql: "SELECT value FROM engage_state WHERE store = '' AND kind = 'secret' AND subject = ?",
                arguments: [name]) ?? candidate
        }
    }

    public func recordSuppression(_ suppression: CustomerSuppression, store: StoreID, email: String, now: Date)
        async throws
    {
        try await ensurePlannerState()
        let address = email.lowercased()
        try await write("recording \(suppression.rawValue) for a customer of \(store)") { db in
            try db.execute(
                sql: """
                    INSERT INTO engage_state (store, kind, subject, value, updated_at) VALUES (?, ?, ?, '', ?)
                    ON CONFLICT (store, kind, subject) DO NOTHING
                    """,
                arguments: [store.rawValue, "suppression:" + suppression.rawValue, address, SQLiteTime.text(now)])
        }
    }

    public func suppressions(store: StoreID) async throws -> [String: CustomerSuppression] {
        try await ensurePlannerState()
        return try await read("reading recorded suppressions of \(store)") { db in
            let rows = try Row.fetchAll(
                db, sql: "SELECT kind, subject FROM engage_state WHERE store = ? AND kind LIKE 'suppression:%'",
                arguments: [store.rawValue])
            return CustomerSuppression.merge(rows.map { row in (kind: row[0] as String, email: row[1] as String) })
        }
    }

    /// The planner's own small table. Created on first use, additively, so
    /// databases written before the planner existed need no migration.
    private func ensurePlannerState() async throws {
        try await write("creating the planner state table") { db in
            try db.execute(
                sql: """
                    CREATE TABLE IF NOT EXISTS engage_state (
                        store TEXT NOT NULL,
                        kind TEXT NOT NULL,
                        subject TEXT NOT NULL,
                        value TEXT NOT NULL,
                        updated_at TEXT NOT NULL,
                        PRIMARY KEY (store, kind, subject)
                    )
                    """)
        }
    }
}
