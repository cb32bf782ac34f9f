public import Foundation

/// An exact amount of money in one currency.
///
/// Amounts are `Decimal`, never floating point, so `0.1 + 0.2 == 0.3` and a
/// JPY total of `12800` stays `12800`. Arithmetic across currencies is a
/// programming error and traps.
public struct Money: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The exact amount; negative for refunds and credits.
    public var amount: Decimal
    /// The currency the amount is in.
    public var currency: Currency

    /// Creates an amount of money.
    public init(_ amount: Decimal, _ currency: Currency) {
        self.amount = amount
        self.currency = currency
    }

    /// Parses strict decimal text such as `"12.50"` or `"-31.90"`.
    /// Returns `nil` for empty or malformed text.
    public init?(text: some StringProtocol, currency: Currency) {
        guard let amount = DecimalText.parse(text) else { return nil }
        self.init(amount, currency)
    }

    /// Zero in `currency`.
    public static func zero(_ currency: Currency) -> Money { Money(0, currency) }

    /// The amount as text with at least the currency's minor-unit digits:
    /// `"12800"` for JPY, `"29.35"` for USD, `"1.250"` for KWD.
    public var amountText: String {
        DecimalText.format(amount, minimumFractionDigits: currency.minorUnits)
    }

    public var description: String { "\(amountText) \(currency.code)" }

    public static func + (lhs: Money, rhs: Money) -> Money {
        precondition(lhs.currency == rhs.currency, "adding \(lhs.currency) to \(rhs.currency)")
        return Money(lhs.amount + rhs.amount, lhs.currency)
    }

    public static func - (lhs: Money, rhs: Money) -> Money {
        precondition(lhs.currency == rhs.currency, "subtracting \(rhs.currency) from \(lhs.currency)")
        return Money(lhs.amount - rhs.amount, lhs.currency)
    }

    private enum CodingKeys: String, CodingKey { case amount, currency }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        currency = try container.decode(Currency.self, forKey: .currency)
        amount = try container.decodeDecimalText(forKey: .amount)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(amountText, forKey: .amount)
        try container.encode(currency, forKey: .currency)
    }
}

extension KeyedDecodingContainer {
    /// Decodes a decimal that the normalized JSON carries as a string.
    func decodeDecimalText(forKey key: Key) throws -> Decimal {
        let text = try decode(String.self, forKey: key)
        guard let value = DecimalText.parse(text) else {
            throw DecodingError.dataCorruptedError(
                forKey: key, in: self, debugDescription: "\"\(text.prefix(40))\" is not a decimal number")
        }
        return value
    }

    /// Decodes money whose currency is carried elsewhere in the record.
    func decodeMoney(forKey key: Key, currency: Currency) throws -> Money {
        Money(try decodeDecimalText(forKey: key), currency)
    }
}

extension KeyedEncodingContainer {
    /// Encodes money as its amount text; the record carries the currency once.
    mutating func encodeAmount(_ money: Money, forKey key: Key) throws {
        try encode(money.amountText, forKey: key)
    }
}
