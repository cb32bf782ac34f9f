/// The payload of a `support_alert` outbox row: tell the merchant's support
/// about an unhappy customer (a ≤ 2-star review, a failed delivery) instead
/// of promoting to them.
public struct SupportAlertAction: Sendable, Hashable, Codable {
    /// Why, in a sentence a support agent understands.
    public var reason: String
    /// The customer's email, if known.
    public var customerEmail: String?
    public var customerName: String?
    public var orderID: String?
    public var reviewID: String?
    /// The review's stars, when a review raised the alert.
    public var rating: Int?

    public init(
        reason: String, customerEmail: String?, customerName: String? = nil, orderID: String? = nil,
        reviewID: String? = nil, rating: Int? = nil
    ) {
        self.reason = reason
        self.customerEmail = customerEmail
        self.customerName = customerName
        self.orderID = orderID
        self.reviewID = reviewID
        self.rating = rating
    }

    private enum CodingKeys: String, CodingKey {
        case reason, rating
        case customerEmail = "customer_email"
        case customerName = "customer_name"
        case orderID = "order_id"
        case reviewID = "review_id"
    }
}
