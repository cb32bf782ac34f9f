public import AftercartModel
public import Foundation

/// Money and dates as a shopper in the store's country reads them:
/// `¥12,800`, `$12.80`, `12,80 €`; dates in the store's time zone.
public struct MessageFormatting: Sendable {
    /// The store's time zone.
    public var timeZone: TimeZone
    /// The language the store writes to its customers in (`ja`, `en-US`),
    /// which dates follow; `nil`: the currency's country's convention.
    public var language: String?

    /// Formatting for a store in `timeZone` writing in `language`.
    public init(timeZone: TimeZone, language: String? = nil) {
        self.timeZone = timeZone
        self.language = language
    }

    /// The locale whose conventions a currency's shoppers expect.
    static func locale(for currency: Currency) -> Locale {
        switch currency.code {
        case "JPY": Locale(identifier: "ja_JP")
        case "EUR": Locale(identifier: "de_DE")
        case "GBP": Locale(identifier: "en_GB")
        case "CAD": Locale(identifier: "en_CA")
        case "AUD": Locale(identifier: "en_AU")
        default: Locale(identifier: "en_US")
        }
    }

    /// `¥12,800`, `$12.80`, `12,80 €`.
    public func money(_ money: Money) -> String {
        let style = Decimal.FormatStyle.Currency(code: money.currency.code, locale: Self.locale(for: money.currency))
            .precision(.fractionLength(money.currency.minorUnits))
        // Some locales use a full-width yen sign and narrow no-break spaces;
        // mail clients and plain-text parts read the ASCII forms better.
        return money.amount.formatted(style)
            .replacingOccurrences(of: "￥", with: "¥")
            .replacingOccurrences(of: "\u{202F}", with: " ")
            .replacingOccurrences(of: "\u{00A0}", with: " ")
    }

    /// The calendar date in the store's zone, written in the store's
    /// language, else as the currency's country writes it (`2026年11月22日`,
    /// `November 22, 2026`, `22. November 2026`).
    public func date(_ date: Date, currency: Currency?) -> String {
        let locale =
            language.map { Locale(identifier: $0) } ?? currency.map(Self.locale(for:)) ?? Locale(identifier: "en_US")
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let style = Date.FormatStyle(
            date: .long, time: .omitted, locale: locale, calendar: calendar, timeZone: timeZone)
        return date.formatted(style)
    }

    /// A count as the store's language groups digits (`3,880`), for points.
    public func count(_ value: Int) -> String {
        let locale = Locale(identifier: language ?? "en_US")
        return value.formatted(IntegerFormatStyle<Int>(locale: locale).grouping(.automatic))
    }

    /// A percentage or an amount off: `10%`, `$5.00`.
    public func discount(kind: CouponKind, amount: Decimal, currency: Currency?) -> String {
        if kind == .percent || currency == nil { return "\(NSDecimalNumber(decimal: amount).stringValue)%" }
        return money(Money(amount, currency!))
    }
}
