public import AftercartModel
import Foundation

/// Amounts summed per currency, never across currencies: a store may take
/// orders in more than one (Shopify Markets), and a yen is not a dollar.
public struct MoneyTotals: Sendable, Hashable, Codable {
    /// One amount per currency, sorted by currency code.
    public private(set) var amounts: [Money]

    /// No money in any currency.
    public init() { amounts = [] }

    /// Totals of `amounts`, summed per currency.
    public init(_ amounts: [Money]) {
        self.init()
        for amount in amounts { add(amount) }
    }

    /// Adds `money` to its currency's total.
    public mutating func add(_ money: Money) {
        if let index = amounts.firstIndex(where: { $0.currency == money.currency }) {
            amounts[index] = amounts[index] + money
        } else {
            amounts.append(money)
            amounts.sort { $0.currency.code < $1.currency.code }
        }
    }

    /// The total in `currency`, zero when none was added.
    public func amount(in currency: Currency) -> Money {
        amounts.first { $0.currency == currency } ?? .zero(currency)
    }

    /// Whether nothing was added.
    public var isEmpty: Bool { amounts.isEmpty }

    public init(from decoder: any Decoder) throws {
        self.init(try decoder.singleValueContainer().decode([Money].self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(amounts)
    }
}
