/// The fields of a WooCommerce REST v3 customer that Aftercart reads.
/// `orders_count` and `total_spent` exist only on older API versions and
/// some extensions; they are read when present.
struct WooCustomerWire: Sendable, Decodable {
    let id: WooInteger
    let email: String?
    let firstName: String?
    let lastName: String?
    let dateCreatedGMT: String?
    let dateModifiedGMT: String?
    let ordersCount: WooInteger?
    let totalSpent: WooText?
    let billing: WooBillingWire?
    let metaData: WooMetaData?

    enum CodingKeys: String, CodingKey {
        case id, email
        case firstName = "first_name"
        case lastName = "last_name"
        case dateCreatedGMT = "date_created_gmt"
        case dateModifiedGMT = "date_modified_gmt"
        case ordersCount = "orders_count"
        case totalSpent = "total_spent"
        case billing
        case metaData = "meta_data"
    }
}
