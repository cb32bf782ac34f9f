import AftercartModel
import Foundation
import Testing

/// ``DecimalParts`` reads `Decimal`'s bytes; these pin it to Foundation's own answers.
@Suite struct DecimalPartsTests {
    /// Values as parsers, arithmetic and literals make them (compact and not).
    static var values: [Decimal] {
        var values: [Decimal] = [
            "0", "-0", "1", "-1", "0.5", "12.50", "12800", "-31.90", "0.001", "1.250", "999999.99",
            "18446744073709551615", "-18446744073709551615", "123456789012.3456", "100", "0.10",
        ]
        .map { Decimal(string: $0)! }
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let significand = Decimal(UInt64.random(in: 0...UInt64(1) << UInt64.random(in: 1...63), using: &generator))
            let exponent = Int.random(in: -12...8, using: &generator)
            values.append(Decimal(sign: Bool.random() ? .minus : .plus, exponent: exponent, significand: significand))
        }
        values += [
            Decimal(string: "10.00")! * 3, Decimal(1250) / 100, Decimal(string: "0.1")! + Decimal(string: "0.2")!,
        ]
        values += [DecimalText.parse("12.50")!, DecimalText.parse("-0.00")!, DecimalText.parse("  7 ")!]
        return values
    }

    @Test func theLayoutIsTheOneChecked() {
        #expect(DecimalParts.isAvailable)
    }

    @Test func plainTextIsWhatNSDecimalNumberWrites() {
        for value in Self.values {
            guard let parts = DecimalParts(value) else {
                // Only a significand wider than 64 bits may be refused.
                #expect(abs(value) > Decimal(UInt64.max) / 1_000_000_000_000, "\(value)")
                continue
            }
            #expect(parts.plainText == NSDecimalNumber(decimal: value).stringValue, "\(value)")
            #expect(parts.decimal == value)
        }
        #expect(DecimalParts(Decimal.nan) == nil)
    }

    @Test func moneyTextKeepsTheCurrencysDigits() {
        for value in Self.values {
            let slow = NSDecimalNumber(decimal: value).stringValue
            let expected =
                slow.contains(".")
                ? slow.padding(
                    toLength: max(slow.count, (slow.firstIndex(of: ".")!.utf16Offset(in: slow)) + 3), withPad: "0",
                    startingAt: 0) : slow + ".00"
            #expect(DecimalText.format(value, minimumFractionDigits: 2) == expected, "\(value)")
            #expect(DecimalText.format(value, minimumFractionDigits: 0) == slow, "\(value)")
        }
    }

    @Test func exactDivisionAgreesWithFoundation() {
        for value in Self.values.prefix(400) {
            for divisor in [1, 2, 3, 4, 7, 8, 16, 125] {
                guard let parts = DecimalParts(value), let quotient = parts.dividedExactly(by: divisor) else {
                    continue
                }
                #expect(quotient.decimal == value / Decimal(divisor), "\(value) / \(divisor)")
                #expect(quotient.decimal * Decimal(divisor) == value)
            }
        }
        #expect(DecimalParts(Decimal(10))?.dividedExactly(by: 3) == nil)
        #expect(DecimalParts(Decimal(10))?.dividedExactly(by: 4)?.decimal == Decimal(string: "2.5"))
    }
}
