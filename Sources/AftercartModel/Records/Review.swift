public import Foundation

/// Moderation state of a review. A fresh one-star review is often held for
/// moderation, and the engine still has to see it.
public enum ReviewStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case approved
    case hold
    case spam
    case trash
}

/// A product review by a customer.
public struct Review: SyncRecord {
    public static let resource = ResourceKind.reviews

    public var store: StoreID
    public var id: String
    public var productID: String
    public var customerEmail: String
    public var reviewerName: String?
    /// Stars from 1 to 5.
    public var rating: Int
    /// Whether the platform says the reviewer bought the product.
    public var verified: Bool
    public var status: ReviewStatus
    public var createdAt: Date

    public var platformID: String { id }
    public var updatedAt: Date? { createdAt }

    /// Creates a review; `rating` is clamped to 1...5.
    public init(
        store: StoreID, id: String, productID: String, customerEmail: String, reviewerName: String?, rating: Int,
        verified: Bool, status: ReviewStatus, createdAt: Date
    ) {
        self.store = store
        self.id = id
        self.productID = productID
        self.customerEmail = customerEmail
        self.reviewerName = reviewerName
        self.rating = min(max(rating, 1), 5)
        self.verified = verified
        self.status = status
        self.createdAt = createdAt
    }

    private enum CodingKeys: String, CodingKey {
        case store, id
        case productID = "product_id"
        case customerEmail = "customer_email"
        case reviewerName = "reviewer_name"
        case rating, verified, status
        case createdAt = "created_at"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let rating = try container.decode(Int.self, forKey: .rating)
        guard (1...5).contains(rating) else {
            throw DecodingError.dataCorruptedError(
                forKey: .rating, in: container, debugDescription: "rating \(rating) is outside 1...5")
        }
        self.init(
            store: try container.decode(StoreID.self, forKey: .store),
            id: try container.decode(String.self, forKey: .id),
            productID: try container.decode(String.self, forKey: .productID),
            customerEmail: try container.decode(String.self, forKey: .customerEmail),
            reviewerName: try container.decodeIfPresent(String.self, forKey: .reviewerName),
            rating: rating,
            verified: try container.decode(Bool.self, forKey: .verified),
            status: try container.decode(ReviewStatus.self, forKey: .status),
            createdAt: try container.decode(Date.self, forKey: .createdAt))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(store, forKey: .store)
        try container.encode(id, forKey: .id)
        try container.encode(productID, forKey: .productID)
        try container.encode(customerEmail, forKey: .customerEmail)
        try container.encode(reviewerName, forKey: .reviewerName)
        try container.encode(rating, forKey: .rating)
        try container.encode(verified, forKey: .verified)
        try container.encode(status, forKey: .status)
        try container.encode(createdAt, forKey: .createdAt)
    }
}
