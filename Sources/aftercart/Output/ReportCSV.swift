import AftercartModel
import AftercartOutcomes
import ArgumentParser
import Foundation

/// What `aftercart report --format csv` writes: one section, with a header
/// row of fixed columns, rows of every selected store (README "Outcomes report").
enum ReportSection: String, CaseIterable, ExpressibleByArgument, Sendable {
    /// One row per campaign per store.
    case campaigns
    /// One row per campaign per week.
    case weekly
    /// One row per campaign and suppression reason.
    case suppressions
    /// One row per store: repeat purchases.
    case customers
    /// One row per store, cohort month and months since.
    case cohorts
}

/// RFC 4180 rows for a ``ReportSection``. An amount cell holds every
/// currency's total as `amount CODE`, joined by `; ` in a multi-currency store.
struct ReportCSV {
    let section: ReportSection

    var header: [String] {
        switch section {
        case .campaigns:
            [
                "store", "from", "to", "window_days", "campaign", "messages_sent", "recipients",
                "attributed_orders", "attributed_revenue", "coupons_created", "coupons_redeemed", "coupon_orders",
                "coupon_revenue", "review_requests", "reviews_posted", "rating_1", "rating_2", "rating_3",
                "rating_4", "rating_5", "unsubscribes", "suppressed",
            ]
        case .weekly: ["store", "campaign", "week_start", "orders", "revenue"]
        case .suppressions: ["store", "from", "to", "campaign", "reason", "count"]
        case .customers:
            ["store", "from", "to", "new_customers", "repeat_customers", "repeat_rate", "average_days_to_second_order"]
        case .cohorts: ["store", "month", "customers", "months_since", "returning"]
        }
    }

    func rows(_ report: OutcomeReport) -> [[String]] {
        let store = report.store.rawValue
        switch section {
        case .campaigns:
            return report.campaigns.map { campaign in
                let ratings = campaign.reviews?.ratings.map { String($0.count) } ?? Array(repeating: "", count: 5)
                return [
                    store, report.period.from, report.period.to, String(report.attributionWindowDays),
                    campaign.campaign, String(campaign.messagesSent), String(campaign.recipients),
                    String(campaign.attributedOrders), Self.amounts(campaign.attributedRevenue),
                    campaign.coupons.map { String($0.created) } ?? "",
                    campaign.coupons.map { String($0.redeemed) } ?? "",
                    campaign.coupons.map { String($0.orders) } ?? "",
                    campaign.coupons.map { Self.amounts($0.revenue) } ?? "",
                    campaign.reviews.map { String($0.requestsSent) } ?? "",
                    campaign.reviews.map { String($0.reviewsPosted) } ?? "",
                ] + ratings + [
                    String(campaign.unsubscribes), String(campaign.suppressions.map(\.count).reduce(0, +)),
                ]
            }
        case .weekly:
            return report.campaigns.flatMap { campaign in
                campaign.weekly.map {
                    [store, campaign.campaign, $0.weekStart, String($0.orders), Self.amounts($0.revenue)]
                }
            }
        case .suppressions:
            return report.campaigns.flatMap { campaign in
                campaign.suppressions.map {
                    [store, report.period.from, report.period.to, campaign.campaign, $0.reason, String($0.count)]
                }
            }
        case .customers:
            let customers = report.customers
            return [
                [
                    store, report.period.from, report.period.to, String(customers.newCustomers),
                    String(customers.repeatCustomers), ReportAmounts.decimal(customers.repeatRate),
                    ReportAmounts.decimal(customers.averageDaysToSecondOrder),
                ].map { $0 == "-" ? "" : $0 }
            ]
        case .cohorts:
            return report.customers.cohorts.flatMap { row in
                row.returning.enumerated().map { [store, row.month, String(row.customers), String($0), String($1)] }
            }
        }
    }

    /// `13000 JPY`, `50.00 CAD; 100.00 USD`, or `0`.
    static func amounts(_ totals: MoneyTotals) -> String {
        totals.isEmpty ? "0" : totals.amounts.map { "\($0.amountText) \($0.currency.code)" }.joined(separator: "; ")
    }

    static func line(_ cells: [String]) -> String {
        cells.map { cell in
            guard cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) else { return cell }
            return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }.joined(separator: ",")
    }
}
