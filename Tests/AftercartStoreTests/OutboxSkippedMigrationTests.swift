import AftercartModel
import Foundation
import GRDB
import Logging
import PostgresNIO
import Testing

@testable import AftercartStore

/// Migration v6 on databases written at v5 with rows in them: every row
/// keeps its id and state, the indexes are back, and `skipped` is allowed.
@Suite("Outbox skipped-state migration")
struct OutboxSkippedMigrationTests {
    static let rowsSQL = [
        ("k/done", "done"), ("k/pending", "pending"), ("k/failed", "failed"), ("k/deleted", "cancelled"),
    ]

    /// Checks a store just migrated from v5 holding ``rowsSQL`` (the last one deleted).
    func expectMigrated(_ store: any Persistence, nextIDAfter lastID: Int64) async throws {
        let status = try await store.schemaStatus()
        #expect(status.isCurrent)
        #expect(status.appliedMigrations.contains("v6-outbox-skipped"))
        let counts = try await store.outboxCounts()
        #expect(counts[.done] == 1 && counts[.pending] == 1 && counts[.failed] == 1 && counts[.skipped] == 0)
        let done = try #require(try await store.outboxEntry(idempotencyKey: "k/done"))
        #expect(done.state == .done && done.result == "kept" && done.payload == "{}")
        // A new row never takes an id a deleted row had.
        let now = Date()
        try await store.enqueue(
            NewOutboxEntry(
                idempotencyKey: "k/new", store: "tokyo-woo", campaign: "c", subjectKind: .customers, subjectID: "1",
                action: .tagCustomer, payload: "{}", notBefore: now.addingTimeInterval(-60)), now: now)
        let new = try #require(try await store.outboxEntry(idempotencyKey: "k/new"))
        #expect(new.id > lastID)
        let claims = try await store.claimDue(owner: "w", limit: 10, leaseFor: 60, now: now)
        #expect(Set(claims.map(\.entry.idempotencyKey)) == ["k/pending", "k/new"])
        #expect(try await store.skip(id: new.id, owner: "w", result: "no tags", now: now))
        let skipped = try #require(try await store.outboxEntry(id: new.id))
        #expect(skipped.state == .skipped && skipped.result == "no tags")
        // Final like done: never claimed again; the pending row's lease lapsed, so it is.
        let pending = try #require(claims.first { $0.entry.idempotencyKey == "k/pending" })
        let later = try await store.claimDue(owner: "w2", limit: 10, leaseFor: 60, now: now.addingTimeInterval(3600))
        #expect(later.map(\.entry.id) == [pending.entry.id])
    }

    @Test func sqliteAtV5() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory.path("v5.sqlite")
            var migrator = DatabaseMigrator()
            for migration in SchemaMigrations.all(.sqlite).prefix(5) {
                migrator.registerMigration(migration.identifier) { db in
                    for statement in migration.statements { try db.execute(sql: statement) }
                }
            }
            let queue = try DatabaseQueue(path: path)
            try migrator.migrate(queue)
            let time = FixedWidthTime.text(Date().addingTimeInterval(-3600))
            try await queue.write { db in
                for (key, state) in Self.rowsSQL {
                    try db.execute(
                        sql: """
                            INSERT INTO outbox (idempotency_key, store, campaign, subject_kind, subject_id, action,
                                payload, state, result, not_before, created_at, updated_at)
                            VALUES (?, 'tokyo-woo', 'c', 'orders', '1', 'send_email', '{}', ?, 'kept', ?, ?, ?)
                            """, arguments: [key, state, time, time, time])
                }
                try db.execute(sql: "DELETE FROM outbox WHERE idempotency_key = 'k/deleted'")
                // The v5 CHECK refuses the new state: the migration is what allows it.
                #expect(throws: (any Error).self) {
                    try db.execute(sql: "UPDATE outbox SET state = 'skipped' WHERE idempotency_key = 'k/done'")
                }
            }
            try queue.close()

            let store = try await SQLitePersistence.open(path: path)
            try await expectMigrated(store, nextIDAfter: 4)
            let indexes = try await DatabaseQueue(path: path).read { db in
                try String.fetchAll(
                    db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'outbox' ORDER BY name"
                )
            }
            #expect(indexes.contains("outbox_due") && indexes.contains("outbox_leases"))
            #expect(indexes.contains("outbox_state") && indexes.contains("outbox_subject"))
            try await store.close()
        }
    }

    @Test(.enabled(if: TestPostgres.url != nil, "AFTERCART_TEST_POSTGRES_URL is unset"))
    func postgresAtV5() async throws {
        try await TestPostgres.withSchema { schema in
            try await TestPostgres.admin { connection in
                let logger = Logger(label: "test")
                func run(_ sql: String) async throws {
                    _ = try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger).collect()
                }
                try await run("SET search_path TO \(schema)")
                try await run(PostgresMigrator.bookkeeping)
                for migration in SchemaMigrations.all(.postgres).prefix(5) {
                    for statement in migration.statements { try await run(statement) }
                    try await run("INSERT INTO aftercart_migrations (identifier) VALUES ('\(migration.identifier)')")
                }
                for (key, state) in Self.rowsSQL {
                    try await run(
                        """
                        INSERT INTO outbox (idempotency_key, store, campaign, subject_kind, subject_id, action,
                            payload, state, result, not_before, created_at, updated_at)
                        VALUES ('\(key)', 'tokyo-woo', 'c', 'orders', '1', 'send_email', '{}', '\(state)', 'kept',
                            now() - interval '1 hour', now(), now())
                        """)
                }
                try await run("DELETE FROM outbox WHERE idempotency_key = 'k/deleted'")
                await #expect(throws: (any Error).self) {
                    try await run("UPDATE outbox SET state = 'skipped' WHERE idempotency_key = 'k/done'")
                }
            }
            let store = try await TestPostgres.open(schema: schema)
            do {
                try await expectMigrated(store, nextIDAfter: 4)
                try await store.close()
            } catch {
                try? await store.close()
                throw error
            }
        }
    }
}
