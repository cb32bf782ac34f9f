/// `POST price_rules.json`.
struct ShopifyPriceRuleCreateBody: Sendable, Encodable {
    struct PriceRule: Sendable, Encodable {
        let title: String
        let targetType: String
        let targetSelection: String
        let allocationMethod: String
        let valueType: String
        let value: String
        let customerSelection: String
        let prerequisiteCustomerIDs: [Int64]
        let usageLimit: Int?
        let oncePerCustomer: Bool
        let startsAt: String
        let endsAt: String?

        enum CodingKeys: String, CodingKey {
            case title
            case targetType = "target_type"
            case targetSelection = "target_selection"
            case allocationMethod = "allocation_method"
            case valueType = "value_type"
            case value
            case customerSelection = "customer_selection"
            case prerequisiteCustomerIDs = "prerequisite_customer_ids"
            case usageLimit = "usage_limit"
            case oncePerCustomer = "once_per_customer"
            case startsAt = "starts_at"
            case endsAt = "ends_at"
        }
    }

    let priceRule: PriceRule

    enum CodingKeys: String, CodingKey { case priceRule = "price_rule" }
}

/// `POST price_rules/{id}/discount_codes.json`.
struct ShopifyDiscountCodeCreateBody: Sendable, Encodable {
    struct DiscountCode: Sendable, Encodable {
        let code: String
    }

    let discountCode: DiscountCode

    enum CodingKeys: String, CodingKey { case discountCode = "discount_code" }
}

/// `PUT orders/{id}.json` with the whole new note.
struct ShopifyOrderNoteBody: Sendable, Encodable {
    struct Order: Sendable, Encodable {
        let id: Int64
        let note: String
    }

    let order: Order
}

/// `PUT customers/{id}.json` with the whole merged tag list.
struct ShopifyCustomerTagsBody: Sendable, Encodable {
    struct Customer: Sendable, Encodable {
        let id: Int64
        let tags: String
    }

    let customer: Customer
}

/// `POST customers/{id}/metafields.json`, which upserts by namespace and key.
struct ShopifyMetafieldCreateBody: Sendable, Encodable {
    struct Metafield: Sendable, Encodable {
        let namespace: String
        let key: String
        let value: String
        let type: String
    }

    let metafield: Metafield
}
