/// The config keys of a `[[stores]]` entry for WooCommerce, named once for
/// the schema the config validates against (``WooCommerceConnector/settingsSchema``)
/// and for the reader that turns them into ``WooCommerceStoreSettings``.
enum WooCommerceSettingKey {
    static let baseURL = "base_url"
    static let consumerKey = "consumer_key"
    static let consumerSecret = "consumer_secret"
    static let auth = "auth"
    static let webhookSecret = "webhook_secret"
    static let consentMetaKey = "consent_meta_key"
    static let marketingConsent = "marketing_consent"
    static let deliveredStatus = "delivered_status"
    static let trackingMetaKey = "tracking_meta_key"
    static let trackingStatusMetaKey = "tracking_status_meta_key"
    static let homeURL = "home_url"
    static let lookback = "lookback"
    static let pageSize = "page_size"
    static let requestTimeout = "request_timeout"
    static let loyalty = "loyalty"
    static let caFile = "ca_file"
    static let trackingService = "tracking_service"
    static let trackingServiceURL = "tracking_service_url"
    static let trackingAPIKey = "tracking_api_key"
    static let trackingWebhookSecret = "tracking_webhook_secret"

    /// The values `tracking_service` takes.
    enum TrackingService: String, CaseIterable {
        case aftership
    }

    /// The keys inside `loyalty = { … }`; the adapter reads them flattened
    /// (`loyalty.points_key`).
    enum Loyalty {
        static let source = "source"
        static let pointsKey = "points_key"
        static let pointsExpiringKey = "points_expiring_key"
        static let expiryKey = "expiry_key"
        static let tierKey = "tier_key"
    }

    /// The values `auth` takes, in the order messages list them.
    enum Auth: String, CaseIterable {
        case auto, basic, oauth1, query
    }

    /// The values `loyalty.source` takes, in the order messages list them.
    enum LoyaltySource: String, CaseIterable {
        case customerMeta = "customer_meta"
        case advancedCoupons = "advanced_coupons"
        case none
    }
}
