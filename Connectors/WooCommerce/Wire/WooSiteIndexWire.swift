/// The parts of the WordPress REST index (`GET /wp-json/`) that
/// `aftercart check` reports: the site's name, its home URL (what OAuth
/// signatures use), its time zone and the plugin namespaces installed.
struct WooSiteIndexWire: Sendable, Decodable {
    let name: String?
    let home: String?
    let timezoneString: String?
    let namespaces: [String]?

    enum CodingKeys: String, CodingKey {
        case name, home
        case timezoneString = "timezone_string"
        case namespaces
    }
}

/// One setting from `GET /wp-json/wc/v3/settings/general/{id}`.
struct WooSettingWire: Sendable, Decodable {
    let id: String?
    let value: WooText?
}

/// An order reduced to its currency, for learning the store's currency.
struct WooCurrencyOnlyWire: Sendable, Decodable {
    let currency: String?
}
