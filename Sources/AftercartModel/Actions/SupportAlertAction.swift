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
    /// The email as the store's `support-alert` template rendered it, in the
    /// store's language; `nil` in alerts planned before templates did this,
    /// which are sent as plain facts.
    public var message: RenderedAlert?

    /// A support alert's email, rendered when it was planned.
    public struct RenderedAlert: Sendable, Hashable, Codable {
        public var subject: String
        public var text: String
        public var html: String

        public init(subject: String, text: String, html: String) {
            self.subject = subject
            self.text = text
            self.html = html
        }
    }

    public init(
        reason: String, customerEmail: String?, customerName: String? = nil, orderID: String? = nil,
        reviewID: String? = nil, rating: Int? = nil, message: RenderedAlert? = nil
    ) {
        self.reason = reason
        self.customerEmail = customerEmail
        self.customerName = customerName
        self.orderID = orderID
        self.reviewID = reviewID
        self.rating = rating
        self.message = message
    }

    private enum CodingKeys: String, CodingKey {
        case reason, rating, message
        case customerEmail = "customer_email"
        case customerName = "customer_name"
        case orderID = "order_id"
        case reviewID = "review_id"
    }
}
