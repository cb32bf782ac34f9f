public import AftercartModel

/// What one call to the store proved and learned (``StoreConnector/check()``).
///
/// Aftercart keeps the newest facts per store (`check`, and `sync`/`run`
/// refresh them), so a setting the config leaves out — time zone, currency,
/// language — is taken from the store, and `status` can warn about what
/// the store reported (a read-only key, a disabled webhook).
public struct StoreFacts: Sendable, Hashable, Codable {
    /// What the credential may do, as the store itself answered a probe.
    public enum WritePermission: String, Sendable, Hashable, Codable {
        /// Writes are accepted (coupons, notes, meta).
        case readWrite = "read_write"
        /// Every write is refused; the store's own words are in
        /// ``StoreFacts/writePermissionMessage``.
        case readOnly = "read_only"
    }

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
    /// The language the store writes to its customers in, as a BCP 47 tag
    /// (`"ja-JP"`); `nil` when the platform does not say.
    public var language: String?
    /// Whether the store's catalogue prices include tax (Japan's stores
    /// do); `nil` when the platform does not say.
    public var pricesIncludeTax: Bool?
    /// What the credential may write; `nil` when no probe could tell.
    public var writePermission: WritePermission?
    /// The store's own explanation when writes are refused
    /// ("The API key provided does not have write permissions.").
    public var writePermissionMessage: String?
    /// The store's webhook subscriptions with their status, when the
    /// credential may list them; `nil` when it may not or the platform has none.
    public var webhooks: [WebhookSubscription]?
    /// What the credential is when that is worth saying: a token from an
    /// OAuth grant, its scopes and when it expires; `nil` for a fixed key.
    public var credential: String?

    public init(
        name: String, currency: Currency?, timeZoneIdentifier: String?, platformVersion: String?,
        routes: [String] = [], warnings: [String] = [], language: String? = nil, pricesIncludeTax: Bool? = nil,
        writePermission: WritePermission? = nil, writePermissionMessage: String? = nil,
        webhooks: [WebhookSubscription]? = nil
    ) {
        self.name = name
        self.currency = currency
        self.timeZoneIdentifier = timeZoneIdentifier
        self.platformVersion = platformVersion
        self.routes = routes
        self.warnings = warnings
        self.language = language
        self.pricesIncludeTax = pricesIncludeTax
        self.writePermission = writePermission
        self.writePermissionMessage = writePermissionMessage
        self.webhooks = webhooks
    }
}
