public import AftercartModel
public import Foundation

extension SQLPersistence: PersonalDataStore {
    /// The `engage_state` kind of a forgotten customer's row: subject is the
    /// keyed hash of the address, never the address.
    static var forgottenKind: String { "forgotten" }

    /// What a rejected raw record of a forgotten customer keeps.
    static var erasedRawJSON: String { #"{"erased":"personal data of a forgotten customer"}"# }

    public func forgottenCustomers(store: StoreID) async throws -> ForgottenCustomers {
        try await ensurePlannerState()
        let keys = try await executor.read("reading forgotten customers of \(store)") { connection in
            Set(
                try await connection.query(
                    "SELECT subject FROM engage_state WHERE store = ? AND kind = ?",
                    [.text(store.rawValue), .text(Self.forgottenKind)]
                ).map { try $0.text(0) })
        }
        guard !keys.isEmpty else { return .none(store) }
        return ForgottenCustomers(store: store, secret: try await forgetSecret(), keys: keys)
    }

    public func erasePersonalData(of email: String, store: StoreID, now: Date) async throws -> PersonalDataErasure {
        let address = ForgottenCustomers.normalized(email)
        let key = ForgottenCustomers.key(of: address, store: store, secret: try await forgetSecret())
        let pseudonym = ForgottenCustomers.pseudonym(forKey: key)
        let erasure = try await executor.transaction("erasing a customer's personal data in \(store)") { connection in
            let found = try await self.footprint(of: address, store: store, on: connection)
            let text = PersonalText(
                address: address, pseudonym: pseudonym, fullNames: found.fullNames, firstNames: found.firstNames,
                lastNames: found.lastNames)
            var erasure = PersonalDataErasure(pseudonym: pseudonym)
            for row in found.records where try await self.rewrite(row, store: store, text, on: connection) {
                erasure.records[row.resource, default: 0] += 1
            }
            for entry in found.outbox {
                let outcome = try await self.rewrite(entry, text, address: address, now: now, on: connection)
                if outcome.changed { erasure.outboxRows += 1 }
                if outcome.cancelled { erasure.withdrawalsCancelled += 1 }
            }
            erasure.plannerRows = try await connection.count(
                "DELETE FROM engage_state WHERE store = ? AND subject = ? RETURNING 1",
                [.text(store.rawValue), .text(address)])
            erasure.plannerRows += try await self.eraseSuppressedOccurrences(
                customerKey: key, store: store, on: connection)
            try await connection.execute(
                """
                INSERT INTO engage_state (store, kind, subject, value, updated_at) VALUES (?, ?, ?, '', ?)
                ON CONFLICT (store, kind, subject) DO NOTHING
                """,
                [.text(store.rawValue), .text(Self.forgottenKind), .text(key), .time(now)])
            erasure.rejects = try await self.eraseRejects(found, address: address, store: store, text, on: connection)
            for orderID in found.orderIDs.sorted() {
                for table in ["shipment_events", "tracked_parcels"] {
                    erasure.parcelRows += try await connection.count(
                        "DELETE FROM \(table) WHERE store = ? AND order_id = ? RETURNING 1",
                        [.text(store.rawValue), .text(orderID)])
                }
            }
            return erasure
        }
        try await executor.reclaimFreedSpace("clearing erased data out of the database's free space")
        return erasure
    }

    /// The install secret forgotten addresses are hashed with, read once
    /// per process: sync pages ask for it, and reading it is a write transaction.
    func forgetSecret() async throws -> String {
        if let cached = forgetSecretCache.withLockedValue({ $0 }) { return cached }
        let secret = try await installSecret(named: "forgotten_customers")
        forgetSecretCache.withLockedValue { $0 = secret }
        return secret
    }

    // MARK: - Inside the erasing transaction

    /// Rewrites one record redacted; `false` when it already was.
    private func rewrite(_ row: FootprintRow, store: StoreID, _ text: PersonalText, on connection: Executor.Connection)
        async throws -> Bool
    {
        let table = RecordTable.table(for: row.resource)
        let decoder = ModelJSON.decoder()
        let data = Data(row.payload.utf8)
        let record: (any SyncRecord)? =
            switch row.resource {
            case .orders: try? decoder.decode(Order.self, from: data)
            case .customers: try? decoder.decode(Customer.self, from: data)
            case .reviews: try? decoder.decode(Review.self, from: data)
            case .loyalty: try? decoder.decode(LoyaltyAccount.self, from: data)
            case .coupons: nil
            }
        var payload = text.scrubJSON(row.payload)
        var columns = ""
        var values: [SQLValue] = []
        if let record {
            let redacted = PersonalDataRedaction.redact(record, pseudonym: text.pseudonym)
            payload = text.scrubJSON(try RecordPayload.encode(redacted, with: RecordPayload.encoder()))
            if let query = table.queryValues(of: redacted) {
                columns = table.queryColumns.map { ", \($0) = ?" }.joined()
                values = query
            }
        }
        guard payload != row.payload else { return false }
        try await connection.execute(
            "UPDATE \(table.name) SET payload = ?\(columns) WHERE store = ? AND platform_id = ?",
            [.text(payload)] + values + [.text(store.rawValue), .text(row.platformID)])
        return true
    }

    /// Rewrites one outbox row without the customer's data; a consent write
    /// still waiting is cancelled, as it could only go to the address.
    private func rewrite(
        _ entry: OutboxEntry, _ text: PersonalText, address: String, now: Date, on connection: Executor.Connection
    ) async throws -> (changed: Bool, cancelled: Bool) {
        let payload = text.scrubJSON(Self.redactedAction(entry, text))
        let result = entry.result.map(text.scrub)
        let lastError = entry.lastError.map(text.scrub)
        // Keys and subjects carry ids and campaign names: only the address is replaced there.
        let key = text.scrubAddress(entry.idempotencyKey)
        let subject = text.scrubAddress(entry.subjectID)
        let cancel =
            entry.action == .withdrawConsent && [.pending, .failed, .unknown].contains(entry.state)
        let changed =
            payload != entry.payload || result != entry.result || lastError != entry.lastError
            || key != entry.idempotencyKey || subject != entry.subjectID
        guard changed || cancel else { return (false, false) }
        try await connection.execute(
            """
            UPDATE outbox SET payload = ?, result = ?, last_error = ?, idempotency_key = ?, subject_id = ?,
                state = ?
            WHERE id = ?
            """,
            [
                .text(payload), .text(result), .text(lastError), .text(key), .text(subject),
                .text(cancel ? OutboxState.cancelled.rawValue : entry.state.rawValue), .integer(entry.id),
            ])
        return (changed, cancel)
    }

    /// The row's payload with the fields that name the customer replaced;
    /// an email loses its unsubscribe link, whose sealed token holds the address.
    private static func redactedAction(_ entry: OutboxEntry, _ text: PersonalText) -> String {
        let decoder = ModelJSON.decoder()
        let encoder = RecordPayload.encoder()
        let data = Data(entry.payload.utf8)
        switch entry.action {
        case .sendEmail:
            guard var email = try? decoder.decode(EmailAction.self, from: data) else { return entry.payload }
            email.to = text.pseudonym
            email.toName = email.toName.map { _ in PersonalDataRedaction.fullName }
            email.unsubscribeURL = nil
            return (try? encoder.encode(email)).map { String(decoding: $0, as: UTF8.self) } ?? entry.payload
        case .createCoupon:
            guard var coupon = try? decoder.decode(CouponAction.self, from: data) else { return entry.payload }
            coupon.email = text.pseudonym
            return (try? encoder.encode(coupon)).map { String(decoding: $0, as: UTF8.self) } ?? entry.payload
        case .supportAlert:
            guard var alert = try? decoder.decode(SupportAlertAction.self, from: data) else { return entry.payload }
            alert.customerEmail = alert.customerEmail.map { _ in text.pseudonym }
            alert.customerName = alert.customerName.map { _ in PersonalDataRedaction.fullName }
            return (try? encoder.encode(alert)).map { String(decoding: $0, as: UTF8.self) } ?? entry.payload
        case .withdrawConsent, .addOrderNote, .tagCustomer:
            return entry.payload
        }
    }

    /// Erases the raw JSON of the customer's rejected records (the store's
    /// own JSON: addresses, phone numbers); the reason stays, scrubbed.
    private func eraseRejects(
        _ found: PersonalFootprint, address: String, store: StoreID, _ text: PersonalText,
        on connection: Executor.Connection
    ) async throws -> Int {
        var erased = 0
        for row in try await connection.query(
            "SELECT resource, platform_id, raw_json, reason FROM sync_rejects WHERE store = ?", [.text(store.rawValue)])
        {
            let raw = try row.text(2)
            guard raw != Self.erasedRawJSON else { continue }
            let id = try row.text(1)
            let owned = ResourceKind(rawValue: try row.text(0)).map { found.owns($0, id: id) } ?? false
            guard owned || text.mentionsAddress(raw) else { continue }
            erased += try await connection.count(
                """
                UPDATE sync_rejects SET raw_json = ?, reason = ?
                WHERE store = ? AND resource = ? AND platform_id = ? RETURNING 1
                """,
                [
                    .text(Self.erasedRawJSON), .text(text.scrub(try row.text(3))), .text(store.rawValue),
                    .text(try row.text(0)), .text(try row.text(1)),
                ])
        }
        return erased
    }
}

extension SQLPersistence {
    public func personalData(of email: String, store: StoreID) async throws -> PersonalDataHeld {
        let address = ForgottenCustomers.normalized(email)
        let forgotten = try await forgottenCustomers(store: store).contains(address)
        var held = try await executor.read("reading a customer's personal data in \(store)") { connection in
            let found = try await self.footprint(of: address, store: store, on: connection)
            var held = PersonalDataHeld(store: store)
            held.records = found.records.map {
                StoredPayload(
                    resource: $0.resource, key: RecordKey(store: store, platformID: $0.platformID), json: $0.payload,
                    vanishedAt: $0.vanishedAt)
            }
            held.outbox = found.outbox
            held.suppressions = CustomerSuppression.merge(
                try await connection.query(
                    "SELECT kind, subject FROM engage_state WHERE store = ? AND subject = ? AND kind LIKE 'suppression:%'",
                    [.text(store.rawValue), .text(address)]
                ).map { (kind: try $0.text(0), email: try $0.text(1)) }
            ).values.sorted { $0.rawValue < $1.rawValue }
            for row in try await connection.query(
                "SELECT subject, value FROM engage_state WHERE store = ? AND kind = 'order_page_views'",
                [.text(store.rawValue)])
            where found.orderIDs.contains(try row.text(0)) {
                held.orderPageViews[try row.text(0)] = Int(try row.text(1)) ?? 0
            }
            return held
        }
        held.forgotten = forgotten
        return held
    }
}
