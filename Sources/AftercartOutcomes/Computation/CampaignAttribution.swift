import AftercartModel
import AftercartStore
import Foundation

/// Ties what followed to the emails of one campaign: orders and reviews
/// by a recipient within the window after an email (an estimate), orders
/// that used a code the campaign created (exact).
struct CampaignAttribution {
    var campaign: String
    /// The campaign's emails sent in the period.
    var emails: [SentEmailFact]
    var window: TimeInterval
    var calendar: StoreCalendar
    var period: ReportPeriod

    /// Emails per recipient, oldest first.
    private var byRecipient: [String: [SentEmailFact]] {
        Dictionary(grouping: emails.filter { !$0.recipient.isEmpty }, by: \.recipient)
            .mapValues { $0.sorted { $0.sentAt < $1.sentAt } }
    }

    /// The latest of `emails` sent before `instant` whose window still holds it.
    static func latest(_ emails: [SentEmailFact], before instant: Date, window: TimeInterval) -> SentEmailFact? {
        emails.last { $0.sentAt < instant && instant.timeIntervalSince($0.sentAt) <= window }
    }

    /// Orders (each once) that followed an email, their revenue, and per
    /// week of the email they followed.
    func attributedOrders(_ orders: [OrderFact]) -> (orders: Int, revenue: MoneyTotals, weekly: [WeeklyRevenue]) {
        let recipients = byRecipient
        var weeks = Dictionary(uniqueKeysWithValues: weekStarts().map { ($0, (orders: 0, revenue: MoneyTotals())) })
        var count = 0
        var revenue = MoneyTotals()
        for order in orders {
            guard let email = order.email, let sent = recipients[email],
                let message = Self.latest(sent, before: order.createdAt, window: window), let net = order.net
            else { continue }
            count += 1
            revenue.add(net)
            let week = calendar.weekStart(message.sentAt)
            weeks[week, default: (0, MoneyTotals())].orders += 1
            weeks[week, default: (0, MoneyTotals())].revenue.add(net)
        }
        let weekly = weeks.keys.sorted().map { start in
            WeeklyRevenue(weekStart: calendar.day(start), orders: weeks[start]!.orders, revenue: weeks[start]!.revenue)
        }
        return (count, revenue, weekly)
    }

    /// Every Monday from the week of the period's first day to that of its last.
    func weekStarts() -> [Date] {
        var starts: [Date] = []
        var week = calendar.weekStart(period.start)
        while week < period.end {
            starts.append(week)
            week = calendar.adding(days: 7, to: week)
        }
        return starts
    }

    /// The codes created and the orders (placed since the code was made) that used them.
    static func coupons(_ created: [CreatedCouponFact], orders: [OrderFact]) -> CouponOutcome {
        let madeAt = Dictionary(created.map { ($0.code, $0.createdAt) }, uniquingKeysWith: min)
        var redeemed: Set<String> = []
        var count = 0
        var revenue = MoneyTotals()
        for order in orders {
            let used = order.couponCodes.filter { code in madeAt[code].map { order.createdAt >= $0 } ?? false }
            guard !used.isEmpty, let net = order.net else { continue }
            redeemed.formUnion(used)
            count += 1
            revenue.add(net)
        }
        return CouponOutcome(created: created.count, redeemed: redeemed.count, orders: count, revenue: revenue)
    }

    /// Review requests (the campaign's `email` steps) and the reviews their
    /// recipients posted within the window after one, each review once.
    func reviews(_ posted: [ReviewFact]) -> ReviewOutcome {
        let requests = emails.filter { $0.idempotencyKey.hasSuffix("/email") }
        let recipients = Dictionary(grouping: requests.filter { !$0.recipient.isEmpty }, by: \.recipient)
            .mapValues { $0.sorted { $0.sentAt < $1.sentAt } }
        var ratings = [Int](repeating: 0, count: 5)
        var count = 0
        for review in posted {
            guard let sent = recipients[review.email],
                Self.latest(sent, before: review.createdAt, window: window) != nil
            else { continue }
            count += 1
            if (1...5).contains(review.rating) { ratings[review.rating - 1] += 1 }
        }
        return ReviewOutcome(
            requestsSent: requests.count, reviewsPosted: count,
            ratings: ratings.enumerated().map { ReasonCount(reason: String($0.offset + 1), count: $0.element) })
    }
}
