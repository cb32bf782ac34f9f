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
        // Some locales use a full-width yen sign; mail clients read the ASCII form better.
        return Self.plainSpaces(money.amount.formatted(style).replacingOccurrences(of: "￥", with: "¥"))
    }

    /// `text` with the narrow and no-break spaces some locales put into
    /// amounts and times (`2:05\u{202F}PM`) as plain ones, which every mail
    /// client, plain-text part and font shows.
    private static func plainSpaces(_ text: String) -> String {
        text.replacingOccurrences(of: "\u{202F}", with: " ").replacingOccurrences(of: "\u{00A0}", with: " ")
    }

    /// The calendar date in the store's zone, written in the store's
    /// language, else as the currency's country writes it (`2026年11月22日`,
    /// `November 22, 2026`, `22. November 2026`).
    public func date(_ date: Date, currency: Currency?) -> String {
        let locale = locale(currency: currency)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let style = Date.FormatStyle(
            date: .long, time: .omitted, locale: locale, calendar: calendar, timeZone: timeZone)
        return date.formatted(style)
    }

    /// The date and time of day in the store's zone, written in the store's
    /// language (`2026年11月3日 14:05`, `Nov 3, 2026 at 2:05 PM`), for pages
    /// that show when something happened rather than on which day.
    public func dateTime(_ date: Date, currency: Currency?) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        // Fields rather than a preset: each language then orders and joins
        // them its own way, with the month short where it has a short form.
        let style = Date.FormatStyle(locale: locale(currency: currency), calendar: calendar, timeZone: timeZone)
            .year().month(.abbreviated).day().hour().minute()
        return Self.plainSpaces(date.formatted(style))
    }

    /// The locale dates are written in: the store's language, else the currency's country's.
    private func locale(currency: Currency?) -> Locale {
        language.map { Locale(identifier: $0) } ?? currency.map(Self.locale(for:)) ?? Locale(identifier: "en_US")
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
