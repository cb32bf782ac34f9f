import AftercartConnector
import AftercartModel
import AftercartStore
import Foundation

extension DeliveryExecutor {
    /// Performs one claimed row; never throws: every failure is a step result.
    func perform(_ claim: OutboxClaim, connector: (any StoreConnector)?) async -> StepResult {
        let entry = claim.entry
        if let gone = await vanishedOrder(of: entry) { return gone }
        switch entry.action {
        case .createCoupon:
            return await withConnector(entry, connector) { try await createCoupon(entry, $0) }
        case .addOrderNote:
            return await withConnector(entry, connector) { connector in
                switch Payloads.decode(OrderNoteAction.self, from: entry) {
                case .failure(let error): return .fail(error.description)
                case .success(let note):
                    try await connector.addOrderNote(
                        orderID: note.orderID, text: note.text, customerVisible: note.customerVisible)
                    return .done("note added to order \(note.orderID)")
                }
            }
        case .tagCustomer:
            return await withConnector(entry, connector) { connector in
                switch Payloads.decode(CustomerTagAction.self, from: entry) {
                case .failure(let error): return .fail(error.description)
                case .success(let tag):
                    // A platform without customer tags (WooCommerce) cannot show a
                    // push-back tag; the send itself succeeded, so the row is
                    // skipped rather than failed, and says nothing was written.
                    guard connector.capabilities.writes.contains(.customerTags) || tag.tags.isEmpty else {
                        let reason = "\(connector.platform) customers have no tags; nothing was written"
                        guard !tag.meta.isEmpty else { return .skipped(reason) }
                        try await connector.annotateCustomer(customerID: tag.customerID, tags: [], meta: tag.meta)
                        return .done("customer \(tag.customerID) meta written; tags skipped: \(reason)")
                    }
                    try await connector.annotateCustomer(customerID: tag.customerID, tags: tag.tags, meta: tag.meta)
                    return .done("customer \(tag.customerID) tagged \(tag.tags.joined(separator: ", "))")
                }
            }
        case .sendEmail:
            return await sendEmail(entry, connector: connector)
        case .supportAlert:
            return await sendSupportAlert(entry, connector: connector)
        case .withdrawConsent:
            return await withConnector(entry, connector) { try await withdrawConsent(entry, $0) }
        }
    }

    /// A store without a consent field Aftercart may write keeps the
    /// unsubscribe recorded here only: that is a skip, not a failure.
    private func withdrawConsent(_ entry: OutboxEntry, _ connector: any StoreConnector) async throws -> StepResult {
        switch Payloads.decode(ConsentWithdrawalAction.self, from: entry) {
        case .failure(let error): return .fail(error.description)
        case .success(let withdrawal):
            do {
                let result = try await connector.withdrawMarketingConsent(
                    email: withdrawal.email, at: withdrawal.requestedAt)
                return .done(result.summary)
            } catch let error as ConnectorError {
                guard case .unsupported = error else { throw error }
                return .skipped(error.description)
            }
        }
    }

    /// Looks the deterministic code up first; creates the coupon only when
    /// the store does not have it, so a crash after creating never makes two.
    private func createCoupon(_ entry: OutboxEntry, _ connector: any StoreConnector) async throws -> StepResult {
        let coupon: CouponAction
        switch Payloads.decode(CouponAction.self, from: entry) {
        case .failure(let error): return .fail(error.description)
        case .success(let value): coupon = value
        }
        let request = CouponRequest(
            code: coupon.code, kind: coupon.kind, amount: coupon.amount, currency: coupon.currency,
            expiresAt: coupon.expiresAt, usageLimit: coupon.usageLimit, usageLimitPerCustomer: 1,
            emailRestrictions: [coupon.email], customerIDs: coupon.customerID.map { [$0] } ?? [],
            description: coupon.description)
        if let existing = try await connector.findCoupon(code: coupon.code) {
            // A code someone else made (or edited) may grant more or less than
            // the message says; the email waiting on this row then fails too.
            let differences = connector.couponDifferences(request, existing: existing)
            guard differences.isEmpty else {
                return .fail(
                    CouponTermsMismatch(store: entry.store, code: coupon.code, differences: differences).description)
            }
            return .done("coupon \(existing.code) exists (id \(existing.id)) with the planned terms")
        }
        let created = try await connector.createCoupon(request)
        return .done("coupon \(created.code) created (id \(created.id))")
    }

    /// Runs a store write, turning connector errors into retries or failures.
    func withConnector(
        _ entry: OutboxEntry, _ connector: (any StoreConnector)?,
        _ body: (any StoreConnector) async throws -> StepResult
    ) async -> StepResult {
        guard let connector else { return .fail(missingConnector(entry)) }
        do {
            return try await body(connector)
        } catch {
            return Self.classify(error)
        }
    }

    func missingConnector(_ entry: OutboxEntry) -> String {
        "store '\(entry.store)' is not configured (or its connector could not be built); "
            + "add it back to the config, then 'aftercart send --resend \(entry.id)'"
    }

    /// Connector errors say themselves whether a retry may help; anything
    /// else (a cancelled task, an unexpected error) is retried.
    static func classify(_ error: any Error) -> StepResult {
        if let mismatch = error as? CouponTermsMismatch { return .fail(mismatch.description) }
        if let error = error as? ConnectorError {
            if error.isTransient {
                var hint: Double?
                if case .rateLimited(let retryAfter, _) = error { hint = retryAfter }
                return .retry(error.description, hint: hint)
            }
            return .fail(error.description)
        }
        return .retry("\(error)", hint: nil)
    }
}

extension DeliveryExecutor {
    /// A failure when `entry` is about an order that vanished from the
    /// store (trashed, deleted) after it was planned: the planner no longer
    /// sees such an order, and a row planned before must not act on it
    /// either. A failed lookup lets the row go on, as before the check.
    func vanishedOrder(of entry: OutboxEntry) async -> StepResult? {
        guard entry.subjectKind == .orders, let records,
            let stored = try? await records.record(Order.self, store: entry.store, platformID: entry.subjectID),
            stored.vanishedAt != nil
        else { return nil }
        return .fail(
            "not performed: order \(entry.subjectID) is no longer in the store (trashed or deleted) since it was planned"
        )
    }
}
