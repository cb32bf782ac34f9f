/// Migration v7: `app_credentials` (one issued token pair per store,
/// replaced whole) and `install_states` (the `state` of each install
/// under way, deleted when used or expired).
enum AppCredentialMigration {
    static func statements(_ types: SQLColumnTypes) -> [String] {
        [
            """
            CREATE TABLE app_credentials (
                store \(types.key) NOT NULL PRIMARY KEY,
                access_token TEXT NOT NULL CHECK (access_token <> ''),
                access_expires_at \(types.time),
                refresh_token TEXT,
                refresh_expires_at \(types.time),
                scopes TEXT NOT NULL,
                issued_at \(types.time) NOT NULL,
                issued_to TEXT
            )
            """,
            """
            CREATE TABLE install_states (
                state \(types.key) NOT NULL PRIMARY KEY CHECK (state <> ''),
                store TEXT NOT NULL,
                expires_at \(types.time) NOT NULL
            )
            """,
        ]
    }
}
