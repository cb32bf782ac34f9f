import Foundation

/// How a store shows tax to its buyers, with the tax parts an order's
/// ex-tax amounts leave out.
///
/// WooCommerce keeps every order amount tax-exclusive (`subtotal`,
/// `discount_total`, `shipping_total`) and the tax beside it, even when
/// the shop enters and shows prices with tax included, as Japanese shops
/// must. What the buyer saw is the sum of the two (api-facts §8.3); see
/// ``Order/charged``.
public struct OrderTaxes: Sendable, Hashable {
    /// Whether the shop shows prices with tax included (`prices_include_tax`).
    public var pricesIncludeTax: Bool
    /// The tax's name on the order (`消費税`, `VAT`); `nil` when unnamed.
    public var label: String?
    /// Tax on the order-level discount, left out of ``Order/discountTotal``.
    public var discountTax: Money
    /// Tax on shipping, left out of ``Order/shippingTotal``.
    public var shippingTax: Money

    public init(pricesIncludeTax: Bool, label: String? = nil, discountTax: Money, shippingTax: Money) {
        self.pricesIncludeTax = pricesIncludeTax
        self.label = label
        self.discountTax = discountTax
        self.shippingTax = shippingTax
    }

    enum CodingKeys: String, CodingKey {
        case pricesIncludeTax = "prices_include_tax"
        case label
        case discountTax = "discount_tax"
        case shippingTax = "shipping_tax"
    }

    init(from container: KeyedDecodingContainer<CodingKeys>, currency: Currency) throws {
        pricesIncludeTax = try container.decode(Bool.self, forKey: .pricesIncludeTax)
        label = try container.decodeIfPresent(String.self, forKey: .label)
        discountTax = try container.decodeMoney(forKey: .discountTax, currency: currency)
        shippingTax = try container.decodeMoney(forKey: .shippingTax, currency: currency)
    }

    func encode(into container: inout KeyedEncodingContainer<CodingKeys>) throws {
        try container.encode(pricesIncludeTax, forKey: .pricesIncludeTax)
        try container.encodeIfPresent(label, forKey: .label)
        try container.encodeAmount(discountTax, forKey: .discountTax)
        try container.encodeAmount(shippingTax, forKey: .shippingTax)
    }
}
