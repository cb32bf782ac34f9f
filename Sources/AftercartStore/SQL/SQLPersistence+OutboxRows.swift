import AftercartModel
import Foundation

extension SQLPersistence {
    /// Moves row `id` along `transition` when it is in one of the allowed
    /// states (and, for a worker's transition, leased to `owner`), setting
    /// `assignments` too. Any lease and send mark are released.
    ///
    /// - Parameter assignments: `column = ?` clauses with their value, or
    ///   an expression with `nil`.
    /// - Returns: `false` when the row was not in an allowed state.
    func move(
        _ id: Int64, _ transition: OutboxTransition, owner: String?, now: Date,
        set assignments: [(clause: String, value: SQLValue?)]
    ) async throws -> Bool {
        var conditions = "id = ? AND state IN (\(Self.placeholders(transition.from.count)))"
        var arguments = [SQLValue.text(transition.to.rawValue)] + assignments.compactMap(\.value)
        arguments += [.time(now), .integer(id)] + transition.from.map { .text($0.rawValue) }
        if transition.byLeaseOwner {
            conditions += " AND lease_owner = ?"
            arguments.append(.text(owner))
        }
        let sql = """
            UPDATE outbox SET state = ?\(assignments.map { ", " + $0.clause }.joined()),
                lease_owner = NULL, lease_expires_at = NULL, sending_at = NULL, updated_at = ?
            WHERE \(conditions)
            RETURNING 1
            """
        let frozen = arguments
        return try await executor.transaction("\(transition.verb) outbox action #\(id)") { connection in
            try await connection.count(sql, frozen) > 0
        }
    }

    /// Rows whose sender died mid-send: the outcome is unknown, so they are
    /// never claimed again; an operator resends them deliberately.
    @discardableResult
    func expireInterruptedSends(now: Date, on connection: Executor.Connection) async throws -> [OutboxEntry] {
        let interrupted = try await connection.query(
            """
            SELECT id, sending_at FROM outbox
            WHERE state = 'leased' AND lease_expires_at <= ? AND sending_at IS NOT NULL
            ORDER BY id\(dialect.rowLock)
            """,
            [.time(now)])
        var expired: [OutboxEntry] = []
        for row in interrupted {
            let started = FixedWidthTime.text(try row.time(1))
            let updated = try await connection.query(
                """
                UPDATE outbox SET state = 'unknown', lease_owner = NULL, lease_expires_at = NULL, last_error = ?,
                    updated_at = ?
                WHERE id = ?
                RETURNING \(Self.entryColumns)
                """,
                [
                    .text(
                        "the send started at \(started) and its worker stopped before recording the outcome; "
                            + "not resent automatically"),
                    .time(now), .integer(try row.int(0)),
                ])
            expired += try updated.map(Self.entry(from:))
        }
        return expired
    }

    /// The rows matching `condition` (which may end in `ORDER BY … LIMIT`).
    func outboxEntries(_ operation: String, _ condition: String, _ arguments: [SQLValue]) async throws
        -> [OutboxEntry]
    {
        try await executor.read(operation) { connection in
            try await connection.query("SELECT \(Self.entryColumns) FROM outbox WHERE \(condition)", arguments)
                .map(Self.entry(from:))
        }
    }

    static var entryColumns: String {
        """
        id, idempotency_key, store, campaign, subject_kind, subject_id, action, payload, state, attempts,
        not_before, lease_owner, lease_expires_at, result, last_error, created_at, updated_at
        """
    }

    static func entry(from row: SQLRow) throws -> OutboxEntry {
        let id = Int64(try row.int(0))
        guard let subjectKind = ResourceKind(rawValue: try row.text(4)),
            let action = OutboxAction(rawValue: try row.text(6)),
            let state = OutboxState(rawValue: try row.text(8))
        else {
            throw PersistenceError(
                kind: .corruptRecord, location: "outbox",
                what: "outbox action #\(id) has a kind, action or state this binary does not know",
                fix: "was it written by a newer aftercart? Upgrade this worker")
        }
        return OutboxEntry(
            id: id, idempotencyKey: try row.text(1), store: StoreID(try row.text(2)), campaign: try row.text(3),
            subjectKind: subjectKind, subjectID: try row.text(5), action: action, payload: try row.text(7),
            state: state, attempts: try row.int(9), notBefore: try row.time(10), leaseOwner: try row.optionalText(11),
            leaseExpiresAt: try row.optionalTime(12), result: try row.optionalText(13),
            lastError: try row.optionalText(14), createdAt: try row.time(15), updatedAt: try row.time(16))
    }
}
