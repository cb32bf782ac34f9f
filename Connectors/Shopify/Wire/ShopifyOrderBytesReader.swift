import AftercartJSON
import Foundation

/// Reads REST order bodies straight from their bytes into the wire structs.
///
/// A Shopify order is 10 KB or more of JSON of which the mapper reads a
/// few dozen members; `JSONDecoder` built a tree of all of it first, most
/// of a sync's CPU (BENCHMARKS.md, issue 23). This reads the members the
/// mapper uses and checks the grammar of everything it skips. It gives up
/// (`nil`) on anything unusual: a wrong type, a member sent twice, a
/// missing required member. The caller then decodes with
/// ``ShopifyWireDecoder``, whose answer and errors stay the reference.
enum ShopifyOrderBytesReader {
    /// The orders of a `GET orders.json` body (`{"orders": […]}`), or `nil`.
    static func page(_ body: Data) -> [ShopifyOrderWire]? {
        JSONCursor.readWhole(body) { cursor in
            try cursor.readMember("orders") { try $0.readOptionalArray(order) ?? [] }
        }
    }

    /// The order of a `GET orders/{id}.json` body (`{"order": {…}}`), or `nil`.
    static func envelope(_ body: Data) -> ShopifyOrderWire? {
        JSONCursor.readWhole(body) { cursor in try cursor.readMember("order", order) }
    }

    /// A bare order (an `orders/*` webhook body), or `nil`.
    static func record(_ body: Data) -> ShopifyOrderWire? {
        JSONCursor.readWhole(body, order)
    }

    private enum OrderField: Int {
        case id, name, email, contactEmail, currency, totalPrice, subtotalPrice, totalLineItemsPrice
        case totalDiscounts, totalTax, totalShippingPriceSet, financialStatus, fulfillmentStatus, cancelledAt
        case closedAt, createdAt, updatedAt, customer, discountCodes, lineItems, shippingLines, fulfillments
        case refunds, note, taxesIncluded, taxLines
    }

    private static let orderFields = ByteNames<OrderField>([
        "id": .id, "name": .name, "email": .email, "contact_email": .contactEmail, "currency": .currency,
        "total_price": .totalPrice, "subtotal_price": .subtotalPrice, "total_line_items_price": .totalLineItemsPrice,
        "total_discounts": .totalDiscounts, "total_tax": .totalTax, "total_shipping_price_set": .totalShippingPriceSet,
        "financial_status": .financialStatus, "fulfillment_status": .fulfillmentStatus, "cancelled_at": .cancelledAt,
        "closed_at": .closedAt, "created_at": .createdAt, "updated_at": .updatedAt, "customer": .customer,
        "discount_codes": .discountCodes, "line_items": .lineItems, "shipping_lines": .shippingLines,
        "fulfillments": .fulfillments, "refunds": .refunds, "note": .note, "taxes_included": .taxesIncluded,
        "tax_lines": .taxLines,
    ])

    private static func order(_ cursor: inout JSONCursor) throws -> ShopifyOrderWire {
        var id: Int64?
        var currency: String?
        var totalPrice: String?
        var createdAt: String?
        // The optional strings, by `OrderField` raw value.
        var texts = [String?](repeating: nil, count: 26)
        var shipping: ShopifyMoneyBagWire?
        var customer: ShopifyOrderCustomerWire?
        var discountCodes: [ShopifyDiscountCodeUseWire]?
        var lineItems: [ShopifyLineItemWire]?
        var shippingLines: [ShopifyShippingLineWire]?
        var fulfillments: [ShopifyFulfillmentWire]?
        var refunds: [ShopifyRefundWire]?
        var taxesIncluded: Bool?
        var taxLines: [ShopifyTaxLineWire]?
        try cursor.readMembers(orderFields, number: \.rawValue) { field, cursor in
            switch field {
            case .id: id = Int64(try cursor.readExactInt())
            case .currency: currency = try cursor.readString()
            case .totalPrice: totalPrice = try cursor.readString()
            case .createdAt: createdAt = try cursor.readString()
            case .name, .email, .contactEmail, .subtotalPrice, .totalLineItemsPrice, .totalDiscounts, .totalTax,
                .financialStatus, .fulfillmentStatus, .cancelledAt, .closedAt, .updatedAt, .note:
                texts[field.rawValue] = try cursor.readOptionalString()
            case .totalShippingPriceSet: shipping = try cursor.readNull() ? nil : try moneyBag(&cursor)
            case .customer: customer = try cursor.readNull() ? nil : try self.customer(&cursor)
            case .discountCodes:
                discountCodes = try cursor.readOptionalArray {
                    ShopifyDiscountCodeUseWire(code: try $0.readMember("code") { try $0.readOptionalString() } ?? nil)
                }
            case .lineItems: lineItems = try cursor.readOptionalArray(lineItem)
            case .shippingLines:
                shippingLines = try cursor.readOptionalArray {
                    ShopifyShippingLineWire(price: try $0.readMember("price") { try $0.readOptionalString() } ?? nil)
                }
            case .fulfillments: fulfillments = try cursor.readOptionalArray(fulfillment)
            case .refunds:
                refunds = try cursor.readOptionalArray {
                    ShopifyRefundWire(
                        transactions: try $0.readMember("transactions") { try $0.readOptionalArray(transaction) } ?? nil
                    )
                }
            case .taxesIncluded: taxesIncluded = try cursor.readOptionalBool()
            case .taxLines:
                taxLines = try cursor.readOptionalArray {
                    ShopifyTaxLineWire(title: try $0.readMember("title") { try $0.readOptionalString() } ?? nil)
                }
            }
        }
        guard let id, let currency, let totalPrice, let createdAt else {
            throw cursor.failure("a required member is missing")
        }
        func text(_ field: OrderField) -> String? { texts[field.rawValue] }
        return ShopifyOrderWire(
            id: id, name: text(.name), email: text(.email), contactEmail: text(.contactEmail), currency: currency,
            totalPrice: totalPrice, subtotalPrice: text(.subtotalPrice),
            totalLineItemsPrice: text(.totalLineItemsPrice),
            totalDiscounts: text(.totalDiscounts), totalTax: text(.totalTax), totalShippingPriceSet: shipping,
            financialStatus: text(.financialStatus), fulfillmentStatus: text(.fulfillmentStatus),
            cancelledAt: text(.cancelledAt), closedAt: text(.closedAt), createdAt: createdAt,
            updatedAt: text(.updatedAt), customer: customer, discountCodes: discountCodes, lineItems: lineItems,
            shippingLines: shippingLines, fulfillments: fulfillments, refunds: refunds, note: text(.note),
            taxesIncluded: taxesIncluded, taxLines: taxLines)
    }

    private static let moneyFields = ByteNames<Int>(["amount": 0, "currency_code": 1])

    private static func moneyBag(_ cursor: inout JSONCursor) throws -> ShopifyMoneyBagWire {
        let shopMoney = try cursor.readMember("shop_money") { cursor -> ShopifyMoneyWire? in
            if try cursor.readNull() { return nil }
            var amount: String?
            var code: String?
            try cursor.readMembers(moneyFields, number: { $0 }) { field, cursor in
                if field == 0 { amount = try cursor.readString() } else { code = try cursor.readOptionalString() }
            }
            guard let amount else { throw cursor.failure("a required member is missing") }
            return ShopifyMoneyWire(amount: amount, currencyCode: code)
        }
        return ShopifyMoneyBagWire(shopMoney: shopMoney ?? nil)
    }

    private static let customerFields = ByteNames<Int>([
        "id": 0, "email": 1, "first_name": 2, "last_name": 3, "email_marketing_consent": 4,
    ])

    private static func customer(_ cursor: inout JSONCursor) throws -> ShopifyOrderCustomerWire {
        var id: Int64?
        var texts: [String?] = [nil, nil, nil, nil]
        var consent: ShopifyMarketingConsentWire?
        try cursor.readMembers(customerFields, number: { $0 }) { field, cursor in
            switch field {
            case 0: id = Int64(try cursor.readExactInt())
            case 4:
                consent =
                    try cursor.readNull()
                    ? nil
                    : ShopifyMarketingConsentWire(
                        state: try cursor.readMember("state") { try $0.readOptionalString() } ?? nil)
            default: texts[field] = try cursor.readOptionalString()
            }
        }
        guard let id else { throw cursor.failure("a required member is missing") }
        return ShopifyOrderCustomerWire(
            id: id, email: texts[1], firstName: texts[2], lastName: texts[3], emailMarketingConsent: consent)
    }

    private static let lineFields = ByteNames<Int>([
        "product_id": 0, "variant_id": 1, "sku": 2, "name": 3, "title": 4, "quantity": 5, "price": 6,
        "discount_allocations": 7,
    ])

    private static func lineItem(_ cursor: inout JSONCursor) throws -> ShopifyLineItemWire {
        var productID: Int64?
        var variantID: Int64?
        var texts: [String?] = [nil, nil, nil, nil, nil]
        var quantity: Int?
        var price: String?
        var allocations: [ShopifyDiscountAllocationWire]?
        try cursor.readMembers(lineFields, number: { $0 }) { field, cursor in
            switch field {
            case 0: productID = try cursor.readOptionalExactInt().map(Int64.init)
            case 1: variantID = try cursor.readOptionalExactInt().map(Int64.init)
            case 5: quantity = try cursor.readExactInt()
            case 6: price = try cursor.readString()
            case 7:
                allocations = try cursor.readOptionalArray { cursor in
                    guard let amount = try cursor.readMember("amount", { try $0.readString() }) else {
                        throw cursor.failure("a required member is missing")
                    }
                    return ShopifyDiscountAllocationWire(amount: amount)
                }
            default: texts[field] = try cursor.readOptionalString()
            }
        }
        guard let quantity, let price else { throw cursor.failure("a required member is missing") }
        return ShopifyLineItemWire(
            productID: productID, variantID: variantID, sku: texts[2], name: texts[3], title: texts[4],
            quantity: quantity, price: price, discountAllocations: allocations)
    }

    private static let fulfillmentFields = ByteNames<Int>([
        "status": 0, "shipment_status": 1, "tracking_company": 2, "tracking_number": 3, "tracking_url": 4,
        "created_at": 5, "updated_at": 6, "tracking_numbers": 7, "tracking_urls": 8,
    ])

    private static func fulfillment(_ cursor: inout JSONCursor) throws -> ShopifyFulfillmentWire {
        var texts = [String?](repeating: nil, count: 7)
        var numbers: [String]?
        var urls: [String]?
        try cursor.readMembers(fulfillmentFields, number: { $0 }) { field, cursor in
            switch field {
            case 7: numbers = try cursor.readOptionalStrings()
            case 8: urls = try cursor.readOptionalStrings()
            default: texts[field] = try cursor.readOptionalString()
            }
        }
        return ShopifyFulfillmentWire(
            status: texts[0], shipmentStatus: texts[1], trackingCompany: texts[2], trackingNumber: texts[3],
            trackingNumbers: numbers, trackingURL: texts[4], trackingURLs: urls, createdAt: texts[5],
            updatedAt: texts[6])
    }

    private static let transactionFields = ByteNames<Int>(["kind": 0, "status": 1, "amount": 2])

    private static func transaction(_ cursor: inout JSONCursor) throws -> ShopifyTransactionWire {
        var texts: [String?] = [nil, nil, nil]
        try cursor.readMembers(transactionFields, number: { $0 }) { field, cursor in
            texts[field] = try cursor.readOptionalString()
        }
        return ShopifyTransactionWire(kind: texts[0], status: texts[1], amount: texts[2])
    }
}
