public import AftercartModel
public import Foundation

/// What starts a campaign for a subject (order, customer, review).
public enum CampaignTrigger: String, Sendable, Hashable, Codable, CaseIterable {
    case orderPlaced = "order_placed"
    case shipmentStatusChanged = "shipment_status_changed"
    case delivered
    case reviewPosted = "review_posted"
    case pointsExpiring = "points_expiring"
    case tierChanged = "tier_changed"
    case noRepeatPurchase = "no_repeat_purchase"

    /// Triggers whose messages are about an order the customer placed, so
    /// they may be `transactional` (sent without marketing consent).
    public var allowsTransactional: Bool {
        switch self {
        case .orderPlaced, .shipmentStatusChanged, .delivered: true
        default: false
        }
    }
}

/// Who receives a campaign's message.
public enum CampaignAudience: String, Sendable, Hashable, Codable, CaseIterable {
    /// The customer (subject to consent, caps and quiet hours unless transactional).
    case customer
    /// The merchant's team (`[engage] merchant_email`), e.g. a support alert
    /// for a negative review; never marketing.
    case merchant
}

/// A smart coupon a campaign creates per customer (`coupon = { … }`).
public struct CampaignCoupon: Sendable, Hashable {
    /// Percent off, a fixed amount off the cart or each product, or free shipping.
    public var kind: CouponKind
    /// Percent (0 < amount ≤ 100) or money in the store's currency; 0 for free shipping.
    public var amount: Decimal
    /// How long the coupon stays valid after creation (default 30 days).
    public var expiresIn: ConfigDuration
    /// The readable start of every code (`THANKS` in `THANKS-7K4Q-9XPM`);
    /// `nil` derives it from the campaign name.
    public var codePrefix: String?

    /// Creates a coupon description.
    public init(kind: CouponKind, amount: Decimal, expiresIn: ConfigDuration = .days(30), codePrefix: String? = nil) {
        self.kind = kind
        self.amount = amount
        self.expiresIn = expiresIn
        self.codePrefix = codePrefix
    }
}

/// One campaign from `[[campaigns]]` or `config/campaigns/*.toml`.
public struct CampaignConfiguration: Sendable, Hashable {
    /// Unique name; part of every outbox idempotency key, so renaming a
    /// campaign makes it fire again.
    public var name: String
    /// What starts it.
    public var trigger: CampaignTrigger
    /// How long after the trigger the message goes (default immediately).
    public var delay: ConfigDuration
    /// Who qualifies, beyond the always-on suppression rules.
    public var conditions: CampaignConditions
    /// Template name: `config/templates/NAME.{subject,text,html}.mustache`.
    public var template: String
    /// The smart coupon to create and name in the message, if any.
    public var coupon: CampaignCoupon?
    /// An order-status message that needs no marketing consent, caps or
    /// coupon (default false).
    public var transactional: Bool
    /// Customer (default) or merchant.
    public var audience: CampaignAudience
    /// The stores it runs for; `nil` means all.
    public var stores: [StoreID]?
    /// What it writes into the store after each email (`push_back`);
    /// empty writes nothing.
    public var pushBack: Set<CampaignPushBack>
    /// `false` keeps the campaign in the file without running it.
    public var enabled: Bool
    /// The file that defines it and the line of its header.
    public var file: String
    /// 1-based line of the campaign's header (or first key).
    public var line: Int?

    /// Creates a campaign; normally the loader does this.
    public init(
        name: String, trigger: CampaignTrigger, delay: ConfigDuration = ConfigDuration(seconds: 0),
        conditions: CampaignConditions = CampaignConditions(), template: String, coupon: CampaignCoupon? = nil,
        transactional: Bool = false, audience: CampaignAudience = .customer, stores: [StoreID]? = nil,
        pushBack: Set<CampaignPushBack> = CampaignPushBack.defaults, enabled: Bool = true, file: String = "",
        line: Int? = nil
    ) {
        self.name = name
        self.trigger = trigger
        self.delay = delay
        self.conditions = conditions
        self.template = template
        self.coupon = coupon
        self.transactional = transactional
        self.audience = audience
        self.stores = stores
        self.pushBack = pushBack
        self.enabled = enabled
        self.file = file
        self.line = line
    }

    /// Whether this campaign rewards a posted review with a coupon; the
    /// reward must not depend on the rating (16 CFR Part 465).
    public var isReviewReward: Bool {
        trigger == .reviewPosted && coupon != nil
    }

    /// Whether the campaign runs for `store`.
    public func applies(to store: StoreID) -> Bool {
        enabled && (stores?.contains(store) ?? true)
    }
}
