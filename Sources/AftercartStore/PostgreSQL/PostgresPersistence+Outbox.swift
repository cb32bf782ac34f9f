public import AftercartModel
public import Foundation
import PostgresNIO

extension PostgresPersistence {
    public func enqueue(_ entries: [NewOutboxEntry], now: Date) async throws -> [Bool] {
        try await transaction("adding \(entries.count) actions to the outbox") { connection in
            var added: [Bool] = []
            for entry in entries {
                let rows = try await self.rows(
                    """
                    INSERT INTO outbox (idempotency_key, store, campaign, subject_kind, subject_id, action, payload,
                                        state, attempts, not_before, created_at, updated_at)
                    VALUES (\(entry.idempotencyKey), \(entry.store.rawValue), \(entry.campaign),
                            \(entry.subjectKind.rawValue), \(entry.subjectID), \(entry.action.rawValue),
                            \(entry.payload), 'pending', 0, \(entry.notBefore), \(now), \(now))
                    ON CONFLICT (idempotency_key) DO NOTHING
                    RETURNING 1
                    """, on: connection)
                added.append(!rows.isEmpty)
            }
            return added
        }
    }

    public func outboxEntry(idempotencyKey: String) async throws -> OutboxEntry? {
        try await withConnection("reading outbox action \(idempotencyKey)") { connection in
            try await self.entries(
                connection,
                "SELECT \(unescaped: Self.entryColumns) FROM outbox WHERE idempotency_key = \(idempotencyKey)"
            ).first
        }
    }

    public func outboxEntry(id: Int64) async throws -> OutboxEntry? {
        try await withConnection("reading outbox action #\(id)") { connection in
            try await self.entries(connection, "SELECT \(unescaped: Self.entryColumns) FROM outbox WHERE id = \(id)")
                .first
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
        let expires = now.addingTimeInterval(leaseFor)
        var bindings = Self.bindings(now, limit, owner, expires)
        var storeFilter = ""
        if let stores {
            bindings.append(stores.map(\.rawValue).sorted())
            storeFilter = " AND store = ANY($5)"
        }
        // SKIP LOCKED: rows another worker is claiming right now are passed
        // over, not waited for, so concurrent claimers split the due rows
        // between them and never share one. The row lock lasts until the
        // transaction commits; the lease columns hold the row after that.
        let claim = PostgresQuery(
            unsafeSQL: """
                WITH due AS (
                    SELECT id, CASE WHEN state = 'leased' THEN lease_owner END AS expired_owner
                    FROM outbox
                    WHERE ((state = 'pending' AND not_before <= $1)
                        OR (state = 'leased' AND lease_expires_at <= $1 AND sending_at IS NULL))\(storeFilter)
                    ORDER BY not_before, id
                    LIMIT $2
                    FOR UPDATE SKIP LOCKED
                )
                UPDATE outbox AS o SET state = 'leased', lease_owner = $3, lease_expires_at = $4,
                    attempts = o.attempts + 1, updated_at = $1
                FROM due WHERE o.id = due.id
                RETURNING \(Self.entryColumns(prefixed: "o.")), due.expired_owner
                """,
            binds: bindings)
        return try await transaction("claiming outbox actions") { connection in
            try await self.expireInterruptedSends(connection, now: now)
            return try await self.rows(claim, on: connection).map { row in
                let cells = row.makeRandomAccess()
                return OutboxClaim(
                    entry: try Self.entry(from: cells), expiredOwner: try cells[17].decode(String?.self))
            }
            .sorted { ($0.entry.notBefore, $0.entry.id) < ($1.entry.notBefore, $1.entry.id) }
        }
    }

    @discardableResult
    public func markSending(id: Int64, owner: String, now: Date) async throws -> Bool {
        try await withConnection("marking outbox action #\(id) as sending") { connection in
            try await !self.rows(
                """
                UPDATE outbox SET sending_at = \(now), updated_at = \(now)
                WHERE id = \(id) AND state = 'leased' AND lease_owner = \(owner) AND lease_expires_at > \(now)
                RETURNING 1
                """, on: connection
            ).isEmpty
        }
    }

    public func renewClaims(ids: [Int64], owner: String, leaseFor: TimeInterval, now: Date) async throws
        -> Set<Int64>
    {
        guard !ids.isEmpty else { return [] }
        let until = now.addingTimeInterval(leaseFor)
        return try await withConnection("renewing the leases of \(ids.count) outbox actions") { connection in
            var held: Set<Int64> = []
            for row in try await self.rows(
                """
                UPDATE outbox SET lease_expires_at = \(until), updated_at = \(now)
                WHERE id = ANY(\(ids)) AND state = 'leased' AND lease_owner = \(owner) AND lease_expires_at > \(now)
                RETURNING id
                """, on: connection)
            {
                held.insert(try row.decode(Int64.self))
            }
            return held
        }
    }

    public func expireInterruptedSends(now: Date) async throws -> [OutboxEntry] {
        try await withConnection("expiring interrupted sends") { connection in
            try await self.expireInterruptedSends(connection, now: now)
        }
    }

    @discardableResult
    public func postpone(id: Int64, owner: String, until: Date, reason: String, now: Date) async throws -> Bool {
        try await transition(
            id: id, owner: owner, to: .pending,
            set: "last_error = $5, not_before = $6, attempts = GREATEST(attempts - 1, 0)",
            values: [.text(String(reason.prefix(Self.maximumErrorLength))), .time(until)], now: now,
            operation: "postponing")
    }

    @discardableResult
    public func complete(id: Int64, owner: String, result: String?, now: Date) async throws -> Bool {
        try await transition(
            id: id, owner: owner, to: .done, set: "result = $5", values: [.text(result)], now: now,
            operation: "completing")
    }

    @discardableResult
    public func fail(id: Int64, owner: String, error: String, retryAt: Date?, now: Date) async throws -> Bool {
        let text = String(error.prefix(Self.maximumErrorLength))
        if let retryAt {
            return try await transition(
                id: id, owner: owner, to: .pending, set: "last_error = $5, not_before = $6",
                values: [.text(text), .time(retryAt)], now: now, operation: "rescheduling")
        }
        return try await transition(
            id: id, owner: owner, to: .failed, set: "last_error = $5", values: [.text(text)], now: now,
            operation: "failing")
    }

    @discardableResult
    public func markUnknown(id: Int64, owner: String, error: String, now: Date) async throws -> Bool {
        let text = String(error.prefix(Self.maximumErrorLength))
        return try await transition(
            id: id, owner: owner, to: .unknown, set: "last_error = $5", values: [.text(text)], now: now,
            operation: "marking unknown")
    }

    @discardableResult
    public func requeue(id: Int64, at: Date, now: Date) async throws -> Bool {
        try await update(
            id: id, from: [.failed, .unknown], to: .pending, set: ", not_before = $4", values: [.time(at)], now: now,
            operation: "requeueing")
    }

    @discardableResult
    public func cancel(id: Int64, now: Date) async throws -> Bool {
        try await update(
            id: id, from: [.pending, .failed, .unknown], to: .cancelled, set: "", values: [], now: now,
            operation: "cancelling")
    }

    public func outboxCounts() async throws -> [OutboxState: Int] {
        try await withConnection("counting outbox actions") { connection in
            var counts = Dictionary(uniqueKeysWithValues: OutboxState.allCases.map { ($0, 0) })
            for row in try await self.rows("SELECT state, COUNT(*) FROM outbox GROUP BY state", on: connection) {
                let (state, count) = try row.decode((String, Int).self)
                if let state = OutboxState(rawValue: state) { counts[state] = count }
            }
            return counts
        }
    }

    public func outboxPage(after: Int64?, limit: Int) async throws -> [OutboxEntry] {
        try checkLimit(limit)
        return try await withConnection("reading outbox actions") { connection in
            try await self.entries(
                connection,
                "SELECT \(unescaped: Self.entryColumns) FROM outbox WHERE id > \(after ?? 0) ORDER BY id LIMIT \(limit)"
            )
        }
    }

    public func outboxEntries(in state: OutboxState, limit: Int) async throws -> [OutboxEntry] {
        try checkLimit(limit)
        return try await withConnection("reading \(state) outbox actions") { connection in
            try await self.entries(
                connection,
                """
                SELECT \(unescaped: Self.entryColumns) FROM outbox WHERE state = \(state.rawValue)
                ORDER BY id LIMIT \(limit)
                """)
        }
    }

    // MARK: - Helpers

    /// A worker's transition: only from `leased` and only by the lease
    /// owner, which releases the lease. `$1`–`$4` are taken; `assignments`
    /// use `$5` on.
    private func transition(
        id: Int64, owner: String, to state: OutboxState, set assignments: String, values: [PostgresValue], now: Date,
        operation: String
    ) async throws -> Bool {
        var bindings = Self.bindings(state.rawValue, now, id, owner)
        for value in values { value.bind(into: &bindings) }
        let query = PostgresQuery(
            unsafeSQL: """
                UPDATE outbox SET state = $1, \(assignments), lease_owner = NULL, lease_expires_at = NULL,
                    sending_at = NULL, updated_at = $2
                WHERE id = $3 AND state = 'leased' AND lease_owner = $4
                RETURNING 1
                """,
            binds: bindings)
        return try await withConnection("\(operation) outbox action #\(id)") { connection in
            try await !self.rows(query, on: connection).isEmpty
        }
    }

    /// An operator's transition, allowed from the listed states only. `$1`–`$3`
    /// are taken; `assignments` start with a comma and use `$4` on.
    private func update(
        id: Int64, from states: [OutboxState], to state: OutboxState, set assignments: String,
        values: [PostgresValue], now: Date, operation: String
    ) async throws -> Bool {
        let allowed = states.map { "'\($0.rawValue)'" }.joined(separator: ", ")
        var bindings = Self.bindings(state.rawValue, now, id)
        for value in values { value.bind(into: &bindings) }
        let query = PostgresQuery(
            unsafeSQL: """
                UPDATE outbox SET state = $1\(assignments), sending_at = NULL, updated_at = $2
                WHERE id = $3 AND state IN (\(allowed))
                RETURNING 1
                """,
            binds: bindings)
        return try await withConnection("\(operation) outbox action #\(id)") { connection in
            try await !self.rows(query, on: connection).isEmpty
        }
    }

    /// Rows whose sender died mid-send: the outcome is unknown, so they are
    /// never claimed again; an operator resends them deliberately.
    @discardableResult
    private func expireInterruptedSends(_ connection: PostgresConnection, now: Date) async throws -> [OutboxEntry] {
        try await entries(
            connection,
            """
            UPDATE outbox SET state = 'unknown', lease_owner = NULL, lease_expires_at = NULL,
                last_error = 'the send started at '
                    || to_char(sending_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
                    || ' and its worker stopped before recording the outcome; not resent automatically',
                updated_at = \(now)
            WHERE state = 'leased' AND lease_expires_at <= \(now) AND sending_at IS NOT NULL
            RETURNING \(unescaped: Self.entryColumns)
            """
        ).sorted { $0.id < $1.id }
    }

    static func entryColumns(prefixed prefix: String) -> String {
        entryColumns.split(separator: ",").map { prefix + $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .joined(separator: ", ")
    }

    static let entryColumns = """
        id, idempotency_key, store, campaign, subject_kind, subject_id, action, payload, state, attempts,
        not_before, lease_owner, lease_expires_at, result, last_error, created_at, updated_at
        """

    private func entries(_ connection: PostgresConnection, _ query: PostgresQuery) async throws -> [OutboxEntry] {
        try await rows(query, on: connection).map { try Self.entry(from: $0.makeRandomAccess()) }
    }

    static func entry(from row: PostgresRandomAccessRow) throws -> OutboxEntry {
        let id = try row[0].decode(Int64.self)
        let subjectKind = ResourceKind(rawValue: try row[4].decode(String.self))
        let action = OutboxAction(rawValue: try row[6].decode(String.self))
        let state = OutboxState(rawValue: try row[8].decode(String.self))
        guard let subjectKind, let action, let state else {
            throw PersistenceError(
                kind: .corruptRecord, location: "outbox",
                what: "outbox action #\(id) has a kind, action or state this binary does not know",
                fix: "was it written by a newer aftercart? Upgrade this worker")
        }
        return OutboxEntry(
            id: id, idempotencyKey: try row[1].decode(String.self), store: StoreID(try row[2].decode(String.self)),
            campaign: try row[3].decode(String.self), subjectKind: subjectKind,
            subjectID: try row[5].decode(String.self), action: action, payload: try row[7].decode(String.self),
            state: state, attempts: try row[9].decode(Int.self), notBefore: try row[10].decode(Date.self),
            leaseOwner: try row[11].decode(String?.self), leaseExpiresAt: try row[12].decode(Date?.self),
            result: try row[13].decode(String?.self), lastError: try row[14].decode(String?.self),
            createdAt: try row[15].decode(Date.self), updatedAt: try row[16].decode(Date.self))
    }
}
