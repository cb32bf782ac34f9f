import AftercartModel
import AftercartOutcomes
import Foundation

/// Amounts and rates as the report prints them: grouped digits, the
/// currency's minor units and its code (`13,000 JPY`, `100.00 USD`).
enum ReportAmounts {
    static func money(_ money: Money) -> String {
        let style = Decimal.FormatStyle(locale: Locale(identifier: "en_US"))
            .precision(.fractionLength(money.currency.minorUnits)).grouping(.automatic)
        return "\(money.amount.formatted(style)) \(money.currency.code)"
    }

    /// Every currency's total, `0` when nothing was added.
    static func totals(_ totals: MoneyTotals) -> String {
        totals.isEmpty ? "0" : totals.amounts.map(money).joined(separator: " + ")
    }

    /// `66.67%`, or `-` without a value.
    static func percent(_ rate: Decimal?) -> String {
        guard let rate else { return "-" }
        return (rate * 100).formatted(
            Decimal.FormatStyle(locale: Locale(identifier: "en_US")).precision(
                .fractionLength(0...2))) + "%"
    }

    /// A plain decimal (`13.1`), or `-`.
    static func decimal(_ value: Decimal?) -> String {
        value.map { NSDecimalNumber(decimal: $0).stringValue } ?? "-"
    }

    /// `no_consent 3, refunded 1`, or `none`.
    static func reasons(_ counts: [ReasonCount]) -> String {
        counts.isEmpty ? "none" : counts.map { "\($0.reason) \($0.count)" }.joined(separator: ", ")
    }
}
