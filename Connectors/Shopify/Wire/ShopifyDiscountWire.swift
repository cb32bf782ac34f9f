/// `GET price_rules.json`: `{"price_rules": [...]}`.
struct ShopifyPriceRuleListWire: Sendable, Decodable {
    let priceRules: [ShopifyPriceRuleWire]

    enum CodingKeys: String, CodingKey { case priceRules = "price_rules" }
}

/// `GET|POST price_rules[/{id}].json`: `{"price_rule": {...}}`.
struct ShopifyPriceRuleEnvelopeWire: Sendable, Decodable {
    let priceRule: ShopifyPriceRuleWire

    enum CodingKeys: String, CodingKey { case priceRule = "price_rule" }
}

/// A price rule (Shopify Admin REST API, PriceRule): what a discount takes off and who may use it.
struct ShopifyPriceRuleWire: Sendable, Decodable {
    let id: Int64
    let title: String?
    let valueType: String
    /// Negative decimal text: `"-10.0"`.
    let value: String
    let targetType: String?
    let targetSelection: String?
    let allocationMethod: String?
    let customerSelection: String?
    let prerequisiteCustomerIDs: [Int64]?
    let usageLimit: Int?
    let endsAt: String?
    let updatedAt: String?

    enum CodingKeys: String, CodingKey {
        case id, title
        case valueType = "value_type"
        case value
        case targetType = "target_type"
        case targetSelection = "target_selection"
        case allocationMethod = "allocation_method"
        case customerSelection = "customer_selection"
        case prerequisiteCustomerIDs = "prerequisite_customer_ids"
        case usageLimit = "usage_limit"
        case endsAt = "ends_at"
        case updatedAt = "updated_at"
    }
}

/// `{"discount_codes": [...]}` (a rule's codes) or `{"discount_code": {...}}`
/// (a creation, a lookup), read the same way.
struct ShopifyDiscountCodesWire: Sendable, Decodable {
    let codes: [ShopifyDiscountCodeWire]

    enum CodingKeys: String, CodingKey {
        case discountCodes = "discount_codes"
        case discountCode = "discount_code"
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if container.contains(.discountCodes) {
            codes = try container.decode([ShopifyDiscountCodeWire].self, forKey: .discountCodes)
        } else {
            codes = [try container.decode(ShopifyDiscountCodeWire.self, forKey: .discountCode)]
        }
    }
}

/// A discount code: the text a shopper types, under one price rule.
struct ShopifyDiscountCodeWire: Sendable, Decodable {
    let id: Int64
    let priceRuleID: Int64?
    let code: String
    let usageCount: Int?
    let updatedAt: String?

    enum CodingKeys: String, CodingKey {
        case id
        case priceRuleID = "price_rule_id"
        case code
        case usageCount = "usage_count"
        case updatedAt = "updated_at"
    }
}
