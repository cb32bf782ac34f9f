import AftercartModel
import Foundation

/// `DecimalText.parse` for the amounts stored JSON carries (`"1200"`,
/// `"-31.90"`), read from bytes: the generic `StringProtocol` entry point
/// costs more than the parse when called a million times from here.
///
/// Builds the value exactly as `DecimalText.parse` does, so amounts keep
/// their scale (`"1200.00"` prints as it did); anything outside the plain
/// form (surrounding spaces, more than 18 digits) is handed to it.
enum DecimalBytes {
    static func decimal(_ text: UnsafeBufferPointer<UInt8>) -> Decimal? {
        var start = 0
        var negative = false
        if let first = text.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            negative = first == UInt8(ascii: "-")
            start = 1
        }
        var significand: UInt64 = 0
        var digits = 0
        var fractionDigits = 0
        var sawPoint = false
        for offset in start..<text.count {
            let byte = text[offset]
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                digits += 1
                if sawPoint { fractionDigits += 1 }
                if digits <= 18 { significand = significand * 10 + UInt64(byte - UInt8(ascii: "0")) }
            case UInt8(ascii: "."):
                if sawPoint { return nil }
                sawPoint = true
            default:
                return DecimalText.parse(String(decoding: text, as: UTF8.self))
            }
        }
        guard digits > 0 else { return nil }
        if digits > 18 { return DecimalText.parse(String(decoding: text, as: UTF8.self)) }
        let magnitude = Decimal(sign: .plus, exponent: -fractionDigits, significand: Decimal(significand))
        return negative && significand != 0 ? -magnitude : magnitude
    }
}
