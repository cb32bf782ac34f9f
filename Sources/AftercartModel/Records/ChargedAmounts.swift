public import Foundation

/// An order's amounts as the buyer saw them at checkout and as the
/// store's own emails show them: with tax included line by line when the
/// shop's prices include tax, otherwise tax-exclusive with the tax as a
/// line of its own.
///
/// For a tax-inclusive WooCommerce order this matches WooCommerce's email
/// (api-facts §8.3): each line `subtotal + subtotal_tax` (before
/// discounts), the discount `discount_total + discount_tax`, shipping
/// `shipping_total + shipping_tax`, and "includes `total_tax`" under the
/// total.
public struct ChargedAmounts: Sendable, Hashable {
    /// One line as shown: its amount before order-level discounts.
    public struct Line: Sendable, Hashable {
        public var name: String
        public var quantity: Int
        /// One unit as the shop priced it (tax included where prices include tax).
        public var unitPrice: Money
        /// The line before order-level discounts.
        public var amount: Money
    }

    /// Whether ``lines``, ``subtotal``, ``discount`` and ``shipping`` include tax.
    public var taxIncluded: Bool
    public var lines: [Line]
    public var subtotal: Money
    /// The order-level discount, positive.
    public var discount: Money
    public var shipping: Money
    public var total: Money
    /// All the order's tax: "includes" it when ``taxIncluded``, added to
    /// the lines above otherwise.
    public var tax: Money
    /// The tax's name on the order, when it has one.
    public var taxLabel: String?
}

extension Order {
    /// What the buyer was charged, line by line, as the store shows it.
    public var charged: ChargedAmounts {
        let inclusive = taxes?.pricesIncludeTax ?? false
        var lines: [ChargedAmounts.Line] = []
        var subtotal = Money.zero(currency)
        for item in lineItems {
            var amount = Money(item.unitPrice.amount * Decimal(item.quantity), currency)
            var unit = item.unitPrice
            if inclusive, let tax = item.subtotalTax {
                amount = amount + tax
                unit = Money(
                    ChargedAmounts.unitPrice(lineAmount: amount.amount, quantity: item.quantity, currency: currency),
                    currency)
            }
            lines.append(ChargedAmounts.Line(name: item.name, quantity: item.quantity, unitPrice: unit, amount: amount))
            subtotal = subtotal + amount
        }
        var discount = discountTotal
        var shipping = shippingTotal
        if inclusive, let taxes {
            discount = discount + taxes.discountTax
            shipping = shipping + taxes.shippingTax
        }
        return ChargedAmounts(
            taxIncluded: inclusive, lines: lines, subtotal: subtotal, discount: discount, shipping: shipping,
            total: total, tax: taxTotal, taxLabel: taxes?.label)
    }
}

extension ChargedAmounts {
    /// One unit of a line that cost `lineAmount`, rounded to the
    /// currency's minor units (¥8,800 for 2 is ¥4,400; ¥10.00 for 3 is ¥3.33).
    public static func unitPrice(lineAmount: Decimal, quantity: Int, currency: Currency) -> Decimal {
        var value = lineAmount / Decimal(max(quantity, 1))
        var rounded = Decimal()
        NSDecimalRound(&rounded, &value, currency.minorUnits, .plain)
        return rounded
    }
}
