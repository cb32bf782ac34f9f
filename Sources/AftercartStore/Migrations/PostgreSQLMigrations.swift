/// The PostgreSQL schema, as an append-only list of migrations with the
/// same identifiers and meaning as ``SQLiteMigrations``.
///
/// Never edit a migration that has shipped: add a new one, here and in
/// the SQLite list. The applied identifiers live in `aftercart_migrations`;
/// a database that knows one this list lacks was written by a newer binary
/// and is refused.
///
/// Conventions: times are `TIMESTAMPTZ` (microseconds, UTC); keys use the
/// `C` collation so they sort byte-wise like SQLite's `BINARY` and
/// ``RecordKey``; lookup columns holding emails and coupon codes are
/// lowercased, the payload keeps the original; payloads are `TEXT`, not
/// `JSONB`, so the stored JSON is byte for byte what was written.
enum PostgreSQLMigrations {
    /// One migration: statements run in order in one transaction.
    struct Migration: Sendable {
        let identifier: String
        let statements: [String]
    }

    static let all: [Migration] = [
        Migration(
            identifier: "v1-records-checkpoints-leases-outbox",
            statements: recordTables() + syncTables() + outbox()),
        // An email's send began; see OutboxSendingMigration.
        Migration(
            identifier: "v2-outbox-sending", statements: ["ALTER TABLE outbox ADD COLUMN sending_at TIMESTAMPTZ"]),
        // See WebhookDeliveriesMigration.
        Migration(
            identifier: "v3-webhook-deliveries",
            statements: [
                """
                CREATE TABLE webhook_deliveries (
                    store TEXT NOT NULL,
                    delivery_key TEXT NOT NULL CHECK (delivery_key <> ''),
                    platform TEXT NOT NULL,
                    topic TEXT NOT NULL,
                    received_at TIMESTAMPTZ NOT NULL,
                    PRIMARY KEY (store, delivery_key)
                )
                """,
                "CREATE INDEX webhook_deliveries_received ON webhook_deliveries (received_at)",
            ]),
    ]

    /// The schema version this binary migrates to.
    static var latestVersion: Int { all.count }

    /// The bookkeeping table, created before anything else.
    static let bookkeeping = """
        CREATE TABLE IF NOT EXISTS aftercart_migrations (
            identifier TEXT PRIMARY KEY,
            applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
        )
        """

    private static func recordTables() -> [String] {
        recordTable(
            "orders",
            columns: """
                customer_email TEXT, customer_id TEXT, status TEXT NOT NULL, shipment_status TEXT NOT NULL,
                created_at TIMESTAMPTZ NOT NULL, shipped_at TIMESTAMPTZ, delivered_at TIMESTAMPTZ
                """,
            indexes: ["customer_email", "customer_id", "created_at", "updated_at", "delivered_at"])
            + recordTable("customers", columns: "email TEXT NOT NULL, created_at TIMESTAMPTZ", indexes: ["email"])
            + recordTable(
                "coupons", columns: "code TEXT NOT NULL, expires_at TIMESTAMPTZ, created_by_aftercart BOOLEAN NOT NULL",
                indexes: ["code"])
            + recordTable(
                "loyalty", columns: "customer_id TEXT NOT NULL, tier TEXT, expires_at TIMESTAMPTZ",
                indexes: ["expires_at"])
            + recordTable(
                "reviews",
                columns: """
                    customer_email TEXT NOT NULL, product_id TEXT NOT NULL, rating INTEGER NOT NULL,
                    status TEXT NOT NULL, created_at TIMESTAMPTZ NOT NULL
                    """,
                indexes: ["customer_email", "product_id"])
    }

    /// Every record table shares the key, the payload and the bookkeeping
    /// columns that ``PostgresRecordTable`` writes.
    private static func recordTable(_ table: String, columns: String, indexes: [String]) -> [String] {
        [
            """
            CREATE TABLE \(table) (
                store TEXT COLLATE "C" NOT NULL CHECK (store <> ''),
                platform_id TEXT COLLATE "C" NOT NULL CHECK (platform_id <> ''),
                payload TEXT NOT NULL,
                updated_at TIMESTAMPTZ,
                changed_at TIMESTAMPTZ NOT NULL,
                vanished_at TIMESTAMPTZ,
                \(columns),
                PRIMARY KEY (store, platform_id)
            )
            """
        ] + indexes.map { "CREATE INDEX \(table)_\($0) ON \(table) (store, \($0))" }
    }

    private static func syncTables() -> [String] {
        [
            """
            CREATE TABLE sync_checkpoints (
                store TEXT COLLATE "C" NOT NULL,
                resource TEXT COLLATE "C" NOT NULL,
                cursor TEXT,
                records_synced BIGINT NOT NULL DEFAULT 0,
                last_success_at TIMESTAMPTZ,
                last_completed_at TIMESTAMPTZ,
                last_error TEXT,
                last_error_at TIMESTAMPTZ,
                PRIMARY KEY (store, resource)
            )
            """,
            """
            CREATE TABLE leases (
                name TEXT COLLATE "C" NOT NULL PRIMARY KEY,
                owner TEXT NOT NULL,
                acquired_at TIMESTAMPTZ NOT NULL,
                expires_at TIMESTAMPTZ NOT NULL
            )
            """,
        ]
    }

    private static func outbox() -> [String] {
        [
            """
            CREATE TABLE outbox (
                id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
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
                not_before TIMESTAMPTZ NOT NULL,
                lease_owner TEXT,
                lease_expires_at TIMESTAMPTZ,
                result TEXT,
                last_error TEXT,
                created_at TIMESTAMPTZ NOT NULL,
                updated_at TIMESTAMPTZ NOT NULL
            )
            """,
            "CREATE INDEX outbox_due ON outbox (not_before) WHERE state = 'pending'",
            "CREATE INDEX outbox_leases ON outbox (lease_expires_at) WHERE state = 'leased'",
            "CREATE INDEX outbox_state ON outbox (state)",
            "CREATE INDEX outbox_subject ON outbox (store, subject_kind, subject_id)",
        ]
    }
}
