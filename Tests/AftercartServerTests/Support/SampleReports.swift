import AftercartModel
import AftercartOutcomes
import Foundation

/// Reports built by hand, every figure known, for the dashboard's tests.
enum SampleReports {
    static func yen(_ amount: Decimal) -> MoneyTotals { MoneyTotals([Money(amount, .jpy)]) }

    static let weeks = ["2026-11-02", "2026-11-09", "2026-11-16", "2026-11-23"]

    /// Tokyo Mugs in November 2026: a thank-you campaign with coupons, a
    /// review request, and a campaign whose name holds a script tag.
    static func tokyo(campaignName: String = "thank-you") -> OutcomeReport {
        let thanks = CampaignOutcome(
            campaign: campaignName, messagesSent: 120, recipients: 110, attributedOrders: 14,
            attributedRevenue: yen(98_000),
            coupons: CouponOutcome(created: 40, redeemed: 10, orders: 11, revenue: yen(52_000)), reviews: nil,
            unsubscribes: 2, suppressions: [ReasonCount(reason: "no_consent", count: 7)],
            weekly: zip(weeks, [10_000, 40_000, 20_000, 28_000]).map {
                WeeklyRevenue(weekStart: $0, orders: 3, revenue: yen(Decimal($1)))
            })
        let reviews = CampaignOutcome(
            campaign: "review-request", messagesSent: 80, recipients: 80, attributedOrders: 3,
            attributedRevenue: yen(12_000), coupons: nil,
            reviews: ReviewOutcome(
                requestsSent: 80, reviewsPosted: 25,
                ratings: [(1, 2), (2, 1), (3, 4), (4, 8), (5, 10)].map { ReasonCount(reason: "\($0)", count: $1) }),
            unsubscribes: 0, suppressions: [ReasonCount(reason: "refunded", count: 3)],
            weekly: zip(weeks, [0, 5_000, 0, 7_000]).map {
                WeeklyRevenue(weekStart: $0, orders: 1, revenue: $1 == 0 ? MoneyTotals() : yen(Decimal($1)))
            })
        return report(
            store: "tokyo-woo", name: "Tokyo Mugs", timeZone: "Asia/Tokyo", campaigns: [thanks, reviews],
            suppressions: [ReasonCount(reason: "no_consent", count: 7), ReasonCount(reason: "refunded", count: 3)],
            customers: CustomerOutcome(
                newCustomers: 200, repeatCustomers: 30, repeatRate: Decimal(string: "0.15"),
                averageDaysToSecondOrder: Decimal(string: "23.5"),
                cohorts: [
                    CohortRow(month: "2026-09", customers: 80, returning: [4, 8, 6]),
                    CohortRow(month: "2026-10", customers: 70, returning: [2, 7]),
                    CohortRow(month: "2026-11", customers: 50, returning: [5]),
                ]))
    }

    /// Brooklyn Socks, whose orders come in dollars and euros: one campaign
    /// earns in both currencies in the same weeks.
    static func brooklynTwoCurrencies() -> OutcomeReport {
        let both = MoneyTotals([Money(Decimal(string: "120.50")!, .usd), Money(80, .eur)])
        let campaign = CampaignOutcome(
            campaign: "win-back", messagesSent: 50, recipients: 50, attributedOrders: 5, attributedRevenue: both,
            coupons: nil, reviews: nil, unsubscribes: 1, suppressions: [],
            weekly: [
                WeeklyRevenue(
                    weekStart: "2026-11-02", orders: 2, revenue: MoneyTotals([Money(Decimal(string: "120.50")!, .usd)])),
                WeeklyRevenue(weekStart: "2026-11-09", orders: 3, revenue: MoneyTotals([Money(80, .eur)])),
            ])
        return report(
            store: "brooklyn-shop", name: "Brooklyn Socks", timeZone: "America/New_York", campaigns: [campaign],
            suppressions: [], customers: empty)
    }

    /// A store with campaigns that sent nothing and no customers.
    static func quiet() -> OutcomeReport {
        let idle = CampaignOutcome(
            campaign: "thank-you", messagesSent: 0, recipients: 0, attributedOrders: 0,
            attributedRevenue: MoneyTotals(),
            coupons: CouponOutcome(created: 0, redeemed: 0, orders: 0, revenue: MoneyTotals()),
            reviews: ReviewOutcome(
                requestsSent: 0, reviewsPosted: 0, ratings: (1...5).map { ReasonCount(reason: "\($0)", count: 0) }),
            unsubscribes: 0, suppressions: [],
            weekly: weeks.map { WeeklyRevenue(weekStart: $0, orders: 0, revenue: MoneyTotals()) })
        return report(
            store: "tokyo-woo", name: "Tokyo Mugs", timeZone: "Asia/Tokyo", campaigns: [idle], suppressions: [],
            customers: empty)
    }

    static let empty = CustomerOutcome(
        newCustomers: 0, repeatCustomers: 0, repeatRate: nil, averageDaysToSecondOrder: nil, cohorts: [])

    static func report(
        store: StoreID, name: String, timeZone: String, campaigns: [CampaignOutcome], suppressions: [ReasonCount],
        customers: CustomerOutcome
    ) -> OutcomeReport {
        let zone = TimeZone(identifier: timeZone)!
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let start = calendar.date(from: DateComponents(year: 2026, month: 11, day: 1))!
        let end = calendar.date(from: DateComponents(year: 2026, month: 12, day: 1))!
        return OutcomeReport(
            store: store, displayName: name, timeZone: timeZone,
            period: ReportPeriod(from: "2026-11-01", to: "2026-11-30", start: start, end: end),
            attributionWindowDays: 5, campaigns: campaigns, suppressions: suppressions, customers: customers,
            generatedAt: Date(timeIntervalSince1970: 1_796_000_000))
    }
}
