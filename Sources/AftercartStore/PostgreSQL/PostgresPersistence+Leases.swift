public import Foundation
import PostgresNIO

extension PostgresPersistence {
    public func acquireLease(name: String, owner: String, ttl: TimeInterval, now: Date) async throws -> Bool {
        let expires = now.addingTimeInterval(ttl)
        return try await withConnection("acquiring lease \(name)") { connection in
            // One statement decides: a concurrent insert of the same name
            // waits for the first and then re-checks the WHERE, so two
            // workers on two hosts can't both see the old row as free.
            try await !self.rows(
                """
                INSERT INTO leases AS l (name, owner, acquired_at, expires_at) VALUES (\(name), \(owner), \(now), \(expires))
                ON CONFLICT (name) DO UPDATE SET
                    acquired_at = CASE WHEN l.owner = EXCLUDED.owner THEN l.acquired_at ELSE EXCLUDED.acquired_at END,
                    owner = EXCLUDED.owner,
                    expires_at = EXCLUDED.expires_at
                WHERE l.owner = EXCLUDED.owner OR l.expires_at <= \(now)
                RETURNING 1
                """, on: connection
            ).isEmpty
        }
    }

    public func renewLease(name: String, owner: String, ttl: TimeInterval, now: Date) async throws -> Bool {
        let expires = now.addingTimeInterval(ttl)
        return try await withConnection("renewing lease \(name)") { connection in
            try await !self.rows(
                "UPDATE leases SET expires_at = \(expires) WHERE name = \(name) AND owner = \(owner) RETURNING 1",
                on: connection
            ).isEmpty
        }
    }

    @discardableResult
    public func releaseLease(name: String, owner: String) async throws -> Bool {
        try await withConnection("releasing lease \(name)") { connection in
            try await !self.rows(
                "DELETE FROM leases WHERE name = \(name) AND owner = \(owner) RETURNING 1", on: connection
            ).isEmpty
        }
    }

    public func leases() async throws -> [Lease] {
        try await withConnection("reading leases") { connection in
            try await self.rows("SELECT name, owner, acquired_at, expires_at FROM leases ORDER BY name", on: connection)
                .map { row in
                    let (name, owner, acquired, expires) = try row.decode((String, String, Date, Date).self)
                    return Lease(name: name, owner: owner, acquiredAt: acquired, expiresAt: expires)
                }
        }
    }
}
