public import Foundation

/// A sent email, as the report needs it.
public struct SentEmailFact: Sendable, Hashable {
    public var campaign: String
    /// The row's idempotency key (its last part says which step: `email`, `invitation`).
    public var idempotencyKey: String
    /// The recipient's address, lowercased.
    public var recipient: String
    /// Whether it was an order-status message (not marketing).
    public var transactional: Bool
    /// When its row turned `done`.
    public var sentAt: Date

    public init(campaign: String, idempotencyKey: String, recipient: String, transactional: Bool, sentAt: Date) {
        self.campaign = campaign
        self.idempotencyKey = idempotencyKey
        self.recipient = recipient
        self.transactional = transactional
        self.sentAt = sentAt
    }
}

/// A coupon Aftercart created in the store.
public struct CreatedCouponFact: Sendable, Hashable {
    public var campaign: String
    /// The code, lowercased.
    public var code: String
    public var createdAt: Date

    public init(campaign: String, code: String, createdAt: Date) {
        self.campaign = campaign
        self.code = code
        self.createdAt = createdAt
    }
}

/// An order's few members the report adds up.
public struct OrderFact: Sendable, Hashable {
    public var id: String
    /// The buyer's address, lowercased; `nil` when the order has none.
    public var email: String?
    public var createdAt: Date
    /// The currency code and amounts as stored (decimal text).
    public var currency: String
    public var total: String
    public var refundedTotal: String
    /// Coupon codes the order used, lowercased (read only when asked for).
    public var couponCodes: [String]

    public init(
        id: String, email: String?, createdAt: Date, currency: String, total: String, refundedTotal: String,
        couponCodes: [String] = []
    ) {
        self.id = id
        self.email = email
        self.createdAt = createdAt
        self.currency = currency
        self.total = total
        self.refundedTotal = refundedTotal
        self.couponCodes = couponCodes
    }
}

/// A charged order as the customer scan reads it: who and when.
public struct CustomerOrderFact: Sendable, Hashable {
    /// The buyer's address, lowercased.
    public var email: String
    public var createdAt: Date

    public init(email: String, createdAt: Date) {
        self.email = email
        self.createdAt = createdAt
    }
}

/// A posted review.
public struct ReviewFact: Sendable, Hashable {
    /// The reviewer's address, lowercased.
    public var email: String
    public var rating: Int
    public var createdAt: Date

    public init(email: String, rating: Int, createdAt: Date) {
        self.email = email
        self.rating = rating
        self.createdAt = createdAt
    }
}

/// An unsubscribe recorded by Aftercart.
public struct UnsubscribeFact: Sendable, Hashable {
    /// The address, lowercased.
    public var email: String
    public var at: Date

    public init(email: String, at: Date) {
        self.email = email
        self.at = at
    }
}

/// How many occurrences of a campaign were first suppressed for a reason.
public struct SuppressionCountFact: Sendable, Hashable {
    public var campaign: String
    public var reason: String
    public var count: Int

    public init(campaign: String, reason: String, count: Int) {
        self.campaign = campaign
        self.reason = reason
        self.count = count
    }
}

/// One occurrence the planner did not message, as recorded for the report.
public struct SuppressedOccurrence: Sendable, Hashable {
    public var campaign: String
    /// What tells the occurrence apart within its campaign (subject and
    /// step); stored only as a keyed hash.
    public var occurrenceKey: String
    /// The customer it was about, for erasure; stored only as a keyed hash.
    public var email: String
    /// The ``SuppressionReason`` raw value.
    public var reason: String

    public init(campaign: String, occurrenceKey: String, email: String, reason: String) {
        self.campaign = campaign
        self.occurrenceKey = occurrenceKey
        self.email = email
        self.reason = reason
    }
}
