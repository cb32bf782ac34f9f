public import AftercartModel
public import AftercartStore
public import Foundation

/// Records a customer's "stop" request made through Aftercart (`aftercart
/// unsubscribe` or `aftercart forget`) and cancels what is already waiting
/// in the outbox and must no longer go.
///
/// The planner reads the request on its next run (see ``SuppressionReason``).
/// Nothing synced from the store is deleted: the store stays the source of
/// truth, and a later sync would bring the records back anyway. So the
/// opt-out is also queued for the store itself (a `withdraw_consent` row the
/// delivery executor writes with its retries), and the store's consent field
/// then agrees with the request.
public struct CustomerRequests: Sendable {
    /// Where the request is kept and the outbox lives.
    public var database: any PlannerDatabase

    /// Requests kept in `database`.
    public init(database: any PlannerDatabase) {
        self.database = database
    }

    /// What recording a request did.
    public struct Outcome: Sendable, Hashable {
        /// The lowercased address the request was recorded for.
        public var email: String
        /// Outbox rows (emails, coupons, alerts) moved to `cancelled`.
        public var cancelled: Int
        /// Whether a row to write the opt-out to the store was added; `false`
        /// when one for this address was already waiting.
        public var consentWithdrawalQueued: Bool
        /// The address was erased by `aftercart forget`: nothing was recorded,
        /// so the address is not stored again, and nothing more was needed.
        public var alreadyForgotten = false
    }

    /// Records `request` for `email` in `store` at `now` and cancels the
    /// customer's waiting outbox rows: marketing emails (and the coupons
    /// they announce) for `unsubscribed`; every email, coupon and support
    /// alert about them for `forgotten`. Either way it queues one
    /// `withdraw_consent` row for the store unless one for the address is
    /// still waiting, and never cancels such a row.
    ///
    /// - Throws: ``CustomerRequestError`` for an address that is not one;
    ///   persistence errors (the request is recorded before anything is cancelled).
    public func record(_ request: CustomerSuppression, store: StoreID, email: String, now: Date) async throws
        -> Outcome
    {
        let address = try Self.address(email)
        // An old unsubscribe link clicked after `forget` must not store the address again.
        if try await database.forgottenCustomers(store: store).contains(address) {
            return Outcome(email: address, cancelled: 0, consentWithdrawalQueued: false, alreadyForgotten: true)
        }
        try await database.recordSuppression(request, store: store, email: address, now: now)
        let waiting = try await cancelWaiting(request, store: store, address: address, now: now)
        var queued = false
        if !waiting.withdrawalWaiting {
            queued = try await database.enqueue(try withdrawal(store, address, now), now: now)
        }
        return Outcome(email: address, cancelled: waiting.cancelled, consentWithdrawalQueued: queued)
    }

    /// `email` trimmed and lowercased.
    ///
    /// - Throws: ``CustomerRequestError/notAnAddress(_:)`` for anything but an address.
    static func address(_ email: String) throws -> String {
        let address = email.trimmingCharacters(in: .whitespaces).lowercased()
        guard EmailAddressText.looksLikeAddress(address) else { throw CustomerRequestError.notAnAddress(email) }
        return address
    }

    /// Cancels what `request` stops among `address`'s waiting rows in
    /// `store`; says whether a consent write for the address still waits.
    func cancelWaiting(_ request: CustomerSuppression, store: StoreID, address: String, now: Date) async throws
        -> (cancelled: Int, withdrawalWaiting: Bool)
    {
        var toCancel: [Int64] = []
        var couponsByKey: [String: Int64] = [:]
        var announcedCoupons: Set<String> = []
        let decoder = ModelJSON.decoder()
        var withdrawalWaiting = false
        var after: Int64?
        while true {
            let page = try await database.outboxPage(after: after, limit: 500)
            guard let last = page.last else { break }
            after = last.id
            for entry in page where entry.store == store && Self.cancellable.contains(entry.state) {
                let payload = Data(entry.payload.utf8)
                switch entry.action {
                case .sendEmail:
                    guard let message = try? decoder.decode(EmailAction.self, from: payload),
                        message.to.lowercased() == address,
                        request.stopsEverything || !message.transactional
                    else { continue }
                    toCancel.append(entry.id)
                    announcedCoupons.formUnion(message.after)
                case .createCoupon:
                    guard let coupon = try? decoder.decode(CouponAction.self, from: payload),
                        coupon.email.lowercased() == address
                    else { continue }
                    if request.stopsEverything {
                        toCancel.append(entry.id)
                    } else {
                        couponsByKey[entry.idempotencyKey] = entry.id
                    }
                case .supportAlert:
                    guard request.stopsEverything,
                        let alert = try? decoder.decode(SupportAlertAction.self, from: payload),
                        alert.customerEmail?.lowercased() == address
                    else { continue }
                    toCancel.append(entry.id)
                case .withdrawConsent:
                    guard Self.waiting.contains(entry.state),
                        let withdrawal = try? decoder.decode(ConsentWithdrawalAction.self, from: payload),
                        withdrawal.email == address
                    else { continue }
                    withdrawalWaiting = true
                case .addOrderNote, .tagCustomer:
                    continue
                }
            }
        }
        toCancel += announcedCoupons.compactMap { couponsByKey[$0] }
        var cancelled = 0
        for id in toCancel where try await database.cancel(id: id, now: now) {
            cancelled += 1
        }
        return (cancelled, withdrawalWaiting)
    }

    private static let cancellable: Set<OutboxState> = [.pending, .failed, .unknown]
    /// States in which a row will still be performed without an operator.
    private static let waiting: Set<OutboxState> = [.pending, .leased]

    /// The row that writes the opt-out to the store. The key carries the
    /// request's time, so a customer who opts in again and later out again
    /// gets a new write; a second request while one waits adds nothing.
    private func withdrawal(_ store: StoreID, _ address: String, _ now: Date) throws -> NewOutboxEntry {
        let payload = try ModelJSON.encoder().encode(ConsentWithdrawalAction(email: address, requestedAt: now))
        let millis = Int64((now.timeIntervalSince1970 * 1_000).rounded(.down))
        return NewOutboxEntry(
            idempotencyKey: "\(Self.campaign)/\(store.rawValue)/\(address)/\(millis)", store: store,
            campaign: Self.campaign, subjectKind: .customers, subjectID: address, action: .withdrawConsent,
            payload: String(decoding: payload, as: UTF8.self), notBefore: now)
    }

    /// The outbox's campaign column for rows a customer's request made.
    public static let campaign = "customer_request"
}

/// Why a customer's request could not be recorded.
public enum CustomerRequestError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The argument is not an email address.
    case notAnAddress(String)

    public var description: String {
        switch self {
        case .notAnAddress(let text):
            "\"\(text)\" is not an email address; write the customer's address, e.g. ann@example.com"
        }
    }
}
