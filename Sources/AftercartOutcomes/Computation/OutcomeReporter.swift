public import AftercartConfig
import AftercartEngage
public import AftercartModel
public import AftercartStore
public import Foundation

/// Computes a store's ``OutcomeReport`` from the database: what `aftercart
/// report` prints and `/dashboard` draws.
///
/// Reads narrow facts (``OutcomeFactStore``): the period's sent emails and
/// created coupons, the orders and reviews of the period plus the
/// attribution window, and every order's address, date and amounts once,
/// customer by customer, for repeat purchases. No payload is decoded whole.
public struct OutcomeReporter: Sendable {
    /// Stores, campaigns and `[report]`; time zones as the caller resolved them.
    public var configuration: AftercartConfiguration
    public var database: any OutcomeFactStore
    /// Campaigns whose template links to a review form (review requests).
    public var reviewCampaigns: Set<String>
    /// Rows per page of the customer scan.
    var customerPageSize = 5_000

    /// A reporter over `database`; review requests are told apart by their
    /// templates (campaigns whose template does not load count as none).
    public init(configuration: AftercartConfiguration, database: any OutcomeFactStore) {
        self.configuration = configuration
        self.database = database
        let templates = try? TemplateLibrary.load(for: configuration)
        reviewCampaigns = Set(
            configuration.campaigns.filter { templates?.linksToReviews($0.template) ?? false }.map(\.name))
    }

    /// The report of `store` over the days `from` to `to` (`yyyy-MM-dd` in
    /// the store's time zone, both included; default the 30 days up to today at `now`).
    ///
    /// - Throws: ``ReportError`` for an unknown store or bad dates; persistence errors.
    public func report(store: StoreID, from: String?, to: String?, now: Date) async throws -> OutcomeReport {
        guard let storeConfiguration = configuration.store(named: store.rawValue) else {
            throw ReportError.unknownStore(store.rawValue, known: configuration.stores.map(\.name))
        }
        let calendar = StoreCalendar(timeZone: storeConfiguration.timeZone)
        let period = try ReportPeriod.resolve(from: from, to: to, now: now, calendar: calendar)
        let days = configuration.report.attributionWindowDays
        let window = TimeInterval(days) * 86_400
        let windowEnd = period.end.addingTimeInterval(window)

        let sentSince = period.start.addingTimeInterval(-window)
        let allSent = try await database.sentEmails(store: store, from: sentSince, to: period.end)
        let sent = allSent.filter { $0.sentAt >= period.start }
        let coupons = try await database.createdCoupons(store: store, from: period.start, to: period.end)
        let orders = try await database.chargedOrders(
            store: store, from: period.start, to: windowEnd, couponsOnly: false)
        let couponOrders =
            coupons.isEmpty
            ? []
            : try await database.chargedOrders(
                store: store, from: coupons.map(\.createdAt).min()!, to: max(now, windowEnd), couponsOnly: true)
        let reviews =
            reviewCampaigns.isEmpty
            ? [] : try await database.postedReviews(store: store, from: period.start, to: windowEnd)
        let unsubscribed = Self.unsubscribes(
            try await database.unsubscribes(store: store, from: period.start, to: period.end), emails: allSent,
            window: window)
        let suppressions = try await database.suppressionCounts(store: store, from: period.start, to: period.end)

        var names = configuration.campaigns(for: store).map(\.name)
        // A campaign removed from the config still sent what it sent.
        for name in sent.map(\.campaign) + coupons.map(\.campaign) where !names.contains(name) { names.append(name) }
        let campaigns = names.map { name in
            let attribution = CampaignAttribution(
                campaign: name, emails: sent.filter { $0.campaign == name }, window: window, calendar: calendar,
                period: period)
            let attributed = attribution.attributedOrders(orders)
            let created = coupons.filter { $0.campaign == name }
            let hasCoupon = configuration.campaigns.contains { $0.name == name && $0.coupon != nil }
            return CampaignOutcome(
                campaign: name, messagesSent: attribution.emails.count,
                recipients: Set(attribution.emails.map(\.recipient)).count, attributedOrders: attributed.orders,
                attributedRevenue: attributed.revenue,
                coupons: hasCoupon || !created.isEmpty
                    ? CampaignAttribution.coupons(created, orders: couponOrders) : nil,
                reviews: reviewCampaigns.contains(name) ? attribution.reviews(reviews) : nil,
                unsubscribes: unsubscribed[name] ?? 0,
                suppressions: suppressions.filter { $0.campaign == name }.map {
                    ReasonCount(reason: $0.reason, count: $0.count)
                },
                weekly: attributed.weekly)
        }
        return OutcomeReport(
            store: store, displayName: storeConfiguration.displayName, timeZone: storeConfiguration.timeZone.identifier,
            period: period, attributionWindowDays: days, campaigns: campaigns,
            suppressions: Self.byReason(suppressions), customers: try await customers(store: store, period, calendar),
            generatedAt: now)
    }

    /// Unsubscribes per campaign: each goes to the campaign of the latest
    /// marketing email sent to the address within the window before it (an estimate).
    static func unsubscribes(_ facts: [UnsubscribeFact], emails: [SentEmailFact], window: TimeInterval) -> [String:
        Int]
    {
        let marketing = Dictionary(grouping: emails.filter { !$0.transactional }, by: \.recipient)
            .mapValues { $0.sorted { $0.sentAt < $1.sentAt } }
        var counts: [String: Int] = [:]
        for fact in facts {
            guard let sent = marketing[fact.email],
                let email = sent.last(where: { $0.sentAt <= fact.at && fact.at.timeIntervalSince($0.sentAt) <= window })
            else { continue }
            counts[email.campaign, default: 0] += 1
        }
        return counts
    }

    /// All campaigns' counts summed per reason, sorted by reason.
    static func byReason(_ facts: [SuppressionCountFact]) -> [ReasonCount] {
        Dictionary(facts.map { ($0.reason, $0.count) }, uniquingKeysWith: +).sorted { $0.key < $1.key }.map {
            ReasonCount(reason: $0.key, count: $0.value)
        }
    }

    /// Every charged order of the store, read customer by customer.
    private func customers(store: StoreID, _ period: ReportPeriod, _ calendar: StoreCalendar) async throws
        -> CustomerOutcome
    {
        var builder = CustomerOutcomeBuilder(period: period, calendar: calendar)
        var after: String?
        while true {
            let page = try await database.customerOrderPage(store: store, after: after, limit: customerPageSize)
            guard let last = page.last?.email else { break }
            var start = page.startIndex
            while start < page.endIndex {
                let email = page[start].email
                var end = start
                while end < page.endIndex, page[end].email == email { end += 1 }
                builder.add(Array(page[start..<end]))
                start = end
            }
            after = last
        }
        return builder.outcome()
    }
}
