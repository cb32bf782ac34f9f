public import AftercartModel
public import Foundation
import GRDB

extension SQLitePersistence {
    public func enqueue(_ entries: [NewOutboxEntry], now: Date) async throws -> [Bool] {
        let nowText = SQLiteTime.text(now)
        return try await write("adding \(entries.count) actions to the outbox") { db in
            let insert = try db.cachedStatement(
                sql: """
                    INSERT INTO outbox (idempotency_key, store, campaign, subject_kind, subject_id, action, payload,
                                        state, attempts, not_before, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?, ?)
                    ON CONFLICT (idempotency_key) DO NOTHING
                    """)
            return try entries.map { entry in
                try insert.execute(arguments: [
                    entry.idempotencyKey, entry.store.rawValue, entry.campaign, entry.subjectKind.rawValue,
                    entry.subjectID, entry.action.rawValue, entry.payload, SQLiteTime.text(entry.notBefore),
                    nowText, nowText,
                ])
                return db.changesCount > 0
            }
        }
    }

    public func outboxEntry(idempotencyKey: String) async throws -> OutboxEntry? {
        try await read("reading outbox action \(idempotencyKey)") { db in
            try Self.fetchEntries(db, where: "idempotency_key = ?", arguments: [idempotencyKey]).first
        }
    }

    public func outboxEntry(id: Int64) async throws -> OutboxEntry? {
        try await read("reading outbox action #\(id)") { db in
            try Self.fetchEntries(db, where: "id = ?", arguments: [id]).first
        }
    }

    public func claimDue(owner: String, limit: Int, leaseFor: TimeInterval, now: Date) async throws -> [OutboxClaim] {
        try await claimDue(owner: owner, limit: limit, leaseFor: leaseFor, now: now, stores: nil)
    }

    public func claimDue(owner: String, limit: Int, leaseFor: TimeInterval, now: Date, stores: Set<StoreID>?)
        async throws -> [OutboxClaim]
    {
        guard limit > 0 else { return [] }
        if let stores, stores.isEmpty { return [] }
        let storeFilter =
            stores.map { set in
                " AND store IN ("
                    + set.map { "'" + $0.rawValue.replacingOccurrences(of: "'", with: "''") + "'" }
                    .sorted().joined(separator: ", ") + ")"
            } ?? ""
        let nowText = SQLiteTime.text(now)
        let expires = SQLiteTime.text(now.addingTimeInterval(leaseFor))
        return try await write("claiming outbox actions") { db in
            try Self.expireInterruptedSends(db, nowText: nowText)
            // Two indexed scans instead of one OR, so each uses its partial index.
            let due = try Row.fetchAll(
                db,
                sql: """
                    SELECT id, not_before, NULL FROM outbox WHERE state = 'pending' AND not_before <= ?\(storeFilter)
                    UNION ALL
                    SELECT id, not_before, lease_owner FROM outbox WHERE state = 'leased' AND lease_expires_at <= ?\(storeFilter)
                    ORDER BY 2, 1 LIMIT ?
                    """,
                arguments: [nowText, nowText, limit])
            var claims: [OutboxClaim] = []
            for row in due {
                let id: Int64 = row[0]
                try db.execute(
                    sql: """
                        UPDATE outbox SET state = 'leased', lease_owner = ?, lease_expires_at = ?,
                            attempts = attempts + 1, updated_at = ?
                        WHERE id = ?
                        """,
                    arguments: [owner, expires, nowText, id])
                if let entry = try Self.fetchEntries(db, where: "id = ?", arguments: [id]).first {
                    claims.append(OutboxClaim(entry: entry, expiredOwner: row[2]))
                }
            }
            return claims
        }
    }

    @discardableResult
    public func markSending(id: Int64, owner: String, now: Date) async throws -> Bool {
        let nowText = SQLiteTime.text(now)
        return try await write("marking outbox action #\(id) as sending") { db in
            try db.execute(
                sql: """
                    UPDATE outbox SET sending_at = ?, updated_at = ?
                    WHERE id = ? AND state = 'leased' AND lease_owner = ? AND lease_expires_at > ?
                    """,
                arguments: [nowText, nowText, id, owner, nowText])
            return db.changesCount > 0
        }
    }

    public func renewClaims(ids: [Int64], owner: String, leaseFor: TimeInterval, now: Date) async throws
        -> Set<Int64>
    {
        guard !ids.isEmpty else { return [] }
        let nowText = SQLiteTime.text(now)
        let until = SQLiteTime.text(now.addingTimeInterval(leaseFor))
        return try await write("renewing the leases of \(ids.count) outbox actions") { db in
            var held: Set<Int64> = []
            for id in ids {
                try db.execute(
                    sql: """
                        UPDATE outbox SET lease_expires_at = ?, updated_at = ?
                        WHERE id = ? AND state = 'leased' AND lease_owner = ? AND lease_expires_at > ?
                        """,
                    arguments: [until, nowText, id, owner, nowText])
                if db.changesCount > 0 { held.insert(id) }
            }
            return held
        }
    }

    @discardableResult
    public func postpone(id: Int64, owner: String, until: Date, reason: String, now: Date) async throws -> Bool {
        try await transition(
            id: id, owner: owner, to: .pending, set: "last_error = ?, not_before = ?, attempts = MAX(attempts - 1, 0)",
            arguments: [String(reason.prefix(Self.maximumErrorLength)), SQLiteTime.text(until)], now: now,
            operation: "postponing")
    }

    public func expireInterruptedSends(now: Date) async throws -> [OutboxEntry] {
        let nowText = SQLiteTime.text(now)
        return try await write("expiring interrupted sends") { db in
            try Self.expireInterruptedSends(db, nowText: nowText)
        }
    }

    @discardableResult
    public func complete(id: Int64, owner: String, result: String?, now: Date) async throws -> Bool {
        try await transition(
            id: id, owner: owner, to: .done, set: "result = ?", arguments: [result], now: now, operation: "completing")
    }

    @discardableResult
    public func fail(id: Int64, owner: String, error: String, retryAt: Date?, now: Date) async throws -> Bool {
        let text = String(error.prefix(Self.maximumErrorLength))
        if let retryAt {
            return try await transition(
                id: id, owner: owner, to: .pending, set: "last_error = ?, not_before = ?",
                arguments: [text, SQLiteTime.text(retryAt)], now: now, operation: "rescheduling")
        }
        return try await transition(
            id: id, owner: owner, to: .failed, set: "last_error = ?", arguments: [text], now: now, operation: "failing")
    }

    @discardableResult
    public func markUnknown(id: Int64, owner: String, error: String, now: Date) async throws -> Bool {
        let text = String(error.prefix(Self.maximumErrorLength))
        return try await transition(
            id: id, owner: owner, to: .unknown, set: "last_error = ?", arguments: [text], now: now,
            operation: "marking unknown")
    }

    @discardableResult
    public func requeue(id: Int64, at: Date, now: Date) async throws -> Bool {
        try await update(
            id: id, from: [.failed, .unknown], to: .pending, set: "not_before = ?",
            arguments: [SQLiteTime.text(at)], now: now, operation: "requeueing")
    }

    @discardableResult
    public func cancel(id: Int64, now: Date) async throws -> Bool {
        try await update(
            id: id, from: [.pending, .failed, .unknown], to: .cancelled, set: nil, arguments: [], now: now,
            operation: "cancelling")
    }

    public func outboxCounts() async throws -> [OutboxState: Int] {
        try await read("counting outbox actions") { db in
            var counts = Dictionary(uniqueKeysWithValues: OutboxState.allCases.map { ($0, 0) })
            for row in try Row.fetchAll(db, sql: "SELECT state, COUNT(*) FROM outbox GROUP BY state") {
                if let state = OutboxState(rawValue: row[0]) { counts[state] = row[1] }
            }
            return counts
        }
    }

    public func outboxPage(after: Int64?, limit: Int) async throws -> [OutboxEntry] {
        try checkLimit(limit)
        return try await read("reading outbox actions") { db in
            try Self.fetchEntries(db, where: "id > ? ORDER BY id LIMIT ?", arguments: [after ?? 0, limit])
        }
    }

    public func outboxEntries(in state: OutboxState, limit: Int) async throws -> [OutboxEntry] {
        try checkLimit(limit)
        return try await read("reading \(state) outbox actions") { db in
            try Self.fetchEntries(db, where: "state = ? ORDER BY id LIMIT ?", arguments: [state.rawValue, limit])
        }
    }

    // MARK: - Helpers

    /// Rows whose sender died mid-send: the outcome is unknown, so they are
    /// never claimed again; an operator resends them deliberately.
    @discardableResult
    private static func expireInterruptedSends(_ db: Database, nowText: String) throws -> [OutboxEntry] {
        let ids = try Int64.fetchAll(
            db,
            sql: """
                SELECT id FROM outbox WHERE state = 'leased' AND lease_expires_at <= ? AND sending_at IS NOT NULL
                """,
            arguments: [nowText])
        for id in ids {
            try db.execute(
                sql: """
                    UPDATE outbox SET state = 'unknown', lease_owner = NULL, lease_expires_at = NULL,
                        last_error = 'the send started at ' || sending_at
                            || ' and its worker stopped before recording the outcome; not resent automatically',
                        updated_at = ?
                    WHERE id = ?
                    """,
                arguments: [nowText, id])
        }
        return try ids.compactMap { try fetchEntries(db, where: "id = ?", arguments: [$0]).first }
    }

    /// A worker's transition: only from `leased` and only by the lease owner,
    /// which releases the lease.
    private func transition(
        id: Int64, owner: String, to state: OutboxState, set assignments: String,
        arguments: [(any DatabaseValueConvertible)?], now: Date, operation: String
    ) async throws -> Bool {
        let sql = """
            UPDATE outbox SET state = ?, \(assignments), lease_owner = NULL, lease_expires_at = NULL, sending_at = NULL,
                updated_at = ?
            WHERE id = ? AND state = 'leased' AND lease_owner = ?
            """
        var values = StatementArguments([state.rawValue])
        values += StatementArguments(arguments)
        values += [SQLiteTime.text(now), id, owner]
        let frozen = values
        return try await write("\(operation) outbox action #\(id)") { db in
            try db.execute(sql: sql, arguments: frozen)
            return db.changesCount > 0
        }
    }

    /// An operator's transition, allowed from the listed states only.
    private func update(
        id: Int64, from states: [OutboxState], to state: OutboxState, set assignments: String?,
        arguments: [(any DatabaseValueConvertible)?], now: Date, operation: String
    ) async throws -> Bool {
        let allowed = states.map { "'\($0.rawValue)'" }.joined(separator: ", ")
        let extra = assignments.map { ", \($0)" } ?? ""
        let sql = """
            UPDATE outbox SET state = ?\(extra), sending_at = NULL, updated_at = ?
            WHERE id = ? AND state IN (\(allowed))
            """
        var values = StatementArguments([state.rawValue])
        values += StatementArguments(arguments)
        values += [SQLiteTime.text(now), id]
        let frozen = values
        return try await write("\(operation) outbox action #\(id)") { db in
            try db.execute(sql: sql, arguments: frozen)
            return db.changesCount > 0
        }
    }

    private static let entryColumns = """
        id, idempotency_key, store, campaign, subject_kind, subject_id, action, payload, state, attempts,
        not_before, lease_owner, lease_expires_at, result, last_error, created_at, updated_at
        """

    private static func fetchEntries(_ db: Database, where condition: String, arguments: StatementArguments) throws
        -> [OutboxEntry]
    {
        try Row.fetchAll(db, sql: "SELECT \(entryColumns) FROM outbox WHERE \(condition)", arguments: arguments)
            .map(entry(from:))
    }

    private static func entry(from row: Row) throws -> OutboxEntry {
        let id: Int64 = row[0]
        guard let subjectKind = ResourceKind(rawValue: row[4]), let action = OutboxAction(rawValue: row[6]),
            let state = OutboxState(rawValue: row[8])
        else {
            throw DatabaseError(
                message: "outbox action #\(id) has a kind, action or state this binary does not know; "
                    + "was it written by a newer aftercart?")
        }
        return OutboxEntry(
            id: id, idempotencyKey: row[1], store: StoreID(row[2] as String), campaign: row[3],
            subjectKind: subjectKind, subjectID: row[5], action: action, payload: row[7], state: state,
            attempts: row[9], notBefore: SQLiteTime.date(row[10]) ?? .distantPast, leaseOwner: row[11],
            leaseExpiresAt: SQLiteTime.date(row[12]), result: row[13], lastError: row[14],
            createdAt: SQLiteTime.date(row[15]) ?? .distantPast, updatedAt: SQLiteTime.date(row[16]) ?? .distantPast)
    }
}
