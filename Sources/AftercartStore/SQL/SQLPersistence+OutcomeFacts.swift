public import AftercartModel
public import Foundation

extension SQLPersistence: OutcomeFactStore {
    public func sentEmails(store: StoreID, from: Date, to: Date) async throws -> [SentEmailFact] {
        let json = dialect.jsonMember
        return try await executor.read("reading sent emails of \(store)") { connection in
            try await connection.query(
                """
                SELECT campaign, idempotency_key, \(json("payload", "to")), \(json("payload", "transactional")),
                    updated_at
                FROM outbox
                WHERE store = ? AND action = 'send_email' AND state = 'done' AND updated_at >= ? AND updated_at < ?
                """,
                [.text(store.rawValue), .time(from), .time(to)]
            ).map { row in
                let flag = try row.optionalText(3)
                return SentEmailFact(
                    campaign: try row.text(0), idempotencyKey: try row.text(1),
                    recipient: (try row.optionalText(2) ?? "").lowercased(),
                    transactional: flag == "1" || flag == "true",
                    sentAt: try row.time(4))
            }
        }
    }

    public func createdCoupons(store: StoreID, from: Date, to: Date) async throws -> [CreatedCouponFact] {
        let json = dialect.jsonMember
        return try await executor.read("reading created coupons of \(store)") { connection in
            try await connection.query(
                """
                SELECT campaign, \(json("payload", "code")), updated_at FROM outbox
                WHERE store = ? AND action = 'create_coupon' AND state = 'done' AND updated_at >= ? AND updated_at < ?
                """,
                [.text(store.rawValue), .time(from), .time(to)]
            ).compactMap { row in
                guard let code = try row.optionalText(1), !code.isEmpty else { return nil }
                return CreatedCouponFact(campaign: try row.text(0), code: code.lowercased(), createdAt: try row.time(2))
            }
        }
    }

    public func chargedOrders(store: StoreID, from: Date, to: Date, couponsOnly: Bool) async throws -> [OrderFact] {
        let codes = dialect.jsonMember("payload", "coupon_codes")
        return try await executor.read("reading orders of \(store)") { connection in
            try await connection.query(
                """
                SELECT \(self.orderFactColumns)\(couponsOnly ? ", \(codes)" : "") FROM orders
                WHERE store = ? AND created_at >= ? AND created_at < ? AND \(self.chargedOrder)
                \(couponsOnly ? "AND \(codes) IS NOT NULL AND \(codes) <> '[]'" : "")
                """,
                [.text(store.rawValue), .time(from), .time(to)]
            ).map { row in
                var fact = try Self.orderFact(row)
                if couponsOnly, let text = try row.optionalText(6) {
                    let list = (try? JSONDecoder().decode([String].self, from: Data(text.utf8))) ?? []
                    fact.couponCodes = list.map { $0.lowercased() }
                }
                return fact
            }
        }
    }

    public func customerOrderPage(store: StoreID, after: String?, limit: Int) async throws -> [CustomerOrderFact] {
        try checkLimit(limit)
        let read: (SQLRow) throws -> CustomerOrderFact = { row in
            CustomerOrderFact(email: try row.text(0), createdAt: try row.time(1))
        }
        return try await executor.read("reading orders by customer of \(store)") { connection in
            // Address, date and status only: all in index orders_customer_orders.
            let rows = try await connection.query(
                """
                SELECT customer_email, created_at FROM orders
                WHERE store = ? AND customer_email > ? AND \(self.chargedOrder)
                ORDER BY customer_email LIMIT ?
                """,
                [.text(store.rawValue), .text(after ?? ""), .integer(limit)]
            ).map(read)
            guard rows.count == limit, let last = rows.last?.email else { return rows }
            if rows.first?.email == last {
                // One address fills the page: read all of its orders.
                return try await connection.query(
                    "SELECT customer_email, created_at FROM orders WHERE store = ? AND customer_email = ? AND \(self.chargedOrder)",
                    [.text(store.rawValue), .text(last)]
                ).map(read)
            }
            // The last address may go on past the limit: the next page reads it whole.
            return rows.filter { $0.email != last }
        }
    }

    public func postedReviews(store: StoreID, from: Date, to: Date) async throws -> [ReviewFact] {
        try await executor.read("reading reviews of \(store)") { connection in
            try await connection.query(
                """
                SELECT customer_email, rating, created_at FROM reviews
                WHERE store = ? AND created_at >= ? AND created_at < ? AND vanished_at IS NULL
                """,
                [.text(store.rawValue), .time(from), .time(to)]
            ).map { row in
                ReviewFact(email: try row.text(0).lowercased(), rating: try row.int(1), createdAt: try row.time(2))
            }
        }
    }

    public func unsubscribes(store: StoreID, from: Date, to: Date) async throws -> [UnsubscribeFact] {
        try await ensurePlannerState()
        return try await executor.read("reading unsubscribes of \(store)") { connection in
            try await connection.query(
                """
                SELECT subject, updated_at FROM engage_state
                WHERE store = ? AND kind = 'suppression:unsubscribed' AND updated_at >= ? AND updated_at < ?
                """,
                [.text(store.rawValue), .time(from), .time(to)]
            ).map { row in UnsubscribeFact(email: try row.text(0).lowercased(), at: try row.time(1)) }
        }
    }

    public func suppressionCounts(store: StoreID, from: Date, to: Date) async throws -> [SuppressionCountFact] {
        try await executor.read("reading suppressions of \(store)") { connection in
            try await connection.query(
                """
                SELECT campaign, reason, COUNT(*) FROM plan_suppressions
                WHERE store = ? AND first_seen_at >= ? AND first_seen_at < ?
                GROUP BY campaign, reason ORDER BY campaign, reason
                """,
                [.text(store.rawValue), .time(from), .time(to)]
            ).map { row in
                SuppressionCountFact(campaign: try row.text(0), reason: try row.text(1), count: try row.int(2))
            }
        }
    }

    // MARK: - Orders

    /// id, address, created, and currency, total and refunded total from
    /// the planning projection (or the payload of a row written before it).
    private var orderFactColumns: String {
        let source = "COALESCE(planning, payload)"
        return """
            platform_id, customer_email, created_at, \(dialect.jsonMember(source, "currency")),
            \(dialect.jsonMember(source, "total")), \(dialect.jsonMember(source, "refunded_total"))
            """
    }

    /// The condition of an order that charged something and still exists.
    private var chargedOrder: String {
        let statuses = Self.uncharged.map { "'\($0.rawValue)'" }.joined(separator: ", ")
        return "vanished_at IS NULL AND status NOT IN (\(statuses))"
    }

    private static func orderFact(_ row: SQLRow) throws -> OrderFact {
        OrderFact(
            id: try row.text(0), email: try row.optionalText(1)?.lowercased(), createdAt: try row.time(2),
            currency: try row.optionalText(3) ?? "", total: try row.optionalText(4) ?? "0",
            refundedTotal: try row.optionalText(5) ?? "0")
    }
}
