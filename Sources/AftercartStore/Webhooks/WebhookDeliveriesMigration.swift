import GRDB

/// Schema addition for ``WebhookInbox``: one row per applied delivery,
/// keyed by store and the adapter's delivery key.
enum WebhookDeliveriesMigration {
    static let identifier = "v3-webhook-deliveries"

    static func apply(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE webhook_deliveries (
                    store TEXT NOT NULL,
                    delivery_key TEXT NOT NULL CHECK (delivery_key <> ''),
                    platform TEXT NOT NULL,
                    topic TEXT NOT NULL,
                    received_at TEXT NOT NULL,
                    PRIMARY KEY (store, delivery_key)
                );
                CREATE INDEX webhook_deliveries_received ON webhook_deliveries (received_at);
                """)
    }
}
