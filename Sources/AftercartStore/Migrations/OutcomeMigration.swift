/// Migration v10, for the outcomes report: `plan_suppressions` (each
/// occurrence a campaign did not message, once, with the reason it was
/// first suppressed for, so repeated plan runs count it once), and the
/// indexes the report's reads use. The customer scan reads every order's
/// address, date and status from one covering index, which replaces the
/// narrower `(store, customer_email)` one (so a sync writes no more indexes).
///
/// Occurrence and customer are keyed hashes (HMAC with the install's
/// `forgotten_customers` secret): the table holds no address, and erasing
/// a customer deletes their rows by the same hash.
enum OutcomeMigration {
    static func statements(_ types: SQLColumnTypes) -> [String] {
        [
            """
            CREATE TABLE plan_suppressions (
                store \(types.key) NOT NULL,
                campaign \(types.key) NOT NULL,
                occurrence \(types.key) NOT NULL,
                customer TEXT NOT NULL,
                reason TEXT NOT NULL,
                first_seen_at \(types.time) NOT NULL,
                PRIMARY KEY (store, campaign, occurrence)
            )
            """,
            "CREATE INDEX plan_suppressions_seen ON plan_suppressions (store, first_seen_at)",
            "CREATE INDEX plan_suppressions_customer ON plan_suppressions (store, customer)",
            "CREATE INDEX outbox_done ON outbox (store, action, updated_at) WHERE state = 'done'",
            "CREATE INDEX reviews_created_at ON reviews (store, created_at)",
            "CREATE INDEX orders_customer_orders ON orders (store, customer_email, created_at, status, vanished_at)",
            "DROP INDEX orders_customer_email",
        ]
    }
}
