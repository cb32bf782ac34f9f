public import Foundation

extension SQLPersistence {
    public func acquireLease(name: String, owner: String, ttl: TimeInterval, now: Date) async throws -> Bool {
        try await executor.transaction("acquiring lease \(name)") { connection in
            // One statement decides: SQLite has one writer, and PostgreSQL
            // makes a concurrent insert of the same name wait for the first
            // and re-check the WHERE, so no two owners can both see the old
            // row as free.
            try await connection.count(
                """
                INSERT INTO leases (name, owner, acquired_at, expires_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (name) DO UPDATE SET
                    acquired_at = CASE WHEN leases.owner = excluded.owner
                        THEN leases.acquired_at ELSE excluded.acquired_at END,
                    owner = excluded.owner,
                    expires_at = excluded.expires_at
                WHERE leases.owner = excluded.owner OR leases.expires_at <= ?
                RETURNING 1
                """,
                [.text(name), .text(owner), .time(now), .time(now.addingTimeInterval(ttl)), .time(now)]) > 0
        }
    }

    public func renewLease(name: String, owner: String, ttl: TimeInterval, now: Date) async throws -> Bool {
        try await executor.transaction("renewing lease \(name)") { connection in
            try await connection.count(
                "UPDATE leases SET expires_at = ? WHERE name = ? AND owner = ? RETURNING 1",
                [.time(now.addingTimeInterval(ttl)), .text(name), .text(owner)]) > 0
        }
    }

    @discardableResult
    public func releaseLease(name: String, owner: String) async throws -> Bool {
        try await executor.transaction("releasing lease \(name)") { connection in
            try await connection.count(
                "DELETE FROM leases WHERE name = ? AND owner = ? RETURNING 1", [.text(name), .text(owner)]) > 0
        }
    }

    public func leases() async throws -> [Lease] {
        try await executor.read("reading leases") { connection in
            try await connection.query("SELECT name, owner, acquired_at, expires_at FROM leases ORDER BY name", [])
                .map { row in
                    Lease(
                        name: try row.text(0), owner: try row.text(1), acquiredAt: try row.time(2),
                        expiresAt: try row.time(3))
                }
        }
    }
}
