public import AftercartModel
public import Foundation

extension SQLPersistence {
    public func enqueue(_ entries: [NewOutboxEntry], now: Date) async throws -> [Bool] {
        try await executor.transaction("adding \(entries.count) actions to the outbox") { connection in
            var added: [Bool] = []
            for entry in entries {
                added.append(
                    try await connection.count(
                        """
                        INSERT INTO outbox (idempotency_key, store, campaign, subject_kind, subject_id, action, payload,
                                            state, attempts, not_before, created_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?, ?)
                        ON CONFLICT (idempotency_key) DO NOTHING
                        RETURNING 1
                        """,
                        [
                            .text(entry.idempotencyKey), .text(entry.store.rawValue), .text(entry.campaign),
                            .text(entry.subjectKind.rawValue), .text(entry.subjectID), .text(entry.action.rawValue),
                            .text(entry.payload), .time(entry.notBefore), .time(now), .time(now),
                        ]) > 0)
            }
            return added
        }
    }

    public func outboxEntry(idempotencyKey: String) async throws -> OutboxEntry? {
        try await outboxEntries(
            "reading outbox action \(idempotencyKey)", "idempotency_key = ?", [.text(idempotencyKey)]
        )
        .first
    }

    public func outboxEntry(id: Int64) async throws -> OutboxEntry? {
        try await outboxEntries("reading outbox action #\(id)", "id = ?", [.integer(id)]).first
    }

    public func claimDue(owner: String, limit: Int, leaseFor: TimeInterval, now: Date, stores: Set<StoreID>?)
        async throws -> [OutboxClaim]
    {
        guard limit > 0 else { return [] }
        if let stores, stores.isEmpty { return [] }
        let storeIDs = stores.map { $0.map(\.rawValue).sorted() } ?? []
        let storeFilter = stores == nil ? "" : " AND store IN (\(Self.placeholders(storeIDs.count)))"
        let storeArguments = storeIDs.map { SQLValue.text($0) }
        // Two indexed scans, one per partial index, rather than one OR.
        // The dialect's claim lock makes concurrent PostgreSQL claimers pass
        // over rows another one is taking instead of waiting or sharing them.
        let candidates = [
            "SELECT id, not_before, NULL FROM outbox WHERE state = 'pending' AND not_before <= ?",
            """
            SELECT id, not_before, lease_owner FROM outbox
            WHERE state = 'leased' AND lease_expires_at <= ? AND sending_at IS NULL
            """,
        ].map { "\($0)\(storeFilter) ORDER BY not_before, id LIMIT ?\(dialect.claimLock)" }
        return try await executor.transaction("claiming outbox actions") { connection in
            try await self.expireInterruptedSends(now: now, on: connection)
            var due: [(id: Int64, notBefore: Date, expiredOwner: String?)] = []
            for sql in candidates {
                for row in try await connection.query(sql, [.time(now)] + storeArguments + [.integer(limit)]) {
                    due.append((Int64(try row.int(0)), try row.time(1), try row.optionalText(2)))
                }
            }
            let chosen = due.sorted { ($0.notBefore, $0.id) < ($1.notBefore, $1.id) }.prefix(limit)
            guard !chosen.isEmpty else { return [] }
            let expiredOwners = Dictionary(uniqueKeysWithValues: chosen.map { ($0.id, $0.expiredOwner) })
            let claimed = try await connection.query(
                """
                UPDATE outbox SET state = 'leased', lease_owner = ?, lease_expires_at = ?,
                    attempts = attempts + 1, updated_at = ?
                WHERE id IN (\(Self.placeholders(chosen.count)))
                RETURNING \(Self.entryColumns)
                """,
                [.text(owner), .time(now.addingTimeInterval(leaseFor)), .time(now)] + chosen.map { .integer($0.id) })
            return try claimed.map(Self.entry(from:))
                .map { OutboxClaim(entry: $0, expiredOwner: expiredOwners[$0.id] ?? nil) }
                .sorted { ($0.entry.notBefore, $0.entry.id) < ($1.entry.notBefore, $1.entry.id) }
        }
    }

    @discardableResult
    public func markSending(id: Int64, owner: String, now: Date) async throws -> Bool {
        try await executor.transaction("marking outbox action #\(id) as sending") { connection in
            try await connection.count(
                """
                UPDATE outbox SET sending_at = ?, updated_at = ?
                WHERE id = ? AND state = 'leased' AND lease_owner = ? AND lease_expires_at > ?
                RETURNING 1
                """,
                [.time(now), .time(now), .integer(id), .text(owner), .time(now)]) > 0
        }
    }

    public func renewClaims(ids: [Int64], owner: String, leaseFor: TimeInterval, now: Date) async throws
        -> Set<Int64>
    {
        guard !ids.isEmpty else { return [] }
        return try await executor.transaction("renewing the leases of \(ids.count) outbox actions") { connection in
            var held: Set<Int64> = []
            for chunk in ids.chunked(Self.maximumRowsPerStatement) {
                for row in try await connection.query(
                    """
                    UPDATE outbox SET lease_expires_at = ?, updated_at = ?
                    WHERE id IN (\(Self.placeholders(chunk.count))) AND state = 'leased' AND lease_owner = ?
                        AND lease_expires_at > ?
                    RETURNING id
                    """,
                    [.time(now.addingTimeInterval(leaseFor)), .time(now)] + chunk.map { .integer($0) }
                        + [.text(owner), .time(now)])
                {
                    held.insert(Int64(try row.int(0)))
                }
            }
            return held
        }
    }

    public func expireInterruptedSends(now: Date) async throws -> [OutboxEntry] {
        try await executor.transaction("expiring interrupted sends") { connection in
            try await self.expireInterruptedSends(now: now, on: connection)
        }
    }

    @discardableResult
    public func postpone(id: Int64, owner: String, until: Date, reason: String, now: Date) async throws -> Bool {
        try await move(
            id, .postpone, owner: owner, now: now,
            set: [
                ("last_error = ?", .text(String(reason.prefix(Self.maximumErrorLength)))),
                ("not_before = ?", .time(until)),
                ("attempts = CASE WHEN attempts > 0 THEN attempts - 1 ELSE 0 END", nil),
            ])
    }

    @discardableResult
    public func complete(id: Int64, owner: String, result: String?, now: Date) async throws -> Bool {
        try await move(id, .complete, owner: owner, now: now, set: [("result = ?", .text(result))])
    }

    @discardableResult
    public func skip(id: Int64, owner: String, result: String, now: Date) async throws -> Bool {
        try await move(id, .skip, owner: owner, now: now, set: [("result = ?", .text(result))])
    }

    @discardableResult
    public func fail(id: Int64, owner: String, error: String, retryAt: Date?, now: Date) async throws -> Bool {
        let text = SQLValue.text(String(error.prefix(Self.maximumErrorLength)))
        guard let retryAt else {
            return try await move(id, .fail, owner: owner, now: now, set: [("last_error = ?", text)])
        }
        return try await move(
            id, .reschedule, owner: owner, now: now,
            set: [("last_error = ?", text), ("not_before = ?", .time(retryAt))])
    }

    @discardableResult
    public func markUnknown(id: Int64, owner: String, error: String, now: Date) async throws -> Bool {
        let text = SQLValue.text(String(error.prefix(Self.maximumErrorLength)))
        return try await move(id, .markUnknown, owner: owner, now: now, set: [("last_error = ?", text)])
    }

    @discardableResult
    public func requeue(id: Int64, at: Date, now: Date) async throws -> Bool {
        try await move(id, .requeue, owner: nil, now: now, set: [("not_before = ?", .time(at))])
    }

    @discardableResult
    public func cancel(id: Int64, now: Date) async throws -> Bool {
        try await move(id, .cancel, owner: nil, now: now, set: [])
    }

    public func outboxCounts() async throws -> [OutboxState: Int] {
        try await executor.read("counting outbox actions") { connection in
            var counts = Dictionary(uniqueKeysWithValues: OutboxState.allCases.map { ($0, 0) })
            for row in try await connection.query("SELECT state, COUNT(*) FROM outbox GROUP BY state", []) {
                if let state = OutboxState(rawValue: try row.text(0)) { counts[state] = try row.int(1) }
            }
            return counts
        }
    }

    public func outboxPage(after: Int64?, limit: Int) async throws -> [OutboxEntry] {
        try checkLimit(limit)
        return try await outboxEntries(
            "reading outbox actions", "id > ? ORDER BY id LIMIT ?", [.integer(after ?? 0), .integer(limit)])
    }

    public func outboxEntries(in state: OutboxState, limit: Int) async throws -> [OutboxEntry] {
        try checkLimit(limit)
        return try await outboxEntries(
            "reading \(state) outbox actions", "state = ? ORDER BY id LIMIT ?",
            [.text(state.rawValue), .integer(limit)])
    }
}
