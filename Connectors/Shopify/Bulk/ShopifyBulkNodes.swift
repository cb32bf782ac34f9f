/// The objects of a bulk query's JSONL file (GraphQL Admin shape, API 2026-01 and later),
/// translated field by field into the REST wire types, so the one set of mappers
/// (``ShopifyOrderMapper``, ``ShopifyCustomerMapper``, ``ShopifyLoyaltyMapper``) holds
/// every business rule. The translation only renames: GIDs become numeric ids, `…Set {
/// shopMoney }` bags become the amount text, enums in capitals become REST's lower-case
/// values.

/// `{ shopMoney { amount currencyCode } }`.
struct ShopifyBulkMoneyBag: Sendable, Decodable {
    let shopMoney: ShopifyBulkMoney

    var rest: ShopifyMoneyBagWire {
        ShopifyMoneyBagWire(shopMoney: ShopifyMoneyWire(amount: shopMoney.amount, currencyCode: shopMoney.currencyCode))
    }
}

/// `MoneyV2`: `{ amount currencyCode }`.
struct ShopifyBulkMoney: Sendable, Decodable {
    let amount: String
    let currencyCode: String?
}

/// `emailMarketingConsent { marketingState }`.
struct ShopifyBulkConsent: Sendable, Decodable {
    let marketingState: String?

    var rest: ShopifyMarketingConsentWire { ShopifyMarketingConsentWire(state: marketingState?.lowercased()) }
}

/// A root line of the orders query.
struct ShopifyBulkOrder: Sendable, Decodable {
    struct Customer: Sendable, Decodable {
        let id: String
        let email: String?
        let firstName: String?
        let lastName: String?
        let emailMarketingConsent: ShopifyBulkConsent?
    }

    struct TaxLine: Sendable, Decodable { let title: String? }

    struct Tracking: Sendable, Decodable {
        let company: String?
        let number: String?
        let url: String?
    }

    struct Fulfillment: Sendable, Decodable {
        let status: String?
        let displayStatus: String?
        let createdAt: String?
        let updatedAt: String?
        let trackingInfo: [Tracking]?
    }

    struct Transaction: Sendable, Decodable {
        let kind: String?
        let status: String?
        let amountSet: ShopifyBulkMoneyBag?
    }

    let id: String
    let name: String?
    let email: String?
    let currencyCode: String
    let totalPriceSet: ShopifyBulkMoneyBag
    let subtotalPriceSet: ShopifyBulkMoneyBag?
    let totalLineItemsPriceSet: ShopifyBulkMoneyBag?
    let totalDiscountsSet: ShopifyBulkMoneyBag?
    let totalTaxSet: ShopifyBulkMoneyBag?
    let totalShippingPriceSet: ShopifyBulkMoneyBag?
    let displayFinancialStatus: String?
    let displayFulfillmentStatus: String?
    let cancelledAt: String?
    let closedAt: String?
    let createdAt: String
    let updatedAt: String?
    let note: String?
    let taxesIncluded: Bool?
    let taxLines: [TaxLine]?
    let discountCodes: [String]?
    let customer: Customer?
    let fulfillments: [Fulfillment]?
    let transactions: [Transaction]?

    /// The REST order with `lineItems` (this order's `__parentId` children).
    func rest(lineItems: [ShopifyBulkLineItem]) throws -> ShopifyOrderWire {
        var buyer: ShopifyOrderCustomerWire?
        if let customer {
            buyer = ShopifyOrderCustomerWire(
                id: try ShopifyBulkGID.number(customer.id), email: customer.email, firstName: customer.firstName,
                lastName: customer.lastName, emailMarketingConsent: customer.emailMarketingConsent?.rest)
        }
        var items: [ShopifyLineItemWire] = []
        for item in lineItems { items.append(try item.rest) }
        let codes: [ShopifyDiscountCodeUseWire]? = discountCodes?.map { ShopifyDiscountCodeUseWire(code: $0) }
        let shipped: [ShopifyFulfillmentWire]? = fulfillments?.map(Self.fulfillment)
        let taxes: [ShopifyTaxLineWire]? = taxLines?.map { ShopifyTaxLineWire(title: $0.title) }
        return ShopifyOrderWire(
            id: try ShopifyBulkGID.number(id), name: name, email: email, contactEmail: nil, currency: currencyCode,
            totalPrice: totalPriceSet.shopMoney.amount, subtotalPrice: subtotalPriceSet?.shopMoney.amount,
            totalLineItemsPrice: totalLineItemsPriceSet?.shopMoney.amount,
            totalDiscounts: totalDiscountsSet?.shopMoney.amount, totalTax: totalTaxSet?.shopMoney.amount,
            totalShippingPriceSet: totalShippingPriceSet?.rest, financialStatus: displayFinancialStatus?.lowercased(),
            fulfillmentStatus: Self.fulfillmentStatus(displayFulfillmentStatus), cancelledAt: cancelledAt,
            closedAt: closedAt, createdAt: createdAt, updatedAt: updatedAt, customer: buyer, discountCodes: codes,
            lineItems: items, shippingLines: nil, fulfillments: shipped, refunds: refunds, note: note,
            taxesIncluded: taxesIncluded, taxLines: taxes)
    }

    /// REST lists refunds with their transactions; the mapper counts the refund
    /// transactions that succeeded, so the order's transactions carry the same facts.
    private var refunds: [ShopifyRefundWire]? {
        guard let transactions else { return nil }
        var moved: [ShopifyTransactionWire] = []
        for transaction in transactions {
            let amount: String? = transaction.amountSet?.shopMoney.amount
            moved.append(
                ShopifyTransactionWire(
                    kind: transaction.kind?.lowercased(), status: transaction.status?.lowercased(), amount: amount))
        }
        return [ShopifyRefundWire(transactions: moved)]
    }

    /// `OrderDisplayFulfillmentStatus` → REST `fulfillment_status` (`null` while unfulfilled).
    static func fulfillmentStatus(_ display: String?) -> String? {
        switch display {
        case "FULFILLED": "fulfilled"
        case "PARTIALLY_FULFILLED": "partial"
        case "RESTOCKED": "restocked"
        default: nil
        }
    }

    /// A GraphQL fulfillment as REST shows it: `displayStatus` names the carrier's latest
    /// event, which REST calls `shipment_status`; the statuses that only say "fulfilled"
    /// (no carrier event yet) are REST's `null`.
    static func fulfillment(_ node: Fulfillment) -> ShopifyFulfillmentWire {
        let quiet: Set<String> = ["FULFILLED", "MARKED_AS_FULFILLED", "SUBMITTED", "CANCELED", "LABEL_VOIDED"]
        let shipment = node.displayStatus.flatMap { quiet.contains($0) ? nil : $0.lowercased() }
        let tracking = node.trackingInfo ?? []
        return ShopifyFulfillmentWire(
            status: node.status?.lowercased(), shipmentStatus: shipment,
            trackingCompany: tracking.lazy.compactMap(\.company).first, trackingNumber: nil,
            trackingNumbers: tracking.compactMap(\.number), trackingURL: nil,
            trackingURLs: tracking.compactMap(\.url), createdAt: node.createdAt, updatedAt: node.updatedAt)
    }
}

/// A `lineItems` line: a child of its order through `__parentId`.
struct ShopifyBulkLineItem: Sendable, Decodable {
    struct Reference: Sendable, Decodable { let id: String }
    struct Allocation: Sendable, Decodable { let allocatedAmountSet: ShopifyBulkMoneyBag }

    let name: String?
    let title: String?
    let sku: String?
    let quantity: Int
    let originalUnitPriceSet: ShopifyBulkMoneyBag
    let product: Reference?
    let variant: Reference?
    let discountAllocations: [Allocation]?

    var rest: ShopifyLineItemWire {
        get throws {
            let productID: Int64? = try product.map { try ShopifyBulkGID.number($0.id) }
            let variantID: Int64? = try variant.map { try ShopifyBulkGID.number($0.id) }
            let allocations: [ShopifyDiscountAllocationWire]? = discountAllocations?.map {
                ShopifyDiscountAllocationWire(amount: $0.allocatedAmountSet.shopMoney.amount)
            }
            return ShopifyLineItemWire(
                productID: productID, variantID: variantID, sku: sku, name: name, title: title, quantity: quantity,
                price: originalUnitPriceSet.shopMoney.amount, discountAllocations: allocations)
        }
    }
}

/// A root line of the customers query, with the loyalty metafields under fixed aliases.
struct ShopifyBulkCustomer: Sendable, Decodable {
    struct Metafield: Sendable, Decodable {
        let value: String?
        let type: String?
        let updatedAt: String?
    }

    let id: String
    let email: String?
    let firstName: String?
    let lastName: String?
    /// `UnsignedInt64`, a string in JSON.
    let numberOfOrders: String?
    let amountSpent: ShopifyBulkMoney?
    let createdAt: String?
    let updatedAt: String?
    let tags: [String]?
    let emailMarketingConsent: ShopifyBulkConsent?
    let points: Metafield?
    let tier: Metafield?
    let expiresAt: Metafield?
    let expiring: Metafield?

    var rest: ShopifyCustomerWire {
        get throws {
            let orders: Int? = numberOfOrders.flatMap { Int($0) }
            let tagText: String? = tags?.joined(separator: ", ")
            return ShopifyCustomerWire(
                id: try ShopifyBulkGID.number(id), email: email, firstName: firstName, lastName: lastName,
                ordersCount: orders, totalSpent: amountSpent?.amount, currency: amountSpent?.currencyCode,
                createdAt: createdAt, updatedAt: updatedAt, tags: tagText,
                emailMarketingConsent: emailMarketingConsent?.rest)
        }
    }

    /// The aliased metafields as the REST metafields list of the customer.
    func metafields(_ keys: ShopifyLoyaltyMetafields) -> ShopifyMetafieldListWire {
        var list: [ShopifyMetafieldWire] = []
        func add(_ field: Metafield?, _ key: String?) {
            guard let field, let key else { return }
            let value: ShopifyScalar = field.value.map { ShopifyScalar.text($0) } ?? ShopifyScalar.null
            list.append(
                ShopifyMetafieldWire(
                    namespace: keys.namespace, key: key, value: value, type: field.type, updatedAt: field.updatedAt))
        }
        add(points, keys.pointsKey)
        add(tier, keys.tierKey)
        add(expiresAt, keys.expiresAtKey)
        add(expiring, keys.expiringKey)
        return ShopifyMetafieldListWire(metafields: list)
    }
}

/// A `gid://shopify/Type/123` that does not end in a number.
struct ShopifyBulkGIDError: Error, Sendable {
    let gid: String
}

enum ShopifyBulkGID {
    /// `123` from `gid://shopify/Order/123`.
    static func number(_ gid: String) throws -> Int64 {
        guard let slash = gid.lastIndex(of: "/"), let number = Int64(gid[gid.index(after: slash)...]) else {
            throw ShopifyBulkGIDError(gid: gid)
        }
        return number
    }
}
