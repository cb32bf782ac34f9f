public import Foundation

/// Strict conversion between decimal text and `Decimal`.
///
/// `Decimal(string:)` accepts a numeric prefix ("12abc" becomes 12) and
/// depends on the locale; money must never be read that loosely, so this
/// accepts exactly `[+-]?digits[.digits]` (or `.digits`) and nothing else.
public enum DecimalText {
    /// Parses `text` strictly; surrounding spaces are allowed.
    /// Returns `nil` for empty or malformed text.
    public static func parse(_ text: some StringProtocol) -> Decimal? {
        parse(utf8: Substring(text).utf8)
    }

    /// ``parse(_:)`` of UTF-8 bytes, for scanners that hold a JSON value's
    /// bytes and should not build a `String` per amount. Inlinable so a
    /// caller's module specializes it for its collection type.
    @inlinable
    public static func parse<Bytes: BidirectionalCollection>(utf8 bytes: Bytes) -> Decimal?
    where Bytes.Element == UInt8 {
        // Money arrives by the million in a sync or a plan: scan the bytes
        // once and build the value from its digits, instead of trimming
        // through NSString and parsing again with a fresh Locale.
        var utf8 = bytes[...]
        while let first = utf8.first, first == UInt8(ascii: " ") || first == UInt8(ascii: "\t") {
            utf8 = utf8.dropFirst()
        }
        while let last = utf8.last, last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") {
            utf8 = utf8.dropLast()
        }
        var negative = false
        if let first = utf8.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            negative = first == UInt8(ascii: "-")
            utf8 = utf8.dropFirst()
        }
        var significand: UInt64 = 0
        var digits = 0
        var fractionDigits = 0
        var sawPoint = false
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                digits += 1
                if sawPoint { fractionDigits += 1 }
                // 18 digits always fit; longer texts take the slow, exact path.
                if digits <= 18 { significand = significand * 10 + UInt64(byte - UInt8(ascii: "0")) }
            case UInt8(ascii: "."):
                if sawPoint { return nil }
                sawPoint = true
            default:
                return nil
            }
        }
        guard digits > 0 else { return nil }
        if digits > 18 {
            let body = String(decoding: utf8, as: UTF8.self)
            return Decimal(string: (negative ? "-" : "") + body, locale: Locale(identifier: "en_US_POSIX"))
        }
        let magnitude = Decimal(sign: .plus, exponent: -fractionDigits, significand: Decimal(significand))
        return negative && significand != 0 ? -magnitude : magnitude
    }

    /// Formats `value` with at least `minimumFractionDigits` digits after
    /// the point, and more when the value has them: money is never rounded
    /// on its way out.
    public static func format(_ value: Decimal, minimumFractionDigits: Int) -> String {
        var text = DecimalParts(value)?.plainText ?? NSDecimalNumber(decimal: value).stringValue
        if text == "NaN" { return text }
        if minimumFractionDigits <= 0 { return text }
        let fraction: Int
        if let point = text.firstIndex(of: ".") {
            fraction = text.distance(from: point, to: text.endIndex) - 1
        } else {
            text += "."
            fraction = 0
        }
        if fraction < minimumFractionDigits {
            text += String(repeating: "0", count: minimumFractionDigits - fraction)
        }
        return text
    }
}
