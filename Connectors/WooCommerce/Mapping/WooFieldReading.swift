import AftercartModel
import Foundation

/// Reading WooCommerce's loosely typed values into model types, with the
/// field named on failure. Shared by all mappers.
enum WooFieldReading {
    /// A decimal, where `null` and `""` mean zero: WooCommerce sends blank
    /// money fields (`"discount_total": ""`) rather than leaving them out.
    static func decimal(_ value: WooText?, at path: WooFieldPath) throws(WooCommerceDecodingError) -> Decimal {
        guard let value else { return 0 }
        switch value.raw {
        case .absent:
            return 0
        case .number(let number):
            return number
        case .text(let text):
            if text.allSatisfy(\.isWhitespace) { return 0 }
            guard let number = DecimalText.parse(text) else {
                throw path.error("\"\(text.prefix(40))\" is not a decimal")
            }
            return number
        }
    }

    /// Money in `currency`; blank is zero.
    static func money(
        _ value: WooText?, _ currency: Currency, at path: WooFieldPath
    ) throws(WooCommerceDecodingError) -> Money {
        Money(try decimal(value, at: path), currency)
    }

    /// A decimal that must be present: blank is `nil`, malformed throws.
    static func optionalDecimal(
        _ value: WooText?, at path: WooFieldPath
    ) throws(WooCommerceDecodingError) -> Decimal? {
        guard let value, !value.isBlank else { return nil }
        return try decimal(value, at: path)
    }

    /// A `*_gmt` timestamp: UTC with no zone designator. `null` and `""`
    /// (unset dates) are `nil`.
    static func gmtDate(_ text: String?, at path: WooFieldPath) throws(WooCommerceDecodingError) -> Date? {
        guard let text, !text.allSatisfy(\.isWhitespace) else { return nil }
        guard let date = Timestamp.parse(text.trimming(.whitespaces), zoneless: .gmt) else {
            throw path.error("\"\(text.prefix(40))\" is not an ISO 8601 date-time")
        }
        return date
    }

    /// A creation date: the `_gmt` field, or else the site-local field read
    /// in the store's time zone (old stores and some plugins omit `_gmt`).
    static func requiredDate(
        gmt: String?, gmtKey: String, local: String?, localKey: String, siteTimeZone: TimeZone,
        at record: WooFieldPath
    ) throws(WooCommerceDecodingError) -> Date {
        if let date = try gmtDate(gmt, at: record.key(gmtKey)) { return date }
        guard let local, !local.allSatisfy(\.isWhitespace) else { throw record.key(gmtKey).error("missing") }
        guard let date = Timestamp.parse(local.trimming(.whitespaces), zoneless: siteTimeZone) else {
            throw record.key(localKey).error("\"\(local.prefix(40))\" is not an ISO 8601 date-time")
        }
        return date
    }

    /// A WooCommerce id, which must be a positive integer.
    static func id(_ value: WooInteger, at path: WooFieldPath) throws(WooCommerceDecodingError) -> String {
        guard let id = value.value else { throw path.error("missing") }
        guard id > 0 else { throw path.error("\(id) is not a valid id") }
        return String(id)
    }

    /// An optional id where `0` and blank mean "none" (guest `customer_id`,
    /// `variation_id` of a simple product).
    static func optionalID(_ value: WooInteger?) -> String? {
        guard let id = value?.value, id > 0 else { return nil }
        return String(id)
    }

    /// The currency code, which must be ISO 4217.
    static func currency(_ code: String, at path: WooFieldPath) throws(WooCommerceDecodingError) -> Currency {
        guard let currency = Currency(code: code.trimming(.whitespaces)) else {
            throw path.error(code.isEmpty ? "missing" : "\"\(code.prefix(10))\" is not an ISO 4217 currency code")
        }
        return currency
    }

    /// Text with surrounding blanks removed; empty becomes `nil`.
    static func nonEmpty(_ text: String?) -> String? {
        guard let trimmed = text?.trimming(.whitespacesAndNewlines), !trimmed.isEmpty else { return nil }
        return trimmed
    }
}
