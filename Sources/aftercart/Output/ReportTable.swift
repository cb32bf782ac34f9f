import AftercartOutcomes
import Foundation

/// `aftercart report`'s table: one block per campaign, then the store's
/// suppressions and customers, every figure labelled with its basis.
struct ReportTable {
    let report: OutcomeReport

    /// `(exact)` or `(est., 5-day window)`.
    private func basis(_ basis: FigureBasis) -> String {
        switch basis {
        case .exact: "(exact)"
        case .window: "(est., \(report.attributionWindowDays)-day window)"
        }
    }

    var text: String {
        var lines = [
            "\(report.store) (\(report.displayName)): \(report.period.from) to \(report.period.to), "
                + "\(report.timeZone); attribution window \(report.attributionWindowDays) days"
        ]
        for campaign in report.campaigns {
            lines.append("")
            lines.append(campaign.campaign)
            lines += rows(campaign)
        }
        lines.append("")
        lines.append("All campaigns")
        lines += aligned([("Suppressed (first time in the period)", ReportAmounts.reasons(report.suppressions), "")])
        lines.append("")
        lines += customers(report.customers)
        return lines.joined(separator: "\n")
    }

    private func rows(_ campaign: CampaignOutcome) -> [String] {
        var rows: [(String, String, String)] = [
            ("Emails sent", "\(campaign.messagesSent) to \(campaign.recipients) recipients", ""),
            ("Orders after an email", "\(campaign.attributedOrders)", basis(.window)),
            ("Revenue of those orders", ReportAmounts.totals(campaign.attributedRevenue), basis(.window)),
        ]
        if let coupons = campaign.coupons {
            rows += [
                ("Coupons created / redeemed", "\(coupons.created) / \(coupons.redeemed)", basis(.exact)),
                (
                    "Orders using them", "\(coupons.orders) orders, \(ReportAmounts.totals(coupons.revenue))",
                    basis(.exact)
                ),
            ]
        }
        if let reviews = campaign.reviews {
            let stars = reviews.ratings.map { "\($0.reason)★ \($0.count)" }.joined(separator: "  ")
            rows += [
                ("Review requests / reviews", "\(reviews.requestsSent) / \(reviews.reviewsPosted)", basis(.window)),
                ("Ratings of those reviews", stars, basis(.window)),
            ]
        }
        rows += [
            ("Unsubscribes", "\(campaign.unsubscribes)", basis(.window)),
            ("Suppressed", ReportAmounts.reasons(campaign.suppressions), ""),
        ]
        let weeks = campaign.weekly.filter { $0.orders > 0 }
        if !weeks.isEmpty {
            rows.append(
                (
                    "Revenue by week of the email",
                    weeks.map { "\($0.weekStart) \(ReportAmounts.totals($0.revenue))" }.joined(separator: ", "),
                    basis(.window)
                ))
        }
        return aligned(rows)
    }

    private func customers(_ outcome: CustomerOutcome) -> [String] {
        var lines = ["Customers whose first order is in the period"]
        lines += aligned([
            ("New customers", "\(outcome.newCustomers)", "(exact)"),
            (
                "Second order within 90 days",
                "\(outcome.repeatCustomers) (\(ReportAmounts.percent(outcome.repeatRate)))", "(exact)"
            ),
            ("Average days to second order", ReportAmounts.decimal(outcome.averageDaysToSecondOrder), "(exact)"),
        ])
        guard !outcome.cohorts.isEmpty else { return lines }
        let width = outcome.cohorts.map(\.returning.count).max() ?? 0
        var table = [["Cohort", "Customers"] + (0..<width).map { "+\($0)m" }]
        for row in outcome.cohorts {
            table.append([row.month, "\(row.customers)"] + row.returning.map(String.init))
        }
        lines.append("  Returning customers by months since the first order (exact):")
        lines += columns(table).map { "    " + $0 }
        return lines
    }

    /// Label, value and basis in aligned columns.
    private func aligned(_ rows: [(String, String, String)]) -> [String] {
        let labels = rows.map(\.0.count).max() ?? 0
        let values = rows.map(\.1.count).max() ?? 0
        return rows.map { label, value, basis in
            let line =
                "  " + label.padding(toLength: labels, withPad: " ", startingAt: 0) + "  "
                + value.padding(toLength: values, withPad: " ", startingAt: 0) + "  " + basis
            return String(line.reversed().drop { $0 == " " }.reversed())
        }
    }

    /// Cells right-aligned in columns (the first left-aligned).
    private func columns(_ table: [[String]]) -> [String] {
        let count = table.map(\.count).max() ?? 0
        let widths = (0..<count).map { index in table.map { index < $0.count ? $0[index].count : 0 }.max() ?? 0 }
        return table.map { row in
            row.enumerated().map { index, cell in
                let pad = String(repeating: " ", count: widths[index] - cell.count)
                return index == 0 ? cell + pad : pad + cell
            }.joined(separator: "  ")
        }
    }
}
