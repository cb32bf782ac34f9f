/// The schema of both databases, as one append-only list of migrations
/// whose DDL takes the column types from the dialect.
///
/// Never edit a migration that has shipped: add a new one. The schema
/// version shown by `aftercart status` is the number applied, so a database
/// that knows a migration this list lacks was written by a newer binary and
/// is refused rather than half-understood.
///
/// Conventions: lookup columns holding emails and coupon codes are
/// lowercased, the payload keeps the original; keys compare byte-wise.
enum SchemaMigrations {
    /// One migration: an identifier recorded once applied, and its statements.
    struct Migration: Sendable {
        let identifier: String
        let statements: [String]
    }

    /// The key of the PostgreSQL advisory lock that serialises schema
    /// changes between workers ("AftC").
    static let lockKey: Int32 = 0x4166_7443

    /// Every migration, oldest first, in `dialect`'s types.
    static func all(_ dialect: SQLDialect) -> [Migration] {
        let types = dialect.types
        return [
            Migration(
                identifier: "v1-records-checkpoints-leases-outbox",
                statements: recordTables(types) + syncTables(types) + outbox(types)),
            // A leased row with `sending_at` whose lease expires was being
            // sent by a worker that died: a claim turns it `unknown` instead
            // of sending it again.
            Migration(
                identifier: "v2-outbox-sending", statements: ["ALTER TABLE outbox ADD COLUMN sending_at \(types.time)"]),
            // One row per applied webhook delivery, keyed by store and the
            // adapter's delivery key.
            Migration(
                identifier: "v3-webhook-deliveries",
                statements: [
                    """
                    CREATE TABLE webhook_deliveries (
                        store TEXT NOT NULL,
                        delivery_key TEXT NOT NULL CHECK (delivery_key <> ''),
                        platform TEXT NOT NULL,
                        topic TEXT NOT NULL,
                        received_at \(types.time) NOT NULL,
                        PRIMARY KEY (store, delivery_key)
                    )
                    """,
                    "CREATE INDEX webhook_deliveries_received ON webhook_deliveries (received_at)",
                ]),
            // When a full pass last marked what the store no longer has, so
            // `run` reconciles on `reconcile_every` across restarts.
            Migration(
                identifier: "v4-checkpoint-reconciled-at",
                statements: ["ALTER TABLE sync_checkpoints ADD COLUMN last_reconciled_at \(types.time)"]),
            // Records a sync could not map, written with their page so the
            // checkpoint passes them only once they are recorded.
            Migration(identifier: "v5-sync-rejects", statements: [syncRejects(types)]),
            // Store writes the platform cannot do end `skipped`, not `done`.
            Migration(identifier: "v6-outbox-skipped", statements: OutboxSkippedMigration.statements(dialect)),
            // Tokens a platform issued to the app, and the single-use
            // `state` values of installs under way, shared by all workers.
            Migration(identifier: "v7-app-credentials", statements: AppCredentialMigration.statements(types)),
            // The few order members a plan scans (OrderPlanningProjection),
            // written with every order; NULL on rows written before, which
            // the planner reads from the payload instead.
            Migration(
                identifier: "v8-planning-projection", statements: ["ALTER TABLE orders ADD COLUMN planning TEXT"]),
            // Stages tracking sources reported per parcel, and the parcels a tracking service follows.
            Migration(identifier: "v9-shipment-events", statements: ShipmentEventMigration.statements(types)),
            // Suppressed occurrences, once each, and the outcomes report's indexes.
            Migration(identifier: "v10-outcomes", statements: OutcomeMigration.statements(types)),
        ]
    }

    /// Where `identifier` stands in the list; an unknown one (a newer
    /// binary's) after every known one.
    static func position(_ identifier: String) -> Int {
        all(.sqlite).firstIndex { $0.identifier == identifier } ?? .max
    }

    /// The schema version this binary migrates to.
    static var latestVersion: Int { all(.sqlite).count }

    /// Refuses a database that records a migration this binary lacks: a
    /// newer aftercart migrated it, and this one would half-understand it.
    static func refuseUnknown(_ applied: Set<String>, location: String, target: String) throws {
        let unknown = applied.subtracting(all(.sqlite).map(\.identifier)).sorted()
        guard !unknown.isEmpty else { return }
        throw PersistenceError(
            kind: .schemaTooNew, location: location,
            what: "the database was migrated by a newer aftercart (it has \(unknown.joined(separator: ", ")); "
                + "this binary knows schema v\(latestVersion))",
            fix: "upgrade aftercart, or point [database] url at another \(target)")
    }

    /// The error for a migration that failed; one that is already a
    /// ``PersistenceError`` is kept.
    static func failed(_ error: any Error, reason: String, location: String, fix: String) -> any Error {
        if error is PersistenceError { return error }
        return PersistenceError(
            kind: .migrationFailed, location: location,
            what: "migrating the schema to v\(latestVersion) failed (\(reason))", fix: fix)
    }

    /// The planner's own small table, created on first use rather than by a
    /// migration, so databases written before the planner need none.
    static func plannerState(_ types: SQLColumnTypes) -> String {
        """
        CREATE TABLE IF NOT EXISTS engage_state (
            store TEXT NOT NULL,
            kind TEXT NOT NULL,
            subject TEXT NOT NULL,
            value TEXT NOT NULL,
            updated_at \(types.time) NOT NULL,
            PRIMARY KEY (store, kind, subject)
        )
        """
    }

    private static func recordTables(_ types: SQLColumnTypes) -> [String] {
        let time = types.time
        return recordTable(
            "orders", types,
            columns: """
                customer_email TEXT, customer_id TEXT, status TEXT NOT NULL, shipment_status TEXT NOT NULL,
                created_at \(time) NOT NULL, shipped_at \(time), delivered_at \(time)
                """,
            indexes: ["customer_email", "customer_id", "created_at", "updated_at", "delivered_at"])
            + recordTable("customers", types, columns: "email TEXT NOT NULL, created_at \(time)", indexes: ["email"])
            + recordTable(
                "coupons", types,
                columns: "code TEXT NOT NULL, expires_at \(time), created_by_aftercart \(types.bool) NOT NULL",
                indexes: ["code"])
            + recordTable(
                "loyalty", types, columns: "customer_id TEXT NOT NULL, tier TEXT, expires_at \(time)",
                indexes: ["expires_at"])
            + recordTable(
                "reviews", types,
                columns: """
                    customer_email TEXT NOT NULL, product_id TEXT NOT NULL, rating INTEGER NOT NULL,
                    status TEXT NOT NULL, created_at \(time) NOT NULL
                    """,
                indexes: ["customer_email", "product_id"])
    }

    /// Every record table shares the key, the payload and the bookkeeping
    /// columns that ``RecordTable`` writes; `columns` are the resource's
    /// query columns.
    private static func recordTable(_ table: String, _ types: SQLColumnTypes, columns: String, indexes: [String])
        -> [String]
    {
        [
            """
            CREATE TABLE \(table) (
                store \(types.key) NOT NULL CHECK (store <> ''),
                platform_id \(types.key) NOT NULL CHECK (platform_id <> ''),
                payload TEXT NOT NULL,
                updated_at \(types.time),
                changed_at \(types.time) NOT NULL,
                vanished_at \(types.time),
                \(columns),
                PRIMARY KEY (store, platform_id)
            )
            """
        ] + indexes.map { "CREATE INDEX \(table)_\($0) ON \(table) (store, \($0))" }
    }

    private static func syncTables(_ types: SQLColumnTypes) -> [String] {
        [
            """
            CREATE TABLE sync_checkpoints (
                store \(types.key) NOT NULL,
                resource \(types.key) NOT NULL,
                cursor TEXT,
                records_synced \(types.counter) NOT NULL DEFAULT 0,
                last_success_at \(types.time),
                last_completed_at \(types.time),
                last_error TEXT,
                last_error_at \(types.time),
                PRIMARY KEY (store, resource)
            )
            """,
            """
            CREATE TABLE leases (
                name \(types.key) NOT NULL PRIMARY KEY,
                owner TEXT NOT NULL,
                acquired_at \(types.time) NOT NULL,
                expires_at \(types.time) NOT NULL
            )
            """,
        ]
    }

    private static func syncRejects(_ types: SQLColumnTypes) -> String {
        """
        CREATE TABLE sync_rejects (
            store \(types.key) NOT NULL,
            resource \(types.key) NOT NULL,
            platform_id \(types.key) NOT NULL CHECK (platform_id <> ''),
            reason TEXT NOT NULL,
            raw_json TEXT NOT NULL,
            first_seen_at \(types.time) NOT NULL,
            last_seen_at \(types.time) NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 1,
            PRIMARY KEY (store, resource, platform_id)
        )
        """
    }

    private static func outbox(_ types: SQLColumnTypes) -> [String] {
        [
            """
            CREATE TABLE outbox (
                id \(types.serialKey),
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
                not_before \(types.time) NOT NULL,
                lease_owner TEXT,
                lease_expires_at \(types.time),
                result TEXT,
                last_error TEXT,
                created_at \(types.time) NOT NULL,
                updated_at \(types.time) NOT NULL
            )
            """
        ] + outboxIndexes
    }

    /// The outbox's indexes, made by v1 and again by v6's SQLite rebuild.
    static let outboxIndexes = [
        "CREATE INDEX outbox_due ON outbox (not_before) WHERE state = 'pending'",
        "CREATE INDEX outbox_leases ON outbox (lease_expires_at) WHERE state = 'leased'",
        "CREATE INDEX outbox_state ON outbox (state)",
        "CREATE INDEX outbox_subject ON outbox (store, subject_kind, subject_id)",
    ]
}
