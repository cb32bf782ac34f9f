/// Migration v6: the outbox's `state` CHECK also allows `skipped`.
///
/// The list is written out here, not taken from ``OutboxState``, because a
/// shipped migration must never change when the enum does.
enum OutboxSkippedMigration {
    static let states = "'pending', 'leased', 'done', 'failed', 'unknown', 'cancelled', 'skipped'"

    static func statements(_ dialect: SQLDialect) -> [String] {
        if dialect.altersChecks {
            // PostgreSQL names an unnamed column CHECK `<table>_<column>_check`.
            return [
                "ALTER TABLE outbox DROP CONSTRAINT outbox_state_check",
                "ALTER TABLE outbox ADD CONSTRAINT outbox_state_check CHECK (state IN (\(states)))",
            ]
        }
        return sqliteRebuild(dialect.types)
    }

    /// SQLite cannot change a CHECK: a new table with the outbox's v5
    /// columns, every row copied with its id, the id sequence carried over
    /// (so an id is never handed out twice), then the old table's place and
    /// indexes. GRDB runs the migration in one transaction.
    private static func sqliteRebuild(_ types: SQLColumnTypes) -> [String] {
        let columns = """
            id, idempotency_key, store, campaign, subject_kind, subject_id, action, payload, state, attempts, \
            not_before, lease_owner, lease_expires_at, result, last_error, created_at, updated_at, sending_at
            """
        return [
            """
            CREATE TABLE outbox_v6 (
                id \(types.serialKey),
                idempotency_key TEXT NOT NULL UNIQUE CHECK (idempotency_key <> ''),
                store TEXT NOT NULL,
                campaign TEXT NOT NULL,
                subject_kind TEXT NOT NULL,
                subject_id TEXT NOT NULL,
                action TEXT NOT NULL,
                payload TEXT NOT NULL,
                state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN (\(states))),
                attempts INTEGER NOT NULL DEFAULT 0,
                not_before \(types.time) NOT NULL,
                lease_owner TEXT,
                lease_expires_at \(types.time),
                result TEXT,
                last_error TEXT,
                created_at \(types.time) NOT NULL,
                updated_at \(types.time) NOT NULL,
                sending_at \(types.time)
            )
            """,
            "INSERT INTO outbox_v6 (\(columns)) SELECT \(columns) FROM outbox",
            "DELETE FROM sqlite_sequence WHERE name = 'outbox_v6'",
            "INSERT INTO sqlite_sequence (name, seq) SELECT 'outbox_v6', seq FROM sqlite_sequence WHERE name = 'outbox'",
            "DROP TABLE outbox",
            "ALTER TABLE outbox_v6 RENAME TO outbox",
        ] + SchemaMigrations.outboxIndexes
    }
}
