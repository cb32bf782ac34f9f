/// The fields of a WooCommerce REST v3 order (`GET /wc/v3/orders`, and
/// the `order.*` webhook body) that Aftercart reads.
///
/// Keys the mapper cannot do without are non-optional, so a missing one
/// is reported by name; everything else is optional because stores,
/// versions and plugins leave fields out, send `null` or send `""`.
struct WooOrderWire: Sendable, Decodable {
    let id: WooInteger
    let number: WooText?
    let status: String
    let currency: String
    let dateCreated: String?
    let dateCreatedGMT: String?
    let dateModifiedGMT: String?
    let datePaidGMT: String?
    let dateCompletedGMT: String?
    let discountTotal: WooText?
    let shippingTotal: WooText?
    let totalTax: WooText?
    let total: WooText
    let customerID: WooInteger?
    let billing: WooBillingWire?
    let lineItems: [WooLineItemWire]?
    let couponLines: [WooCouponLineWire]?
    let refunds: [WooRefundSummaryWire]?
    let metaData: WooMetaData?
    let pricesIncludeTax: Bool?
    let discountTax: WooText?
    let shippingTax: WooText?
    let taxLines: [WooTaxLineWire]?
    let orderKey: String?

    enum CodingKeys: String, CodingKey {
        case id, number, status, currency
        case dateCreated = "date_created"
        case dateCreatedGMT = "date_created_gmt"
        case dateModifiedGMT = "date_modified_gmt"
        case datePaidGMT = "date_paid_gmt"
        case dateCompletedGMT = "date_completed_gmt"
        case discountTotal = "discount_total"
        case shippingTotal = "shipping_total"
        case totalTax = "total_tax"
        case total
        case customerID = "customer_id"
        case billing
        case lineItems = "line_items"
        case couponLines = "coupon_lines"
        case refunds
        case metaData = "meta_data"
        case pricesIncludeTax = "prices_include_tax"
        case discountTax = "discount_tax"
        case shippingTax = "shipping_tax"
        case taxLines = "tax_lines"
        case orderKey = "order_key"
    }
}

/// `tax_lines[]`: one per tax rate; the label is what the store's own
/// emails print ("includes ¥1,268 消費税").
struct WooTaxLineWire: Sendable, Decodable {
    let label: String?
}

/// `billing{…}`: the buyer's name and, for guests, the only identity.
struct WooBillingWire: Sendable, Decodable {
    let firstName: String?
    let lastName: String?
    let email: String?

    enum CodingKeys: String, CodingKey {
        case firstName = "first_name"
        case lastName = "last_name"
        case email
    }
}

/// `line_items[]`. `price` is a JSON number on real stores (`12.5`).
struct WooLineItemWire: Sendable, Decodable {
    let name: String?
    let productID: WooInteger?
    let variationID: WooInteger?
    let quantity: WooText?
    let subtotal: WooText?
    let subtotalTax: WooText?
    let total: WooText?
    let sku: String?
    let price: WooText?

    enum CodingKeys: String, CodingKey {
        case name
        case productID = "product_id"
        case variationID = "variation_id"
        case quantity, subtotal, total, sku, price
        case subtotalTax = "subtotal_tax"
    }
}

/// `coupon_lines[]`.
struct WooCouponLineWire: Sendable, Decodable {
    let code: String?
}

/// `refunds[]`, the order's summary of its refunds: `total` is negative
/// (`"-31.90"`), unlike `amount` on `/orders/{id}/refunds`.
struct WooRefundSummaryWire: Sendable, Decodable {
    let total: WooText?
}
