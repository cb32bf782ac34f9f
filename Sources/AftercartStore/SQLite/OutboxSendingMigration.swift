import GRDB

/// Migration 2: `outbox.sending_at`, set when an email's send begins.
///
/// A leased row with `sending_at` whose lease expires was being sent by a
/// worker that died: the outcome is unknown, so a claim turns it `unknown`
/// instead of sending it again.
enum OutboxSendingMigration {
    static func apply(_ db: Database) throws {
        try db.execute(sql: "ALTER TABLE outbox ADD COLUMN sending_at TEXT")
    }
}
