/// `GET customers.json`: `{"customers": [...]}`.
struct ShopifyCustomerListWire: Sendable, Decodable {
    let customers: [ShopifyCustomerWire]
}

/// `GET customers/{id}.json`: `{"customer": {...}}`.
struct ShopifyCustomerEnvelopeWire: Sendable, Decodable {
    let customer: ShopifyCustomerWire
}

/// The fields of a REST Admin customer that Aftercart reads.
struct ShopifyCustomerWire: Sendable, Decodable {
    let id: Int64
    let email: String?
    let firstName: String?
    let lastName: String?
    let ordersCount: Int?
    let totalSpent: String?
    let currency: String?
    let createdAt: String?
    let updatedAt: String?
    let tags: String?
    let emailMarketingConsent: ShopifyMarketingConsentWire?

    enum CodingKeys: String, CodingKey {
        case id, email
        case firstName = "first_name"
        case lastName = "last_name"
        case ordersCount = "orders_count"
        case totalSpent = "total_spent"
        case currency
        case createdAt = "created_at"
        case updatedAt = "updated_at"
        case tags
        case emailMarketingConsent = "email_marketing_consent"
    }
}

/// `GET customers/{id}.json?fields=id,tags`, before merging tags.
struct ShopifyCustomerTagsWire: Sendable, Decodable {
    struct Customer: Sendable, Decodable {
        let tags: String?
    }

    let customer: Customer
}

/// `GET orders/{id}.json?fields=id,note`, before appending a note.
struct ShopifyOrderNoteWire: Sendable, Decodable {
    struct Order: Sendable, Decodable {
        let note: String?
    }

    let order: Order
}
