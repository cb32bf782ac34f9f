/// `GET orders.json`: `{"orders": [...]}`.
struct ShopifyOrderListWire: Sendable, Decodable {
    let orders: [ShopifyOrderWire]
}

/// `GET orders/{id}.json`: `{"order": {...}}`.
struct ShopifyOrderEnvelopeWire: Sendable, Decodable {
    let order: ShopifyOrderWire
}

/// The fields of a REST Admin order (Shopify Admin REST API, Order) that Aftercart reads.
///
/// Keys the mapper cannot do without are non-optional, so a missing one is
/// reported by name; money stays text until the mapper parses it strictly.
struct ShopifyOrderWire: Sendable, Decodable {
    let id: Int64
    let name: String?
    let email: String?
    let contactEmail: String?
    let currency: String
    let totalPrice: String
    let subtotalPrice: String?
    let totalLineItemsPrice: String?
    let totalDiscounts: String?
    let totalTax: String?
    let totalShippingPriceSet: ShopifyMoneyBagWire?
    let financialStatus: String?
    let fulfillmentStatus: String?
    let cancelledAt: String?
    let closedAt: String?
    let createdAt: String
    let updatedAt: String?
    let customer: ShopifyOrderCustomerWire?
    let discountCodes: [ShopifyDiscountCodeUseWire]?
    let lineItems: [ShopifyLineItemWire]?
    let shippingLines: [ShopifyShippingLineWire]?
    let fulfillments: [ShopifyFulfillmentWire]?
    let refunds: [ShopifyRefundWire]?
    let note: String?
    let taxesIncluded: Bool?
    let taxLines: [ShopifyTaxLineWire]?

    enum CodingKeys: String, CodingKey {
        case id, name, email
        case contactEmail = "contact_email"
        case currency
        case totalPrice = "total_price"
        case subtotalPrice = "subtotal_price"
        case totalLineItemsPrice = "total_line_items_price"
        case totalDiscounts = "total_discounts"
        case totalTax = "total_tax"
        case totalShippingPriceSet = "total_shipping_price_set"
        case financialStatus = "financial_status"
        case fulfillmentStatus = "fulfillment_status"
        case cancelledAt = "cancelled_at"
        case closedAt = "closed_at"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
        case customer
        case discountCodes = "discount_codes"
        case lineItems = "line_items"
        case shippingLines = "shipping_lines"
        case fulfillments, refunds, note
        case taxesIncluded = "taxes_included"
        case taxLines = "tax_lines"
    }
}

/// `*_set{shop_money{amount,currency_code}, presentment_money{…}}`.
struct ShopifyMoneyBagWire: Sendable, Decodable {
    let shopMoney: ShopifyMoneyWire?

    enum CodingKeys: String, CodingKey { case shopMoney = "shop_money" }
}

struct ShopifyMoneyWire: Sendable, Decodable {
    let amount: String
    let currencyCode: String?

    enum CodingKeys: String, CodingKey {
        case amount
        case currencyCode = "currency_code"
    }
}

/// The buyer embedded in an order; `null` for guests and POS sales.
struct ShopifyOrderCustomerWire: Sendable, Decodable {
    let id: Int64
    let email: String?
    let firstName: String?
    let lastName: String?
    let emailMarketingConsent: ShopifyMarketingConsentWire?

    enum CodingKeys: String, CodingKey {
        case id, email
        case firstName = "first_name"
        case lastName = "last_name"
        case emailMarketingConsent = "email_marketing_consent"
    }
}

/// `email_marketing_consent{state, opt_in_level, consent_updated_at}`.
struct ShopifyMarketingConsentWire: Sendable, Decodable {
    let state: String?
}

/// `discount_codes[]{code, amount, type}`.
struct ShopifyDiscountCodeUseWire: Sendable, Decodable {
    let code: String?
}

/// `line_items[]`.
struct ShopifyLineItemWire: Sendable, Decodable {
    let productID: Int64?
    let variantID: Int64?
    let sku: String?
    let name: String?
    let title: String?
    let quantity: Int
    let price: String
    let discountAllocations: [ShopifyDiscountAllocationWire]?

    enum CodingKeys: String, CodingKey {
        case productID = "product_id"
        case variantID = "variant_id"
        case sku, name, title, quantity, price
        case discountAllocations = "discount_allocations"
    }
}

/// `line_items[].discount_allocations[]`: an order-level discount's share of the line.
struct ShopifyDiscountAllocationWire: Sendable, Decodable {
    let amount: String
}

/// `shipping_lines[]`.
struct ShopifyShippingLineWire: Sendable, Decodable {
    let price: String?
}

/// `fulfillments[]` (Shopify Admin REST API, Order and Fulfillment).
struct ShopifyFulfillmentWire: Sendable, Decodable {
    let status: String?
    let shipmentStatus: String?
    let trackingCompany: String?
    let trackingNumber: String?
    let trackingNumbers: [String]?
    let trackingURL: String?
    let trackingURLs: [String]?
    let createdAt: String?
    let updatedAt: String?

    enum CodingKeys: String, CodingKey {
        case status
        case shipmentStatus = "shipment_status"
        case trackingCompany = "tracking_company"
        case trackingNumber = "tracking_number"
        case trackingNumbers = "tracking_numbers"
        case trackingURL = "tracking_url"
        case trackingURLs = "tracking_urls"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }
}

/// `refunds[]`; only the money that moved matters here.
struct ShopifyRefundWire: Sendable, Decodable {
    let transactions: [ShopifyTransactionWire]?
}

/// `refunds[].transactions[]`.
struct ShopifyTransactionWire: Sendable, Decodable {
    let kind: String?
    let status: String?
    let amount: String?
}

/// `tax_lines[]`: one per tax rate; `title` is the tax's name (`消費税`, `VAT`).
struct ShopifyTaxLineWire: Sendable, Decodable {
    let title: String?
}
