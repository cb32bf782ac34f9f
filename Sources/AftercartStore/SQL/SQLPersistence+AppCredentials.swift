public import AftercartModel
public import Foundation

extension SQLPersistence: AppCredentialStore, InstallStateStore {
    public func appCredential(store: StoreID) async throws -> IssuedCredential? {
        try await executor.read("reading the app credential of \(store)") { connection in
            guard
                let row = try await connection.query(
                    """
                    SELECT access_token, access_expires_at, refresh_token, refresh_expires_at, scopes, issued_at,
                        issued_to
                    FROM app_credentials WHERE store = ?
                    """,
                    [.text(store.rawValue)]
                ).first
            else { return nil }
            return IssuedCredential(
                accessToken: Secret(try row.text(0)), accessExpiresAt: try row.optionalTime(1),
                refreshToken: try row.optionalText(2).map { Secret($0) }, refreshExpiresAt: try row.optionalTime(3),
                scopes: try row.text(4).split(separator: ",").map(String.init), issuedAt: try row.time(5),
                issuedTo: try row.optionalText(6))
        }
    }

    public func saveAppCredential(_ credential: IssuedCredential, store: StoreID) async throws {
        // One statement: a reader never sees the new access token with the old refresh token.
        try await executor.transaction("keeping the app credential of \(store)") { connection in
            try await connection.execute(
                """
                INSERT INTO app_credentials
                    (store, access_token, access_expires_at, refresh_token, refresh_expires_at, scopes, issued_at,
                     issued_to)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (store) DO UPDATE SET
                    access_token = excluded.access_token, access_expires_at = excluded.access_expires_at,
                    refresh_token = excluded.refresh_token, refresh_expires_at = excluded.refresh_expires_at,
                    scopes = excluded.scopes, issued_at = excluded.issued_at, issued_to = excluded.issued_to
                """,
                [
                    .text(store.rawValue), .text(credential.accessToken.revealed()), .time(credential.accessExpiresAt),
                    .text(credential.refreshToken?.revealed()), .time(credential.refreshExpiresAt),
                    .text(credential.scopes.joined(separator: ",")), .time(credential.issuedAt),
                    .text(credential.issuedTo),
                ])
        }
    }

    public func issueInstallState(_ state: String, store: StoreID, expiresAt: Date, now: Date) async throws {
        try await executor.transaction("recording an install of \(store)") { connection in
            try await connection.execute("DELETE FROM install_states WHERE expires_at <= ?", [.time(now)])
            try await connection.execute(
                "INSERT INTO install_states (state, store, expires_at) VALUES (?, ?, ?)",
                [.text(state), .text(store.rawValue), .time(expiresAt)])
        }
    }

    public func consumeInstallState(_ state: String, now: Date) async throws -> StoreID? {
        try await executor.transaction("using an install state") { connection in
            // DELETE … RETURNING: of two callbacks racing with one state, one gets the row.
            guard
                let row = try await connection.query(
                    "DELETE FROM install_states WHERE state = ? RETURNING store, expires_at", [.text(state)]
                ).first,
                try row.time(1) > now
            else { return nil }
            return StoreID(try row.text(0))
        }
    }
}
