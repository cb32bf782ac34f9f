import AftercartConfig
import AftercartEngage
import AftercartModel
import AftercartOutcomes
import Foundation

/// The dashboard's words and numbers in the store's locale: every word from
/// the locale's `[dashboard]` table, amounts as the rest of Aftercart writes
/// them (`¥12,800`, `$12.80`), counts and shares with the locale's digits.
struct DashboardFormat {
    let strings: LocaleStrings
    let formatting: MessageFormatting
    private let locale: Locale

    /// Formatting for a page in `locale` about a store in `timeZone`.
    init(locale: String, timeZone: TimeZone) {
        strings = .shipped(locale)
        formatting = MessageFormatting(timeZone: timeZone, language: strings.locale)
        self.locale = Locale(identifier: strings.locale)
    }

    /// The `dashboard.<key>` string, filled in.
    func text(_ key: String, _ fill: [String: String] = [:]) -> String {
        strings.text("dashboard." + key, fill)
    }

    func money(_ money: Money) -> String { formatting.money(money) }

    /// Every currency's total, one after the other (`¥12,800 / $40.00`); `0` when nothing was earned.
    func totals(_ totals: MoneyTotals) -> String {
        totals.isEmpty ? count(0) : totals.amounts.map(money).joined(separator: " / ")
    }

    func count(_ value: Int) -> String { formatting.count(value) }

    /// A share as a percentage with at most one decimal (`42.9%`).
    func percent(_ share: Decimal) -> String {
        share.formatted(Decimal.FormatStyle.Percent(locale: locale).precision(.fractionLength(0...1)))
    }

    /// `part / whole` as a percentage; the not-available mark without a whole.
    func share(_ part: Int, of whole: Int) -> String {
        whole > 0 ? percent(Decimal(part) / Decimal(whole)) : text("not_available")
    }

    /// Days with at most one decimal (`12.5 days`).
    func days(_ days: Decimal) -> String {
        text("days", ["days": days.formatted(Decimal.FormatStyle(locale: locale).precision(.fractionLength(0...1)))])
    }

    /// A day of the store's calendar, written out (`2026年11月1日`, `November 1, 2026`).
    func day(_ instant: Date) -> String { formatting.date(instant, currency: nil) }

    /// A week's short label from its Monday (`yyyy-MM-dd`): `11/3`.
    func week(_ monday: String) -> String {
        let parts = monday.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return monday }
        return text("week_label", ["year": "\(parts[0])", "month": "\(parts[1])", "day": "\(parts[2])"])
    }

    /// A month's label from `yyyy-MM`, as the locale writes a month: `Nov 2026`, `2026年11月`.
    func month(_ month: String) -> String {
        let parts = month.split(separator: "-").compactMap { Int($0) }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        guard parts.count == 2,
            let first = calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: 15))
        else { return month }
        return first.formatted(
            Date.FormatStyle(locale: locale, calendar: calendar, timeZone: calendar.timeZone).year().month(.abbreviated)
        )
    }

    /// A suppression reason as the merchant reads it; a reason the table lacks keeps its code.
    func reason(_ code: String) -> String {
        strings.values["dashboard.reason." + code] ?? code
    }
}
