import Foundation

/// The payload of a `send_email` outbox row: a message rendered at plan time,
/// so what is sent is exactly what `plan --dry-run` showed.
public struct EmailAction: Sendable, Hashable, Codable {
    /// The recipient's address.
    public var to: String
    /// The recipient's display name, if any; may hold any Unicode.
    public var toName: String?
    /// The subject line, plain UTF-8 (the channel encodes it).
    public var subject: String
    /// The plain-text part.
    public var text: String
    /// The HTML part.
    public var html: String
    /// Transactional messages (order status) are exempt from consent and caps.
    public var transactional: Bool
    /// Idempotency keys of outbox rows that must be `done` before this one is
    /// sent (the coupon it names).
    public var after: [String]
    /// The coupon code the message names, if any (shown in webhook events).
    public var couponCode: String?
    /// The order the message is about, if any.
    public var orderID: String?
    /// The customer's platform id, if known.
    public var customerID: String?
    /// What to write back into the store once the message is sent, if anything.
    public var pushBack: PushBack?
    /// The one-click unsubscribe link of a marketing message (its
    /// `List-Unsubscribe` header); `nil` for transactional mail.
    public var unsubscribeURL: String?

    public init(
        to: String, toName: String?, subject: String, text: String, html: String, transactional: Bool,
        after: [String] = [], couponCode: String? = nil, orderID: String? = nil, customerID: String? = nil,
        pushBack: PushBack? = nil, unsubscribeURL: String? = nil
    ) {
        self.to = to
        self.toName = toName
        self.subject = subject
        self.text = text
        self.html = html
        self.transactional = transactional
        self.after = after
        self.couponCode = couponCode
        self.orderID = orderID
        self.customerID = customerID
        self.pushBack = pushBack
        self.unsubscribeURL = unsubscribeURL
    }

    /// A trace of the send left in the store's admin, so the merchant sees it.
    public struct PushBack: Sendable, Hashable, Codable {
        /// A private order note, e.g. "Aftercart: review request sent 2026-11-22"
        /// (the date is the send date, filled in by the executor from `{date}`).
        public var orderNote: String?
        /// Tags to add to the customer.
        public var customerTags: [String]

        public init(orderNote: String? = nil, customerTags: [String] = []) {
            self.orderNote = orderNote
            self.customerTags = customerTags
        }

        private enum CodingKeys: String, CodingKey {
            case orderNote = "order_note"
            case customerTags = "customer_tags"
        }
    }

    private enum CodingKeys: String, CodingKey {
        case to, subject, text, html, transactional, after
        case toName = "to_name"
        case couponCode = "coupon_code"
        case orderID = "order_id"
        case customerID = "customer_id"
        case pushBack = "push_back"
        case unsubscribeURL = "unsubscribe_url"
    }
}
