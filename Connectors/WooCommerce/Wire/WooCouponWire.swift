/// The fields of a WooCommerce REST v3 coupon that Aftercart reads.
struct WooCouponWire: Sendable, Decodable {
    let id: WooInteger
    let code: String
    let amount: WooText?
    let discountType: String?
    /// "Allow free shipping": a `fixed_cart` coupon of 0 with it is a free-shipping coupon.
    let freeShipping: Bool?
    let description: String?
    let dateExpiresGMT: String?
    let dateModifiedGMT: String?
    let usageLimit: WooInteger?
    let usageCount: WooInteger?
    let emailRestrictions: [String]?
    let metaData: WooMetaData?

    enum CodingKeys: String, CodingKey {
        case id, code, amount
        case discountType = "discount_type"
        case freeShipping = "free_shipping"
        case description
        case dateExpiresGMT = "date_expires_gmt"
        case dateModifiedGMT = "date_modified_gmt"
        case usageLimit = "usage_limit"
        case usageCount = "usage_count"
        case emailRestrictions = "email_restrictions"
        case metaData = "meta_data"
    }
}
