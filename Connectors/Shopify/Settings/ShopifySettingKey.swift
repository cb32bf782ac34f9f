/// The config keys of a `[[stores]]` entry for Shopify, named once for the
/// schema the config validates against (``ShopifyConnector/settingsSchema``)
/// and for the reader that turns them into ``ShopifyStoreSettings``.
enum ShopifySettingKey {
    static let shop = "shop"
    static let baseURL = "base_url"
    static let accessToken = "access_token"
    static let clientID = "client_id"
    static let clientSecret = "client_secret"
    /// How a Dev Dashboard app gets its tokens (``Grant``).
    static let grant = "grant"
    /// The scopes an install asks the merchant to approve.
    static let scopes = "scopes"
    static let webhookSecret = "webhook_secret"
    static let apiVersion = "api_version"
    static let lookback = "lookback"
    static let pageSize = "page_size"
    static let bucketSize = "bucket_size"
    static let leakRate = "leak_rate"
    static let requestTimeout = "request_timeout"
    static let loyalty = "loyalty"
    static let caFile = "ca_file"
    static let bulkBackfill = "bulk_backfill"
    /// Read by the adapter but not in the schema, so the config refuses them
    /// today; settable only where settings are built in code.
    static let currency = "currency"
    /// See ``currency``.
    static let metaNamespace = "meta_namespace"

    /// The keys inside `loyalty = { … }`; the adapter reads them flattened
    /// (`loyalty.namespace`).
    enum Loyalty {
        static let source = "source"
        static let namespace = "namespace"
        static let key = "key"
        static let expiryKey = "expiry_key"
        static let tierKey = "tier_key"
        static let currency = "currency"
        static let creditExpiry = "credit_expiry"
        /// Read by the adapter, not in the schema (see ``ShopifySettingKey/currency``).
        static let pointsExpiringKey = "points_expiring_key"
        /// An older spelling of ``pointsExpiringKey``.
        static let expiringKey = "expiring_key"
    }

    /// The values `grant` takes: the client credentials grant (the app's
    /// own organization's shops, the default) or a merchant's install
    /// through the authorization-code grant (any other shop).
    enum Grant: String, CaseIterable {
        case clientCredentials = "client_credentials"
        case authorizationCode = "authorization_code"
    }

    /// The values `loyalty.source` takes, in the order messages list them.
    enum LoyaltySource: String, CaseIterable {
        case metafield = "shopify_metafield"
        case storeCredit = "shopify_store_credit"
        case none
    }
}
