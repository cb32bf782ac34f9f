/// `GET shop.json`: the facts ``ShopifyConnector/check()`` reports.
struct ShopifyShopWire: Sendable, Decodable {
    struct Shop: Sendable, Decodable {
        let name: String?
        let currency: String?
        let ianaTimezone: String?
        let planName: String?
        let planDisplayName: String?
        let myshopifyDomain: String?

        enum CodingKeys: String, CodingKey {
            case name, currency
            case ianaTimezone = "iana_timezone"
            case planName = "plan_name"
            case planDisplayName = "plan_display_name"
            case myshopifyDomain = "myshopify_domain"
        }
    }

    let shop: Shop
}
