public import Foundation

/// The payload of a `create_coupon` outbox row: a smart coupon the planner
/// wants in the store before any message names it.
///
/// The code is deterministic (campaign, store, customer), so the executor
/// looks it up first and a retry after a crash finds the coupon instead of
/// creating a second one.
public struct CouponAction: Sendable, Hashable, Codable {
    /// The deterministic code the message will show.
    public var code: String
    public var kind: CouponKind
    /// Percent for ``CouponKind/percent``, otherwise money in `currency`.
    public var amount: Decimal
    /// Required for fixed amounts; `nil` for percentages.
    public var currency: Currency?
    public var expiresAt: Date
    /// Total redemptions; `1` for a smart coupon.
    public var usageLimit: Int
    /// The only email allowed to redeem it.
    public var email: String
    /// The customer's platform id when known (Shopify restricts by id).
    public var customerID: String?
    /// A note for the merchant in the store's admin, e.g. the campaign name.
    public var description: String

    public init(
        code: String, kind: CouponKind, amount: Decimal, currency: Currency?, expiresAt: Date, usageLimit: Int = 1,
        email: String, customerID: String?, description: String
    ) {
        self.code = code
        self.kind = kind
        self.amount = amount
        self.currency = currency
        self.expiresAt = expiresAt
        self.usageLimit = usageLimit
        self.email = email
        self.customerID = customerID
        self.description = description
    }

    private enum CodingKeys: String, CodingKey {
        case code, kind, amount, currency, email, description
        case expiresAt = "expires_at"
        case usageLimit = "usage_limit"
        case customerID = "customer_id"
    }
}
