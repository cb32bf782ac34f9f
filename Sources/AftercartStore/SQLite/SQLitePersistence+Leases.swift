public import Foundation
import GRDB

extension SQLitePersistence {
    public func acquireLease(name: String, owner: String, ttl: TimeInterval, now: Date) async throws -> Bool {
        let nowText = SQLiteTime.text(now)
        let expires = SQLiteTime.text(now.addingTimeInterval(ttl))
        return try await write("acquiring lease \(name)") { db in
            // One statement decides: SQLite has one writer, so no two
            // owners can both see the old row as free.
            try db.execute(
                sql: """
                    INSERT INTO leases (name, owner, acquired_at, expires_at) VALUES (?, ?, ?, ?)
                    ON CONFLICT (name) DO UPDATE SET
                        acquired_at = CASE WHEN owner = excluded.owner THEN acquired_at ELSE excluded.acquired_at END,
                        owner = excluded.owner,
                        expires_at = excluded.expires_at
                    WHERE owner = excluded.owner OR expires_at <= ?
                    """,
                arguments: [name, owner, nowText, expires, nowText])
            return db.changesCount > 0
        }
    }

    public func renewLease(name: String, owner: String, ttl: TimeInterval, now: Date) async throws -> Bool {
        let expires = SQLiteTime.text(now.addingTimeInterval(ttl))
        return try await write("renewing lease \(name)") { db in
            try db.execute(
                sql: "UPDATE leases SET expires_at = ? WHERE name = ? AND owner = ?",
                arguments: [expires, name, owner])
            return db.changesCount > 0
        }
    }

    @discardableResult
    public func releaseLease(name: String, owner: String) async throws -> Bool {
        try await write("releasing lease \(name)") { db in
            try db.execute(sql: "DELETE FROM leases WHERE name = ? AND owner = ?", arguments: [name, owner])
            return db.changesCount > 0
        }
    }

    public func leases() async throws -> [Lease] {
        try await read("reading leases") { db in
            try Row.fetchAll(db, sql: "SELECT name, owner, acquired_at, expires_at FROM leases ORDER BY name").map {
                Lease(
                    name: $0[0], owner: $0[1], acquiredAt: SQLiteTime.date($0[2]) ?? .distantPast,
                    expiresAt: SQLiteTime.date($0[3]) ?? .distantPast)
            }
        }
    }
}
