public import Foundation

extension SQLPersistence {
    public func outboxLeases() async throws -> [OutboxLease] {
        try await executor.read("reading outbox leases") { connection in
            try await connection.query(
                """
                SELECT lease_owner, COUNT(*), MIN(lease_expires_at), MAX(lease_expires_at) FROM outbox
                WHERE state = 'leased' AND lease_owner IS NOT NULL
                GROUP BY lease_owner ORDER BY lease_owner
                """, []
            )
            .map { row in
                OutboxLease(
                    owner: try row.text(0), rows: try row.int(1), earliestExpiry: try row.time(2),
                    latestExpiry: try row.time(3))
            }
        }
    }

    @discardableResult
    public func expireOutboxLeases(owner: String, now: Date) async throws -> Int {
        try await executor.transaction("ending the outbox leases of \(owner)") { connection in
            try await connection.count(
                """
                UPDATE outbox SET lease_expires_at = ?, updated_at = ?
                WHERE state = 'leased' AND lease_owner = ? AND lease_expires_at > ?
                RETURNING 1
                """,
                [.time(now), .time(now), .text(owner), .time(now)])
        }
    }
}
