public import AftercartModel
public import Foundation

/// Comparing a coupon the store already has under a planned code with the
/// coupon a message is about to promise, so an existing code is relied on
/// only when it grants what the message says (and no more).
extension CouponRequest {
    /// How far an existing coupon's expiry may be from the requested one and
    /// still count as the same: stores round or shift the stored time by
    /// seconds, while a coupon under someone else's terms differs by days.
    public static let expiryTolerance: TimeInterval = 300

    /// Each term on which `existing` differs from this request, as
    /// "term existing instead of requested", in a fixed order; empty when
    /// the store's coupon is the one asked for.
    ///
    /// - Parameter emailsReported: whether the platform lists a coupon's
    ///   email restrictions, so that an empty list means "anyone may redeem
    ///   it" (WooCommerce) rather than "not reported" (Shopify, which
    ///   restricts by customer id); restrictions that are listed are always compared.
    public func differences(from existing: Coupon, emailsReported: Bool) -> [String] {
        var differences: [String] = []
        if existing.kind != kind {
            differences.append("kind \(existing.kind.rawValue) instead of \(kind.rawValue)")
        }
        if existing.amount != amount {
            differences.append(
                "amount \(DecimalText.format(existing.amount, minimumFractionDigits: 0)) instead of "
                    + DecimalText.format(amount, minimumFractionDigits: 0))
        }
        if existing.usageLimit != usageLimit {
            differences.append("usage limit \(Self.limit(existing.usageLimit)) instead of \(Self.limit(usageLimit))")
        }
        let wanted = Set(emailRestrictions.map { $0.lowercased() })
        let stored = Set(existing.emailRestrictions.map { $0.lowercased() })
        if emailsReported || !stored.isEmpty, stored != wanted {
            differences.append("email restriction \(Self.emails(stored)) instead of \(Self.emails(wanted))")
        }
        switch (existing.expiresAt, expiresAt) {
        case (nil, nil):
            break
        case (let stored?, let wanted?) where abs(stored.timeIntervalSince(wanted)) <= Self.expiryTolerance:
            break
        case (let stored, let wanted):
            differences.append("expiry \(Self.date(stored)) instead of \(Self.date(wanted))")
        }
        return differences
    }

    private static func limit(_ value: Int?) -> String { value.map(String.init) ?? "unlimited" }

    private static func emails(_ set: Set<String>) -> String {
        set.isEmpty ? "anyone" : set.sorted().joined(separator: ", ")
    }

    private static func date(_ value: Date?) -> String {
        value.map { $0.formatted(.iso8601) } ?? "never"
    }
}

/// A coupon code the store already has, under terms other than the ones
/// the message will promise: the coupon action fails with this, so the
/// message that names the code is never sent.
public struct CouponTermsMismatch: Error, Sendable, Hashable, CustomStringConvertible, LocalizedError {
    public var store: StoreID
    /// The code as planned.
    public var code: String
    /// From ``CouponRequest/differences(from:emailsReported:)``.
    public var differences: [String]

    public init(store: StoreID, code: String, differences: [String]) {
        self.store = store
        self.code = code
        self.differences = differences
    }

    public var description: String {
        "\(store) coupon creation: the code \(code) already exists in the store with other terms ("
            + differences.joined(separator: "; ")
            + "); the message promising it is not sent — delete or rename that coupon in the store, then resend "
            + "the failed rows ('aftercart status' lists them)"
    }

    public var errorDescription: String? { description }
}
