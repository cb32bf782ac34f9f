/// `POST /coupons` as Aftercart sends it.
struct WooCouponCreateBody: Sendable, Encodable {
    let code: String
    let discountType: String
    /// WooCommerce takes the amount as a string and silently stores a
    /// malformed one as `0.00`, so it is formatted here, never parsed there.
    let amount: String
    /// `true` for a free-shipping coupon (then `fixed_cart` of 0).
    let freeShipping: Bool
    /// With an explicit `Z`; see ``WooCommerceConnector/createCoupon(_:)``.
    let dateExpires: String?
    let usageLimit: Int?
    let usageLimitPerUser: Int?
    let emailRestrictions: [String]
    let description: String
    let metaData: [WooMetaWriteEntry]

    enum CodingKeys: String, CodingKey {
        case code
        case discountType = "discount_type"
        case amount
        case freeShipping = "free_shipping"
        case dateExpires = "date_expires"
        case usageLimit = "usage_limit"
        case usageLimitPerUser = "usage_limit_per_user"
        case emailRestrictions = "email_restrictions"
        case description
        case metaData = "meta_data"
    }
}

/// `POST /orders/{id}/notes`.
struct WooOrderNoteBody: Sendable, Encodable {
    let note: String
    let customerNote: Bool

    enum CodingKeys: String, CodingKey {
        case note
        case customerNote = "customer_note"
    }
}

/// A `meta_data` entry to write; WooCommerce updates the entry with the
/// same key instead of adding a second one.
struct WooMetaWriteEntry: Sendable, Encodable {
    let key: String
    let value: String
}

/// `PUT /customers/{id}` or `PUT /orders/{id}` with meta only.
struct WooMetaOnlyBody: Sendable, Encodable {
    let metaData: [WooMetaWriteEntry]

    enum CodingKeys: String, CodingKey {
        case metaData = "meta_data"
    }
}
