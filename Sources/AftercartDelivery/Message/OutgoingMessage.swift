public import AftercartModel
public import AftercartStore
public import Foundation

/// One message ready for a channel: addresses checked, content as planned,
/// and the outbox row it comes from (for webhook events and file names).
public struct OutgoingMessage: Sendable, Hashable {
    public var from: MailAddress
    public var to: MailAddress
    /// Plain UTF-8; channels encode it.
    public var subject: String
    public var text: String
    public var html: String
    /// `<…@domain>`, derived from the idempotency key, so a deliberate
    /// resend carries the same id and mail systems can recognise it.
    public var messageID: String
    /// The send time, from the executor's clock.
    public var date: Date
    /// Where the message comes from.
    public var origin: Origin
    /// The one-click unsubscribe link of a marketing message, sent as
    /// `List-Unsubscribe` with `List-Unsubscribe-Post`; ignored for a
    /// transactional one.
    public var unsubscribeURL: String?
    /// A mailbox offered beside ``unsubscribeURL`` as `mailto:` in
    /// `List-Unsubscribe` (RFC 2369), for mail clients that only write.
    public var unsubscribeEmail: String?
    /// Where replies go when not to ``from`` (`Reply-To`).
    public var replyTo: MailAddress?

    /// The outbox row and business context of a message.
    public struct Origin: Sendable, Hashable {
        public var outboxID: Int64
        public var idempotencyKey: String
        public var store: StoreID
        public var campaign: String
        public var action: OutboxAction
        public var orderID: String?
        public var customerID: String?
        public var couponCode: String?
        public var transactional: Bool

        public init(
            outboxID: Int64, idempotencyKey: String, store: StoreID, campaign: String, action: OutboxAction,
            orderID: String? = nil, customerID: String? = nil, couponCode: String? = nil, transactional: Bool = false
        ) {
            self.outboxID = outboxID
            self.idempotencyKey = idempotencyKey
            self.store = store
            self.campaign = campaign
            self.action = action
            self.orderID = orderID
            self.customerID = customerID
            self.couponCode = couponCode
            self.transactional = transactional
        }
    }

    public init(
        from: MailAddress, to: MailAddress, subject: String, text: String, html: String, messageID: String? = nil,
        date: Date, origin: Origin, unsubscribeURL: String? = nil
    ) {
        self.from = from
        self.to = to
        self.subject = subject
        self.text = text
        self.html = html
        self.messageID = messageID ?? MessageIdentity.messageID(key: origin.idempotencyKey, domain: from.domain)
        self.date = date
        self.origin = origin
        self.unsubscribeURL = unsubscribeURL
    }
}
