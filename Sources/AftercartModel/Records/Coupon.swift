public import Foundation

/// What a coupon takes off.
public enum CouponKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// `amount` percent off the cart.
    case percent
    /// `amount` of money off the whole cart.
    case fixedCart = "fixed_cart"
    /// `amount` of money off each matching product.
    case fixedProduct = "fixed_product"
    /// The order ships free; `amount` is 0. WooCommerce: a `fixed_cart`
    /// coupon of 0 with `free_shipping`; Shopify: a free-shipping code
    /// discount (a price rule on the shipping line, 100 % off, in REST).
    case freeShipping = "free_shipping"
}

/// A discount code in the store, whoever created it.
public struct Coupon: SyncRecord {
    public static let resource = ResourceKind.coupons

    public var store: StoreID
    /// The platform's id (WooCommerce coupon id, Shopify discount code id).
    public var id: String
    /// The code as the store keeps it. WooCommerce lowercases codes, so
    /// compare codes case-insensitively.
    public var code: String
    public var kind: CouponKind
    /// Percent for `percent`, otherwise an amount in `currency`.
    public var amount: Decimal
    /// The currency of a fixed amount; `nil` for percentages.
    public var currency: Currency?
    public var expiresAt: Date?
    public var usageLimit: Int?
    public var usedCount: Int
    /// Emails allowed to redeem it; empty means anyone.
    public var emailRestrictions: [String]
    /// Whether Aftercart created this coupon (it tags its own).
    public var createdByAftercart: Bool
    public var updatedAt: Date?

    public var platformID: String { id }

    public init(
        store: StoreID, id: String, code: String, kind: CouponKind, amount: Decimal, currency: Currency?,
        expiresAt: Date?, usageLimit: Int?, usedCount: Int, emailRestrictions: [String], createdByAftercart: Bool,
        updatedAt: Date?
    ) {
        self.store = store
        self.id = id
        self.code = code
        self.kind = kind
        self.amount = amount
        self.currency = currency
        self.expiresAt = expiresAt
        self.usageLimit = usageLimit
        self.usedCount = usedCount
        self.emailRestrictions = emailRestrictions
        self.createdByAftercart = createdByAftercart
        self.updatedAt = updatedAt
    }

    private enum CodingKeys: String, CodingKey {
        case store, id, code, kind, amount, currency
        case expiresAt = "expires_at"
        case usageLimit = "usage_limit"
        case usedCount = "used_count"
        case emailRestrictions = "email_restrictions"
        case createdByAftercart = "created_by_aftercart"
        case updatedAt = "updated_at"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        store = try container.decode(StoreID.self, forKey: .store)
        id = try container.decode(String.self, forKey: .id)
        code = try container.decode(String.self, forKey: .code)
        kind = try container.decode(CouponKind.self, forKey: .kind)
        amount = try container.decodeDecimalText(forKey: .amount)
        currency = try container.decodeIfPresent(Currency.self, forKey: .currency)
        expiresAt = try container.decodeIfPresent(Date.self, forKey: .expiresAt)
        usageLimit = try container.decodeIfPresent(Int.self, forKey: .usageLimit)
        usedCount = try container.decode(Int.self, forKey: .usedCount)
        emailRestrictions = try container.decode([String].self, forKey: .emailRestrictions)
        createdByAftercart = try container.decode(Bool.self, forKey: .createdByAftercart)
        updatedAt = try container.decodeIfPresent(Date.self, forKey: .updatedAt)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(store, forKey: .store)
        try container.encode(id, forKey: .id)
        try container.encode(code, forKey: .code)
        try container.encode(kind, forKey: .kind)
        let digits = currency?.minorUnits ?? 0
        try container.encode(DecimalText.format(amount, minimumFractionDigits: digits), forKey: .amount)
        try container.encode(currency, forKey: .currency)
        try container.encode(expiresAt, forKey: .expiresAt)
        try container.encode(usageLimit, forKey: .usageLimit)
        try container.encode(usedCount, forKey: .usedCount)
        try container.encode(emailRestrictions, forKey: .emailRestrictions)
        try container.encode(createdByAftercart, forKey: .createdByAftercart)
        try container.encode(updatedAt, forKey: .updatedAt)
    }
}
