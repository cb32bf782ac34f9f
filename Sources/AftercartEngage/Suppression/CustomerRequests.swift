public import AftercartModel
public import AftercartStore
public import Foundation

/// Records a customer's "stop" request made through Aftercart (`aftercart
/// unsubscribe` or `aftercart forget`) and cancels what is already waiting
/// in the outbox and must no longer go.
///
/// The planner reads the request on its next run (see ``SuppressionReason``).
/// Nothing synced from the store is deleted: the store stays the source of
/// truth, and a later sync would bring the records back anyway.
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
    }

    /// Records `request` for `email` in `store` at `now` and cancels the
    /// customer's waiting outbox rows: marketing emails (and the coupons
    /// they announce) for `unsubscribed`; every email, coupon and support
    /// alert about them for `forgotten`.
    ///
    /// - Throws: ``CustomerRequestError`` for an address that is not one;
    ///   persistence errors (the request is recorded before anything is cancelled).
    public func record(_ request: CustomerSuppression, store: StoreID, email: String, now: Date) async throws
        -> Outcome
    {
        let address = email.trimmingCharacters(in: .whitespaces).lowercased()
        guard Self.looksLikeAddress(address) else { throw CustomerRequestError.notAnAddress(email) }
        try await database.recordSuppression(request, store: store, email: address, now: now)
        var toCancel: [Int64] = []
        var couponsByKey: [String: Int64] = [:]
        var announcedCoupons: Set<String> = []
        let decoder = ModelJSON.decoder()
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
        return Outcome(email: address, cancelled: cancelled)
    }

    private static let cancellable: Set<OutboxState> = [.pending, .failed, .unknown]

    /// One `@`, something either side, a dot in the domain, no spaces or
    /// control characters: enough to catch a mistyped argument.
    static func looksLikeAddress(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."),
            !parts[1].hasSuffix(".")
        else { return false }
        return !text.unicodeScalars.contains { CharacterSet.whitespacesAndNewlines.contains($0) || $0.value < 0x20 }
    }
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
