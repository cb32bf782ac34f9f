import AftercartOutcomes
import Foundation

/// What ``DashboardPage``'s template shows, from one report: words from the
/// locale, figures formatted for it, charts drawn as SVG.
struct DashboardValues {
    let report: OutcomeReport
    let format: DashboardFormat
    let stores: [DashboardStore]

    init(report: OutcomeReport, locale: String, stores: [DashboardStore]) {
        self.report = report
        format = DashboardFormat(
            locale: locale, timeZone: TimeZone(identifier: report.timeZone) ?? TimeZone(identifier: "UTC")!)
        self.stores = stores
    }

    var values: [String: Any] {
        var values = labels
        values["lang"] = format.strings.locale
        values["shop"] = report.displayName
        values["store"] = report.store.rawValue
        values["from"] = report.period.from
        values["to"] = report.period.to
        values["period"] = format.text(
            "period",
            [
                "from": format.day(report.period.start),
                "to": format.day(report.period.end.addingTimeInterval(-1)),
            ])
        values["generated"] = format.text(
            "generated", ["time": format.formatting.dateTime(report.generatedAt, currency: nil)])
        values["window_note"] = format.text("window_note", ["days": format.count(report.attributionWindowDays)])
        values["has_other_stores"] = stores.count > 1
        values["stores"] = storeLinks
        values["has_campaigns"] = !report.campaigns.isEmpty
        values["campaigns"] = campaignRows
        values["revenue_charts"] = revenueCharts
        let coupons = couponCards
        values["has_coupons"] = !coupons.isEmpty
        values["coupons"] = coupons
        let reviews = reviewCards
        values["has_reviews"] = !reviews.isEmpty
        values["reviews"] = reviews
        values["suppressions"] = suppressions
        values["customer_figures"] = customerFigures
        values["cohorts"] = cohorts
        return values
    }

    /// The page's fixed words.
    private var labels: [String: Any] {
        let keys = [
            "title", "heading", "show", "numbers", "basis_window", "basis_exact", "campaigns_heading",
            "messages_sent", "recipients", "attributed_orders", "attributed_revenue", "unsubscribes", "suppressed",
            "no_campaigns", "revenue_heading", "revenue_empty", "coupons_heading", "exact_note", "reviews_heading",
            "all_ratings_note", "suppressions_heading", "suppressions_empty", "customers_heading", "cohorts_heading",
            "cohorts_empty",
        ]
        var labels: [String: Any] = Dictionary(uniqueKeysWithValues: keys.map { ($0, format.text($0) as Any) })
        let renamed = [
            "stores_label": "stores", "from_label": "from", "to_label": "to", "campaign_label": "campaign",
            "week_label": "week", "rating_label": "rating", "reviews_label": "reviews", "reason_label": "reason_column",
            "count_label": "count", "month_label": "cohort_month", "customers_label": "cohort_customers",
        ]
        for (name, key) in renamed { labels[name] = format.text(key) }
        return labels
    }

    private var storeLinks: [[String: Any]] {
        stores.map { store in
            var query = "store=" + Self.queryValue(store.id.rawValue)
            query += "&from=\(report.period.from)&to=\(report.period.to)"
            return ["name": store.displayName, "href": "/dashboard?" + query, "current": store.id == report.store]
        }
    }

    /// `value` percent-encoded for a query (store names are the config's own, but never trusted).
    private static func queryValue(_ value: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return value.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }

    private var campaignRows: [[String: Any]] {
        report.campaigns.enumerated().map { index, campaign in
            [
                "name": campaign.campaign, "color": ChartPalette.color(index),
                "sent": format.count(campaign.messagesSent),
                "recipients": format.count(campaign.recipients), "orders": format.count(campaign.attributedOrders),
                "revenue": format.totals(campaign.attributedRevenue),
                "unsubscribes": format.count(campaign.unsubscribes),
                "suppressed": format.count(campaign.suppressions.reduce(0) { $0 + $1.count }),
            ]
        }
    }

    private var revenueCharts: [[String: Any]] {
        WeeklyRevenueChart.charts(report.campaigns).map { chart in
            [
                "svg": chart.svg(format), "currency": chart.currency.code,
                "legend": chart.series.map { ["name": $0.name, "color": $0.color] }, "rows": chart.rows(format),
            ]
        }
    }

    private var couponCards: [[String: Any]] {
        report.campaigns.compactMap { campaign in
            guard let coupons = campaign.coupons else { return nil }
            let chart = CouponFunnelChart(coupons: coupons)
            var card: [String: Any] = [
                "name": campaign.campaign, "created": format.count(coupons.created),
                "redeemed":
                    "\(format.count(coupons.redeemed)) (\(format.share(coupons.redeemed, of: coupons.created)))",
                "orders": format.count(coupons.orders), "revenue": format.totals(coupons.revenue),
                "created_label": format.text("coupons_created"), "redeemed_label": format.text("coupons_redeemed"),
                "orders_label": format.text("coupon_orders"), "revenue_label": format.text("coupon_revenue"),
                "svg": chart.isEmpty ? "" : chart.svg(format, campaign: campaign.campaign),
            ]
            if chart.isEmpty { card["empty"] = format.text("coupons_empty") }
            return card
        }
    }

    private var reviewCards: [[String: Any]] {
        report.campaigns.compactMap { campaign in
            guard let reviews = campaign.reviews else { return nil }
            let chart = RatingChart(reviews)
            var card: [String: Any] = [
                "name": campaign.campaign, "requests": format.count(reviews.requestsSent),
                "posted": format.count(reviews.reviewsPosted), "requests_label": format.text("review_requests"),
                "posted_label": format.text("reviews_posted"),
                "ratings": chart.counts.enumerated().map { index, count in
                    ["stars": format.text("stars", ["stars": "\(index + 1)"]), "count": format.count(count)]
                },
                "svg": chart.isEmpty ? "" : chart.svg(format, campaign: campaign.campaign),
            ]
            if chart.isEmpty { card["empty"] = format.text("reviews_empty") }
            return card
        }
    }

    /// Suppressions by reason, all campaigns together; `nil` when none.
    private var suppressions: [String: Any]? {
        let rows = report.suppressions.filter { $0.count > 0 }
        guard !rows.isEmpty else { return nil }
        return ["rows": rows.map { ["reason": format.reason($0.reason), "count": format.count($0.count)] }]
    }

    private var customerFigures: [[String: Any]] {
        let customers = report.customers
        let notAvailable = format.text("not_available")
        return [
            ["label": format.text("new_customers"), "value": format.count(customers.newCustomers)],
            ["label": format.text("repeat_customers"), "value": format.count(customers.repeatCustomers)],
            ["label": format.text("repeat_rate"), "value": customers.repeatRate.map(format.percent) ?? notAvailable],
            [
                "label": format.text("average_days"),
                "value": customers.averageDaysToSecondOrder.map(format.days) ?? notAvailable,
            ],
        ]
    }

    /// The cohort heat map and its table; `nil` without a customer.
    private var cohorts: [String: Any]? {
        let map = CohortHeatMap(cohorts: report.customers.cohorts)
        guard !map.isEmpty else { return nil }
        let columns = report.customers.cohorts.map(\.returning.count).max() ?? 0
        return [
            "svg": map.svg(format),
            "offsets": (0..<columns).map { format.text("month_offset", ["months": "\($0)"]) },
            "rows": report.customers.cohorts.map { row in
                [
                    "month": format.month(row.month), "customers": format.count(row.customers),
                    "cells": (0..<columns).map { column in
                        guard column < row.returning.count else { return "" }
                        let returning = row.returning[column]
                        return "\(format.count(returning)) (\(format.share(returning, of: row.customers)))"
                    },
                ]
            },
        ]
    }
}
