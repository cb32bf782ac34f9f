public import Foundation

/// A customer's loyalty balance, read from wherever the merchant keeps it.
public struct LoyaltyAccount: SyncRecord {
    public static let resource = ResourceKind.loyalty

    public var store: StoreID
    public var customerID: String
    public var points: Int
    public var tier: String?
    /// Points that lapse at `expiresAt`; `nil` when the source does not say.
    public var pointsExpiring: Int?
    public var expiresAt: Date?
    /// Where the balance came from (`customer_meta`, `advanced_coupons`,
    /// `shopify_metafield`, `shopify_store_credit`), so a support person
    /// knows which system to look at.
    public var source: String
    public var updatedAt: Date?

    public var platformID: String { customerID }

    public init(
        store: StoreID, customerID: String, points: Int, tier: String?, pointsExpiring: Int?, expiresAt: Date?,
        source: String, updatedAt: Date?
    ) {
        self.store = store
        self.customerID = customerID
        self.points = points
        self.tier = tier
        self.pointsExpiring = pointsExpiring
        self.expiresAt = expiresAt
        self.source = source
        self.updatedAt = updatedAt
    }

    private enum CodingKeys: String, CodingKey {
        case store
        case customerID = "customer_id"
        case points, tier
        case pointsExpiring = "points_expiring"
        case expiresAt = "expires_at"
        case source
        case updatedAt = "updated_at"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(store, forKey: .store)
        try container.encode(customerID, forKey: .customerID)
        try container.encode(points, forKey: .points)
        try container.encode(tier, forKey: .tier)
        try container.encode(pointsExpiring, forKey: .pointsExpiring)
        try container.encode(expiresAt, forKey: .expiresAt)
        try container.encode(source, forKey: .source)
        try container.encode(updatedAt, forKey: .updatedAt)
    }
}
