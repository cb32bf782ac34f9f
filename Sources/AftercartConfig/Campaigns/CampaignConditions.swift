public import AftercartModel
public import Foundation

/// Who qualifies for a campaign (`conditions = { … }`); every condition
/// present must hold. Suppression (consent, caps, quiet hours, negative
/// reviews) applies on top and cannot be switched off here.
public struct CampaignConditions: Sendable, Hashable {
    /// The order total is at least this (store currency).
    public var minOrderTotal: Decimal?
    /// The order total is at most this (store currency).
    public var maxOrderTotal: Decimal?
    /// The customer has placed at least this many orders.
    public var minOrdersCount: Int?
    /// The customer has placed at most this many orders (1 = first order).
    public var maxOrdersCount: Int?
    /// The order is in one of these statuses.
    public var orderStatuses: [OrderStatus]?
    /// The shipment moved to one of these (`shipment_status_changed` only).
    public var shipmentStatuses: [ShipmentStatus]?
    /// The order contains one of these products (platform ids).
    public var productIDs: [String]?
    /// The order contains one of these SKUs.
    public var skus: [String]?
    /// The posted review has at least this rating (`review_posted` only).
    public var minReviewRating: Int?
    /// The posted review has at most this rating (`review_posted` only),
    /// e.g. 2 for a support alert.
    public var maxReviewRating: Int?
    /// The customer's latest review has at least this rating.
    public var minReviewRatingOfCustomer: Int?
    /// The customer's latest review has at most this rating.
    public var maxReviewRatingOfCustomer: Int?
    /// At least this many points are expiring (`points_expiring`).
    public var minPoints: Int?
    /// Points expire within this span (`points_expiring`).
    public var expiringWithin: ConfigDuration?
    /// The customer is (now) in one of these tiers.
    public var tiers: [String]?

    /// No conditions: every subject of the trigger qualifies.
    public init() {}

    /// Whether any condition looks at review ratings.
    public var usesRatings: Bool {
        minReviewRating != nil || maxReviewRating != nil || minReviewRatingOfCustomer != nil
            || maxReviewRatingOfCustomer != nil
    }

    /// The TOML keys of the rating conditions that are set.
    public var ratingKeysInUse: [String] {
        let values = [minReviewRating, maxReviewRating, minReviewRatingOfCustomer, maxReviewRatingOfCustomer]
        return zip(Self.ratingKeys, values).filter { $0.1 != nil }.map(\.0)
    }

    /// The TOML keys of the rating conditions.
    public static let ratingKeys = [
        "min_review_rating", "max_review_rating", "min_review_rating_of_customer", "max_review_rating_of_customer",
    ]
}
