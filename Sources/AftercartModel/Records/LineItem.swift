/// One product line of an order.
public struct LineItem: Sendable, Hashable {
    /// The product's platform id; `nil` for custom items without a product.
    public var productID: String?
    /// The variant or variation id, when the product has variants.
    public var variantID: String?
    public var sku: String?
    public var name: String
    public var quantity: Int
    /// Price of one unit before order-level discounts.
    public var unitPrice: Money
    /// What the line cost after line-level discounts.
    public var total: Money
    /// The tax on `unitPrice × quantity` that those amounts leave out
    /// (WooCommerce's `subtotal_tax`); `nil` when the platform's prices
    /// already hold it or it says nothing. See ``OrderTaxes``.
    public var subtotalTax: Money?

    public init(
        productID: String?, variantID: String?, sku: String?, name: String, quantity: Int,
        unitPrice: Money, total: Money, subtotalTax: Money? = nil
    ) {
        self.productID = productID
        self.variantID = variantID
        self.sku = sku
        self.name = name
        self.quantity = quantity
        self.unitPrice = unitPrice
        self.total = total
        self.subtotalTax = subtotalTax
    }

    enum CodingKeys: String, CodingKey {
        case productID = "product_id"
        case variantID = "variant_id"
        case sku, name, quantity
        case unitPrice = "unit_price"
        case total
        case subtotalTax = "subtotal_tax"
    }

    init(from container: KeyedDecodingContainer<CodingKeys>, currency: Currency) throws {
        productID = try container.decodeIfPresent(String.self, forKey: .productID)
        variantID = try container.decodeIfPresent(String.self, forKey: .variantID)
        sku = try container.decodeIfPresent(String.self, forKey: .sku)
        name = try container.decode(String.self, forKey: .name)
        quantity = try container.decode(Int.self, forKey: .quantity)
        unitPrice = try container.decodeMoney(forKey: .unitPrice, currency: currency)
        total = try container.decodeMoney(forKey: .total, currency: currency)
        if container.contains(.subtotalTax), try !container.decodeNil(forKey: .subtotalTax) {
            subtotalTax = try container.decodeMoney(forKey: .subtotalTax, currency: currency)
        }
    }

    func encode(into container: inout KeyedEncodingContainer<CodingKeys>) throws {
        try container.encode(productID, forKey: .productID)
        try container.encode(variantID, forKey: .variantID)
        try container.encode(sku, forKey: .sku)
        try container.encode(name, forKey: .name)
        try container.encode(quantity, forKey: .quantity)
        try container.encodeAmount(unitPrice, forKey: .unitPrice)
        try container.encodeAmount(total, forKey: .total)
        if let subtotalTax { try container.encodeAmount(subtotalTax, forKey: .subtotalTax) }
    }
}
