import GRDB

/// The SQLite schema, as an append-only list of migrations.
///
/// Never edit a migration that has shipped: add a new one. The schema
/// version shown by `aftercart status` is the number applied, so a database
/// that knows a migration this list lacks was written by a newer binary and
/// is refused rather than half-understood.
///
/// Conventions: times are ``SQLiteTime`` text (UTC); lookup columns holding
/// emails and coupon codes are lowercased, the payload keeps the original.
enum SQLiteMigrations {
    static let migrator: DatabaseMigrator = {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-records-checkpoints-leases-outbox") { db in
            try createRecordTables(db)
            try createSyncTables(db)
            try createOutbox(db)
        }
        migrator.registerMigration("v2-outbox-sending") { db in
            try OutboxSendingMigration.apply(db)
        }
        migrator.registerMigration(WebhookDeliveriesMigration.identifier) { db in
            try WebhookDeliveriesMigration.apply(db)
        }
        return migrator
    }()

    /// The schema version this binary migrates to.
    static var latestVersion: Int { migrator.migrations.count }

    private static func createRecordTables(_ db: Database) throws {
        try createRecordTable(
            db, "orders",
            columns: """
                customer_email TEXT, customer_id TEXT, status TEXT NOT NULL, shipment_status TEXT NOT NULL,
                created_at TEXT NOT NULL, shipped_at TEXT, delivered_at TEXT
                """,
            indexes: ["customer_email", "customer_id", "created_at", "updated_at", "delivered_at"])
        try createRecordTable(
            db, "customers", columns: "email TEXT NOT NULL, created_at TEXT", indexes: ["email"])
        try createRecordTable(
            db, "coupons",
            columns: "code TEXT NOT NULL, expires_at TEXT, created_by_aftercart INTEGER NOT NULL",
            indexes: ["code"])
        try createRecordTable(
            db, "loyalty", columns: "customer_id TEXT NOT NULL, tier TEXT, expires_at TEXT",
            indexes: ["expires_at"])
        try createRecordTable(
            db, "reviews",
            columns: """
                customer_email TEXT NOT NULL, product_id TEXT NOT NULL, rating INTEGER NOT NULL,
                status TEXT NOT NULL, created_at TEXT NOT NULL
                """,
            indexes: ["customer_email", "product_id"])
    }

    /// Every record table shares the key, the payload and the bookkeeping
    /// columns that ``SQLiteRecordTable`` writes; `columns` are the
    /// resource's query columns.
    private static func createRecordTable(_ db: Database, _ table: String, columns: String, indexes: [String])
        throws
    {
        try db.execute(
            sql: """
                CREATE TABLE \(table) (
                    store TEXT NOT NULL CHECK (store <> ''),
                    platform_id TEXT NOT NULL CHECK (platform_id <> ''),
                    payload TEXT NOT NULL,
                    updated_at TEXT,
                    changed_at TEXT NOT NULL,
                    vanished_at TEXT,
                    \(columns),
                    PRIMARY KEY (store, platform_id)
                )
                """)
        for column in indexes {
            try db.execute(sql: "CREATE INDEX \(table)_\(column) ON \(table) (store, \(column))")
        }
    }

    private static func createSyncTables(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE sync_checkpoints (
                    store TEXT NOT NULL,
                    resource TEXT NOT NULL,
                    cursor TEXT,
                    records_synced INTEGER NOT NULL DEFAULT 0,
                    last_success_at TEXT,
                    last_completed_at TEXT,
                    last_error TEXT,
                    last_error_at TEXT,
                    PRIMARY KEY (store, resource)
                );
                CREATE TABLE leases (
                    name TEXT NOT NULL PRIMARY KEY,
                    owner TEXT NOT NULL,
                    acquired_at TEXT NOT NULL,
                    expires_at TEXT NOT NULL
                );
                """)
    }

    private static func createOutbox(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE outbox (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    idempotency_key TEXT NOT NULL UNIQUE CHECK (idempotency_key <> ''),
                    store TEXT NOT NULL,
                    campaign TEXT NOT NULL,
                    subject_kind TEXT NOT NULL,
                    subject_id TEXT NOT NULL,
                    action TEXT NOT NULL,
                    payload TEXT NOT NULL,
                    state TEXT NOT NULL DEFAULT 'pending'
                        CHECK (state IN ('pending', 'leased', 'done', 'failed', 'unknown', 'cancelled')),
                    attempts INTEGER NOT NULL DEFAULT 0,
                    not_before TEXT NOT NULL,
                    lease_owner TEXT,
                    lease_expires_at TEXT,
                    result TEXT,
                    last_error TEXT,
                    created_at TEXT NOT NULL,
                    updated_at TEXT NOT NULL
                );
                CREATE INDEX outbox_due ON outbox (not_before) WHERE state = 'pending';
                CREATE INDEX outbox_leases ON outbox (lease_expires_at) WHERE state = 'leased';
                CREATE INDEX outbox_state ON outbox (state);
                CREATE INDEX outbox_subject ON outbox (store, subject_kind, subject_id);
                """)
    }
}
