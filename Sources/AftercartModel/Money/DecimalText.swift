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
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        var sawDigit = false
        var sawPoint = false
        for (index, byte) in trimmed.utf8.enumerated() {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                sawDigit = true
            case UInt8(ascii: "."):
                if sawPoint { return nil }
                sawPoint = true
            case UInt8(ascii: "-"), UInt8(ascii: "+"):
                if index != 0 { return nil }
            default:
                return nil
            }
        }
        guard sawDigit else { return nil }
        return Decimal(string: trimmed, locale: Locale(identifier: "en_US_POSIX"))
    }

    /// Formats `value` with at least `minimumFractionDigits` digits after
    /// the point, and more when the value has them: money is never rounded
    /// on its way out.
    public static func format(_ value: Decimal, minimumFractionDigits: Int) -> String {
        var text = NSDecimalNumber(decimal: value).stringValue
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
