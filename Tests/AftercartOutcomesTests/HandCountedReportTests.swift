import AftercartConfig
import AftercartModel
import AftercartOutcomes
import AftercartStore
import Foundation
import Testing

/// Two small stores where every figure was counted by hand (see the
/// comments): refunds, cancelled orders, coupons used and not, reviews of
/// every rating, unsubscribes, suppressions recorded twice, a customer
/// without consent, time-zone edges, yen, dollars and Canadian dollars.
@Suite struct HandCountedReportTests {
    static let now = Date(timeIntervalSince1970: 1_796_774_400)  // 2026-12-09T00:00:00Z

    @Test func tokyoInNovemberIsCountedExactly() async throws {
        try await withOutcomeStores { database in
            let tokyo = OutcomeFixture(
                database: database, store: "tokyo", timeZone: TimeZone(identifier: "Asia/Tokyo")!,
                currency: Currency(code: "JPY")!)
            try await Self.seedTokyo(tokyo)
            let reporter = OutcomeReporter(configuration: try ReportConfiguration.load(), database: database)
            let report = try await reporter.report(store: "tokyo", from: "2026-11-01", to: "2026-11-30", now: Self.now)
            Self.checkTokyo(report, tokyo)
        }
    }

    static func seedTokyo(_ f: OutcomeFixture) async throws {
        // Emails. Review requests to a and b; win-back (with coupons) to a, g, c;
        // an order confirmation to d before the period and one in it; a
        // win-back just after the period (00:30 on Dec 1 in Tokyo).
        try await f.email("review-request", to: "A@Example.test", "2026-11-10 10:00")
        try await f.email("review-request", to: "b@example.test", "2026-11-12 10:00")
        try await f.coupon("win-back", code: "WB-A", "2026-11-15 09:59")
        try await f.email("win-back", to: "a@example.test", "2026-11-15 10:00")
        try await f.coupon("win-back", code: "WB-G", "2026-11-25 09:59")
        try await f.email("win-back", to: "g@example.test", "2026-11-25 10:00")
        try await f.coupon("win-back", code: "WB-C", "2026-11-30 19:59")
        try await f.email("win-back", to: "c@example.test", "2026-11-30 20:00")
        try await f.email("win-back", to: "e@example.test", "2026-12-01 00:30")
        try await f.email("order-confirmation", to: "d@example.test", "2026-10-31 23:00", transactional: true)
        try await f.email("order-confirmation", to: "d@example.test", "2026-11-20 10:00", transactional: true)

        // Orders.
        try await f.order("o1", "a@example.test", "2026-11-01 09:00", total: "5000")  // before a's emails
        try await f.order("o2", "a@example.test", "2026-11-12 12:00", total: "3000")  // review-request +2d2h
        try await f.order(
            "o3", "A@example.test", "2026-11-16 10:00", total: "4000", refunded: "1000", coupons: ["wb-a"])  // win-back
        // Fully refunded: both platforms then say `refunded`.
        try await f.order(
            "o4", "b@example.test", "2026-11-13 10:00", total: "2000", refunded: "2000", status: .refunded)
        try await f.order("o5", "b@example.test", "2026-11-17 10:00", total: "6000", status: .cancelled)
        try await f.order("o6", "c@example.test", "2026-12-05 19:59", total: "10000", coupons: ["WB-C"])  // 4d23h59m
        try await f.order("o7", "c@example.test", "2026-12-05 20:01", total: "1000")  // 5d0h1m: outside
        try await f.order("o8", "f@example.test", "2026-11-05 10:00", total: "1500")  // f: no consent
        try await f.order("o9", "f@example.test", "2026-11-20 10:00", total: "2500")
        try await f.order("o10", "d@example.test", "2026-10-31 22:00", total: "8000")
        try await f.order("o11", "d@example.test", "2026-11-22 10:00", total: "2000")  // confirmation +2d
        try await f.order("o12", "g@example.test", "2026-11-30 23:30", total: "700")  // last day, late
        try await f.order("o13", "h@example.test", "2026-12-01 00:30", total: "900")  // next day
        try await f.order("o14", "e@example.test", "2026-12-02 10:00", total: "400")  // after an email outside

        // Reviews: a posts 5, 1 and 4 within a day or two of the request;
        // b posts 1 before the request, 2 and 3 within, 4 after the window.
        try await f.review("r1", "a@example.test", rating: 5, "2026-11-11 10:00")
        try await f.review("r2", "a@example.test", rating: 1, "2026-11-11 11:00")
        try await f.review("r3", "a@example.test", rating: 4, "2026-11-12 00:00")
        try await f.review("r4", "b@example.test", rating: 1, "2026-11-12 09:00")
        try await f.review("r5", "b@example.test", rating: 2, "2026-11-14 10:00")
        try await f.review("r6", "b@example.test", rating: 3, "2026-11-16 10:00")
        try await f.review("r7", "b@example.test", rating: 4, "2026-11-17 11:00")

        // a unsubscribes a day after the win-back; d, who got only order
        // messages, unsubscribes too (no campaign to blame).
        try await f.database.recordSuppression(
            .unsubscribed, store: f.store, email: "a@example.test", now: f.at("2026-11-16 12:00"))
        try await f.database.recordSuppression(
            .unsubscribed, store: f.store, email: "d@example.test", now: f.at("2026-11-21 12:00"))

        // Suppressions: f has no consent; the plan runs twice (the second
        // run adds b's refund), and once before the period.
        let first = [
            SuppressedOccurrence(
                campaign: "win-back", occurrenceKey: "win-back/tokyo/orders:o8/x", email: "f@example.test",
                reason: "no_consent"),
            SuppressedOccurrence(
                campaign: "win-back", occurrenceKey: "win-back/tokyo/orders:o9/x", email: "f@example.test",
                reason: "no_consent"),
            SuppressedOccurrence(
                campaign: "review-request", occurrenceKey: "review-request/tokyo/orders:o8/x",
                email: "f@example.test", reason: "no_consent"),
        ]
        try await f.database.recordSuppressedOccurrences(first, store: f.store, now: f.at("2026-11-05 12:00"))
        try await f.database.recordSuppressedOccurrences(
            first + [
                SuppressedOccurrence(
                    campaign: "review-request", occurrenceKey: "review-request/tokyo/orders:o4/x",
                    email: "b@example.test", reason: "refunded")
            ], store: f.store, now: f.at("2026-11-06 12:00"))
        try await f.database.recordSuppressedOccurrences(
            [
                SuppressedOccurrence(
                    campaign: "win-back", occurrenceKey: "win-back/tokyo/orders:o10/x", email: "d@example.test",
                    reason: "frequency_cap")
            ], store: f.store, now: f.at("2026-10-30 12:00"))
    }

    static func checkTokyo(_ report: OutcomeReport, _ f: OutcomeFixture) {
        let yen = { (text: String) in MoneyTotals([f.money(text)]) }
        #expect(report.store == "tokyo")
        #expect(report.timeZone == "Asia/Tokyo")
        #expect(report.attributionWindowDays == 5)
        #expect(report.period.from == "2026-11-01" && report.period.to == "2026-11-30")
        #expect(report.period.start == f.at("2026-11-01 00:00"))
        #expect(report.period.end == f.at("2026-12-01 00:00"))
        #expect(report.campaigns.map(\.campaign) == ["review-request", "win-back", "order-confirmation"])
        let mondays = ["2026-10-26", "2026-11-02", "2026-11-09", "2026-11-16", "2026-11-23", "2026-11-30"]
        func weekly(_ filled: [String: (Int, String)]) -> [WeeklyRevenue] {
            mondays.map { day in
                let (orders, amount) = filled[day] ?? (0, "")
                return WeeklyRevenue(
                    weekStart: day, orders: orders, revenue: amount.isEmpty ? MoneyTotals() : yen(amount))
            }
        }

        // review-request: 2 sent; o2 follows a's request; b's orders are
        // refunded or cancelled. Reviews: a's 5, 1, 4 and b's 2, 3.
        #expect(
            report.campaigns[0]
                == CampaignOutcome(
                    campaign: "review-request", messagesSent: 2, recipients: 2, attributedOrders: 1,
                    attributedRevenue: yen("3000"), coupons: nil,
                    reviews: ReviewOutcome(
                        requestsSent: 2, reviewsPosted: 5,
                        ratings: (1...5).map { ReasonCount(reason: String($0), count: 1) }),
                    unsubscribes: 0,
                    suppressions: [
                        ReasonCount(reason: "no_consent", count: 1), ReasonCount(reason: "refunded", count: 1),
                    ],
                    weekly: weekly(["2026-11-09": (1, "3000")])))
        // win-back: 3 sent (e's is after the period); o3 (4000 − 1000) and
        // o6 (at 4d23h59m) follow; WB-A and WB-C were used, WB-G not.
        #expect(
            report.campaigns[1]
                == CampaignOutcome(
                    campaign: "win-back", messagesSent: 3, recipients: 3, attributedOrders: 2,
                    attributedRevenue: yen("13000"),
                    coupons: CouponOutcome(created: 3, redeemed: 2, orders: 2, revenue: yen("13000")), reviews: nil,
                    unsubscribes: 1, suppressions: [ReasonCount(reason: "no_consent", count: 2)],
                    weekly: weekly(["2026-11-09": (1, "3000"), "2026-11-30": (1, "10000")])))
        // order-confirmation: the one in the period, then o11.
        #expect(
            report.campaigns[2]
                == CampaignOutcome(
                    campaign: "order-confirmation", messagesSent: 1, recipients: 1, attributedOrders: 1,
                    attributedRevenue: yen("2000"), coupons: nil, reviews: nil, unsubscribes: 0, suppressions: [],
                    weekly: weekly(["2026-11-16": (1, "2000")])))
        #expect(
            report.suppressions == [
                ReasonCount(reason: "no_consent", count: 3), ReasonCount(reason: "refunded", count: 1),
            ])
        // New in November: a (again 11d 3h later), f (again 15 days later)
        // and g (23:30 on the last day); not h (00:30 the next day), not c
        // (first order in December), not d (October), not b (nothing charged).
        #expect(
            report.customers
                == CustomerOutcome(
                    newCustomers: 3, repeatCustomers: 2, repeatRate: Decimal(string: "0.6667"),
                    averageDaysToSecondOrder: Decimal(string: "13.1"),
                    cohorts: [CohortRow(month: "2026-11", customers: 3, returning: [2])]))
    }

    /// New York takes dollars and Canadian dollars: totals stay apart.
    @Test func aStoreWithTwoCurrenciesKeepsThemApart() async throws {
        try await withOutcomeStores { database in
            let ny = OutcomeFixture(
                database: database, store: "ny", timeZone: TimeZone(identifier: "America/New_York")!,
                currency: Currency(code: "USD")!)
            try await ny.email("win-back", to: "x@example.test", "2026-11-10 10:00")
            try await ny.order("n1", "x@example.test", "2026-11-11 10:00", total: "100.50", refunded: "0.50")
            try await ny.order("n2", "x@example.test", "2026-11-12 10:00", total: "50.00", currency: "CAD")
            try await ny.order("n3", "y@example.test", "2026-10-20 10:00", total: "10.00")
            try await ny.order("n4", "y@example.test", "2026-11-30 23:30", total: "20.00")
            // Tokyo's data never shows in New York's report.
            let tokyo = OutcomeFixture(
                database: database, store: "tokyo", timeZone: TimeZone(identifier: "Asia/Tokyo")!,
                currency: Currency(code: "JPY")!)
            try await Self.seedTokyo(tokyo)
            let reporter = OutcomeReporter(configuration: try ReportConfiguration.load(), database: database)
            let report = try await reporter.report(store: "ny", from: "2026-11-01", to: "2026-11-30", now: Self.now)
            let winBack = try #require(report.campaigns.first { $0.campaign == "win-back" })
            #expect(winBack.messagesSent == 1 && winBack.attributedOrders == 2)
            #expect(winBack.attributedRevenue == MoneyTotals([ny.money("50.00", "CAD"), ny.money("100.00")]))
            #expect(winBack.attributedRevenue.amounts.map(\.currency.code) == ["CAD", "USD"])
            #expect(winBack.coupons == CouponOutcome(created: 0, redeemed: 0, orders: 0, revenue: MoneyTotals()))
            #expect(report.campaigns.first { $0.campaign == "review-request" }?.reviews?.requestsSent == 0)
            #expect(report.suppressions.isEmpty)
            #expect(
                report.customers
                    == CustomerOutcome(
                        newCustomers: 1, repeatCustomers: 1, repeatRate: 1, averageDaysToSecondOrder: 1,
                        cohorts: [CohortRow(month: "2026-11", customers: 1, returning: [1])]))
        }
    }

    /// Cohorts over three months: each month's row runs to the report's end.
    @Test func cohortsCountReturningCustomersByMonthsSince() async throws {
        try await withOutcomeStores { database in
            let f = OutcomeFixture(
                database: database, store: "tokyo", timeZone: TimeZone(identifier: "Asia/Tokyo")!,
                currency: Currency(code: "JPY")!)
            try await f.order("c1", "p@example.test", "2026-09-10 10:00", total: "100")
            try await f.order("c2", "p@example.test", "2026-09-20 10:00", total: "100")  // month 0
            try await f.order("c3", "p@example.test", "2026-11-02 10:00", total: "100")  // month 2
            try await f.order("c4", "q@example.test", "2026-09-30 23:59", total: "100")
            try await f.order("c5", "q@example.test", "2027-01-05 10:00", total: "100")  // 97 days, after the end
            try await f.order("c6", "r@example.test", "2026-10-01 00:00", total: "100")
            try await f.order("c7", "r@example.test", "2026-10-31 10:00", total: "100", status: .failed)
            try await f.order("c8", "r@example.test", "2026-11-15 10:00", total: "100")  // month 1
            var reporter = OutcomeReporter(configuration: try ReportConfiguration.load(), database: database)
            reporter.reviewCampaigns = []
            let later = f.at("2027-02-01 00:00")
            let report = try await reporter.report(store: "tokyo", from: "2026-09-01", to: "2026-11-30", now: later)
            #expect(
                report.customers
                    == CustomerOutcome(
                        newCustomers: 3, repeatCustomers: 2, repeatRate: Decimal(string: "0.6667"),
                        // p: 10 days, q: 96 days 10 h 1 min, r: 45 days 10 h → 50.61 days.
                        averageDaysToSecondOrder: Decimal(string: "50.6"),
                        cohorts: [
                            CohortRow(month: "2026-09", customers: 2, returning: [1, 0, 1]),
                            CohortRow(month: "2026-10", customers: 1, returning: [0, 1]),
                            CohortRow(month: "2026-11", customers: 0, returning: [0]),
                        ]))
        }
    }
}
