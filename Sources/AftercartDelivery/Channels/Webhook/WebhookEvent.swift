public import Foundation

/// The JSON body the webhook channel posts, one per message.
public struct WebhookEvent: Sendable, Hashable, Codable {
    public struct Customer: Sendable, Hashable, Codable {
        public var email: String
        public var name: String?
        public var id: String?
    }

    public struct Order: Sendable, Hashable, Codable {
        public var id: String
    }

    public struct Content: Sendable, Hashable, Codable {
        public var subject: String
        public var text: String
        public var html: String
    }

    public struct Coupon: Sendable, Hashable, Codable {
        public var code: String
    }

    /// Always `aftercart.message`.
    public var event: String
    /// The outbox action: `send_email` or `support_alert`.
    public var action: String
    /// The row's idempotency key; the same on a resend, so a receiver can drop duplicates.
    public var idempotencyKey: String
    public var store: String
    public var campaign: String
    public var transactional: Bool
    public var from: String
    public var customer: Customer
    public var order: Order?
    public var content: Content
    public var coupon: Coupon?
    public var sentAt: Date

    init(_ message: OutgoingMessage) {
        event = "aftercart.message"
        action = message.origin.action.rawValue
        idempotencyKey = message.origin.idempotencyKey
        store = message.origin.store.rawValue
        campaign = message.origin.campaign
        transactional = message.origin.transactional
        from = message.from.description
        customer = Customer(email: message.to.address, name: message.to.name, id: message.origin.customerID)
        order = message.origin.orderID.map(Order.init(id:))
        content = Content(subject: message.subject, text: message.text, html: message.html)
        coupon = message.origin.couponCode.map(Coupon.init(code:))
        sentAt = message.date
    }

    private enum CodingKeys: String, CodingKey {
        case event, action, store, campaign, transactional, from, customer, order, content, coupon
        case idempotencyKey = "idempotency_key"
        case sentAt = "sent_at"
    }
}
