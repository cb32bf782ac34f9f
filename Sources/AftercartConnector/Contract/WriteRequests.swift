public import AftercartModel
public import Foundation

/// A coupon Aftercart wants in the store (a smart coupon: unique code,
/// single use, expiring, restricted to one customer).
public struct CouponRequest: Sendable, Hashable, Codable {
    /// The deterministic code; the store may lowercase it (WooCommerce).
    public var code: String
    public var kind: CouponKind
    /// Percent for ``CouponKind/percent``, otherwise money in `currency`.
    public var amount: Decimal
    /// Required for fixed amounts; `nil` for percentages.
    public var currency: Currency?
    public var expiresAt: Date?
    /// Total redemptions allowed; `1` for a smart coupon.
    public var usageLimit: Int?
    /// Redemptions allowed per customer.
    public var usageLimitPerCustomer: Int?
    /// Only these emails may redeem it (WooCommerce `email_restrictions`).
    public var emailRestrictions: [String]
    /// Only these customers may redeem it (Shopify `prerequisite_customer_ids`).
    public var customerIDs: [String]
    /// A note for the merchant in the store's admin (campaign name).
    public var description: String?

    public init(
        code: String, kind: CouponKind, amount: Decimal, currency: Currency? = nil, expiresAt: Date? = nil,
        usageLimit: Int? = 1, usageLimitPerCustomer: Int? = 1, emailRestrictions: [String] = [],
        customerIDs: [String] = [], description: String? = nil
    ) {
        self.code = code
        self.kind = kind
        self.amount = amount
        self.currency = currency
        self.expiresAt = expiresAt
        self.usageLimit = usageLimit
        self.usageLimitPerCustomer = usageLimitPerCustomer
        self.emailRestrictions = emailRestrictions
        self.customerIDs = customerIDs
        self.description = description
    }
}
