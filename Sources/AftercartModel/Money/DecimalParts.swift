public import Foundation

/// A `Decimal` as sign, 64-bit significand and power of ten, read from its
/// bytes.
///
/// Formatting an amount through `NSDecimalNumber` divides the 128-bit
/// mantissa by ten digit by digit, and dividing a line's subtotal by its
/// quantity runs Foundation's long division: together about a tenth of a
/// sync's CPU (BENCHMARKS.md, issue 23). Money fits 64 bits, so both can be
/// done with integers. `Decimal` does not make its fields public; its
/// storage is the 20-byte `NSDecimal` layout, and ``isAvailable`` checks
/// that layout against known values once, so a Foundation that stores it
/// differently only loses the shortcut, never correctness.
public struct DecimalParts: Sendable, Hashable {
    public var isNegative: Bool
    public var significand: UInt64
    public var exponent: Int

    public init(isNegative: Bool, significand: UInt64, exponent: Int) {
        self.isNegative = isNegative
        self.significand = significand
        self.exponent = exponent
    }

    /// The parts of `value`, or `nil` when its significand needs more than
    /// 64 bits, it is NaN, or the layout is not the one checked.
    public init?(_ value: Decimal) {
        guard Self.isAvailable, let parts = Self.read(value) else { return nil }
        self = parts
    }

    /// Whether this Foundation stores `Decimal` as read here.
    public static let isAvailable: Bool = {
        let probes: [(String, DecimalParts)] = [
            ("-1234.5", DecimalParts(isNegative: true, significand: 12_345, exponent: -1)),
            ("12800", DecimalParts(isNegative: false, significand: 128, exponent: 2)),
            ("0.001", DecimalParts(isNegative: false, significand: 1, exponent: -3)),
            ("18446744073709551615", DecimalParts(isNegative: false, significand: .max, exponent: 0)),
            ("0", DecimalParts(isNegative: false, significand: 0, exponent: 0)),
        ]
        return probes.allSatisfy { text, expected in
            Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")).flatMap(read) == expected
        }
    }()

    private static func read(_ value: Decimal) -> DecimalParts? {
        guard MemoryLayout<Decimal>.size == 20, !value.isNaN else { return nil }
        return withUnsafeBytes(of: value) { bytes -> DecimalParts? in
            let exponent = Int(Int8(bitPattern: bytes[0]))
            let length = Int(bytes[1] >> 4)
            guard length <= 4 else { return nil }
            var significand: UInt64 = 0
            for word in stride(from: length - 1, through: 0, by: -1) {
                let low = UInt64(bytes[4 + 2 * word])
                let high = UInt64(bytes[5 + 2 * word])
                significand = significand << 16 | high << 8 | low
            }
            return DecimalParts(isNegative: bytes[1] & 0x08 != 0, significand: significand, exponent: exponent)
        }
    }

    /// The value, built without arithmetic.
    public var decimal: Decimal {
        Decimal(
            sign: isNegative && significand != 0 ? .minus : .plus, exponent: exponent, significand: Decimal(significand)
        )
    }

    /// The plain decimal text `NSDecimalNumber` writes: no exponent, no
    /// trailing zeros after the point, `-` only when not zero.
    public var plainText: String {
        var digits = Array(String(significand).utf8)
        var exponent = exponent
        // Trailing zeros of the significand belong to the integer part, or vanish after the point.
        while exponent < 0, digits.count > 1, digits.last == UInt8(ascii: "0") {
            digits.removeLast()
            exponent += 1
        }
        if significand == 0 { return "0" }
        var text: [UInt8] = isNegative ? [UInt8(ascii: "-")] : []
        if exponent >= 0 {
            text += digits
            text += repeatElement(UInt8(ascii: "0"), count: exponent)
        } else if -exponent >= digits.count {
            text += [UInt8(ascii: "0"), UInt8(ascii: ".")]
            text += repeatElement(UInt8(ascii: "0"), count: -exponent - digits.count)
            text += digits
        } else {
            let point = digits.count + exponent
            text += digits[..<point]
            text.append(UInt8(ascii: "."))
            text += digits[point...]
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// `self / divisor` when the quotient is exact within four more
    /// decimal places (a subtotal over its quantity nearly always is);
    /// `nil` otherwise.
    public func dividedExactly(by divisor: Int) -> DecimalParts? {
        guard divisor > 0 else { return nil }
        var scaled = significand
        var exponent = exponent
        for _ in 0...4 {
            if scaled % UInt64(divisor) == 0 {
                return DecimalParts(isNegative: isNegative, significand: scaled / UInt64(divisor), exponent: exponent)
            }
            let (next, overflow) = scaled.multipliedReportingOverflow(by: 10)
            guard !overflow else { return nil }
            scaled = next
            exponent -= 1
        }
        return nil
    }
}
