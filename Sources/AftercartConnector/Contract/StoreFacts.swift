public import AftercartModel

/// What one call to the store proved and learned (``StoreConnector/check()``).
public struct StoreFacts: Sendable, Hashable, Codable {
    /// The store's own name for itself (site title, shop name).
    public var name: String
    /// The store's base currency, when the platform says.
    public var currency: Currency?
    /// An IANA time zone identifier (`"Asia/Tokyo"`), for quiet hours.
    public var timeZoneIdentifier: String?
    /// Platform and version as reported (`"WooCommerce 10.0.2"`, `"2025-01"`).
    public var platformVersion: String?
    /// Optional routes found, e.g. a loyalty plugin's REST namespace.
    public var routes: [String]
    /// Things that work but not fully (a missing scope, a skipped resource).
    public var warnings: [String]

    public init(
        name: String, currency: Currency?, timeZoneIdentifier: String?, platformVersion: String?,
        routes: [String] = [], warnings: [String] = []
    ) {
        self.name = name
        self.currency = currency
        self.timeZoneIdentifier = timeZoneIdentifier
        self.platformVersion = platformVersion
        self.routes = routes
        self.warnings = warnings
    }
}
