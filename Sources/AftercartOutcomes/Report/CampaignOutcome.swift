/// What one campaign sent in the period and what followed.
public struct CampaignOutcome: Sendable, Hashable, Codable {
    /// The campaign's name.
    public var campaign: String
    /// Emails the campaign sent (outbox `done`) in the period.
    public var messagesSent: Int
    /// Distinct addresses those emails went to.
    public var recipients: Int
    /// Orders placed by a recipient within the attribution window after one
    /// of this campaign's emails (each order counted once per campaign);
    /// always ``FigureBasis/window``.
    public var attributedOrders: Int
    /// Those orders' totals as charged, less what was refunded.
    public var attributedRevenue: MoneyTotals
    /// Smart coupons, when the campaign creates them (`nil` otherwise).
    public var coupons: CouponOutcome?
    /// Review requests and the reviews that followed, when the campaign asks
    /// for reviews (`nil` otherwise).
    public var reviews: ReviewOutcome?
    /// Recipients who unsubscribed through one of this campaign's emails.
    public var unsubscribes: Int
    /// Occurrences the campaign did not message, by reason.
    public var suppressions: [ReasonCount]
    /// Attributed revenue per week (weeks start on Monday in the store's time
    /// zone), for the dashboard's chart; every week of the period is listed.
    public var weekly: [WeeklyRevenue]

    public init(
        campaign: String, messagesSent: Int, recipients: Int, attributedOrders: Int, attributedRevenue: MoneyTotals,
        coupons: CouponOutcome?, reviews: ReviewOutcome?, unsubscribes: Int, suppressions: [ReasonCount],
        weekly: [WeeklyRevenue]
    ) {
        self.campaign = campaign
        self.messagesSent = messagesSent
        self.recipients = recipients
        self.attributedOrders = attributedOrders
        self.attributedRevenue = attributedRevenue
        self.coupons = coupons
        self.reviews = reviews
        self.unsubscribes = unsubscribes
        self.suppressions = suppressions
        self.weekly = weekly
    }
}

/// Coupons a campaign created and the orders that used them: exact, since
/// the order names the code (``FigureBasis/exact``).
public struct CouponOutcome: Sendable, Hashable, Codable {
    /// Coupons created (outbox `create_coupon` done) in the period.
    public var created: Int
    /// Of those, the ones at least one order used.
    public var redeemed: Int
    /// The orders that used them, and their totals less refunds.
    public var orders: Int
    public var revenue: MoneyTotals

    public init(created: Int, redeemed: Int, orders: Int, revenue: MoneyTotals) {
        self.created = created
        self.redeemed = redeemed
        self.orders = orders
        self.revenue = revenue
    }
}

/// Review requests and the reviews their recipients posted afterwards
/// (within the attribution window; ``FigureBasis/window``). Every rating is
/// counted: the picture is never filtered.
public struct ReviewOutcome: Sendable, Hashable, Codable {
    public var requestsSent: Int
    /// Reviews posted by a recipient within the window after a request.
    public var reviewsPosted: Int
    /// Those reviews by rating, 1 to 5 stars, all five always present.
    public var ratings: [ReasonCount]

    public init(requestsSent: Int, reviewsPosted: Int, ratings: [ReasonCount]) {
        self.requestsSent = requestsSent
        self.reviewsPosted = reviewsPosted
        self.ratings = ratings
    }
}

/// A week's attributed orders and revenue.
public struct WeeklyRevenue: Sendable, Hashable, Codable {
    /// The week's Monday, `yyyy-MM-dd` in the store's time zone.
    public var weekStart: String
    public var orders: Int
    public var revenue: MoneyTotals

    public init(weekStart: String, orders: Int, revenue: MoneyTotals) {
        self.weekStart = weekStart
        self.orders = orders
        self.revenue = revenue
    }
}
