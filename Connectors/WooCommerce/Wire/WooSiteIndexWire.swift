/// The parts of the WordPress REST index (`GET /wp-json/`) that
/// `aftercart check` reports: the site's name, its home URL (what OAuth
/// signatures use), its time zone and the plugin namespaces installed.
struct WooSiteIndexWire: Sendable, Decodable {
    let name: String?
    let home: String?
    let timezoneString: String?
    /// Hours east of UTC, a JSON number (`9`, `5.5`); what WordPress uses
    /// when the site picked a "UTC+9" style offset and no named zone.
    let gmtOffset: WooText?
    let namespaces: [String]?

    enum CodingKeys: String, CodingKey {
        case name, home
        case timezoneString = "timezone_string"
        case gmtOffset = "gmt_offset"
        case namespaces
    }
}

/// The parts of `GET /wc/v3/system_status` Aftercart reads: the site's
/// locale (`get_locale()`, what WooCommerce's own emails are written in)
/// and the WooCommerce version. Its `environment.default_timezone` is
/// PHP's zone, not the store's, so it is not read (api-facts §8.2).
struct WooSystemStatusWire: Sendable, Decodable {
    struct Environment: Sendable, Decodable {
        let language: String?
        let version: String?
    }

    let environment: Environment?
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
