public import AftercartConnector
import AftercartModel
import Foundation

extension WooCommerceConnector {
    /// `platform = "woocommerce"`: builds the adapter from a store's config
    /// over the process's shared HTTP client.
    public static let registration = PlatformRegistration(platform: "woocommerce") { settings, environment in
        let storeSettings = try WooCommerceStoreSettings(settings)
        let transport = HTTPTransport(
            client: environment.client, configuration: transportConfiguration(for: storeSettings),
            authorizer: authorizer(for: storeSettings, clock: environment.clock), logger: environment.logger,
            clock: environment.clock)
        return WooCommerceConnector(
            settings: storeSettings, transport: transport, logger: environment.logger, clock: environment.clock)
    }
}

extension WooCommerceStoreSettings {
    /// Reads the config keys of `platform = "woocommerce"` (config/README.md).
    public init(_ settings: ConnectorSettings) throws(ConnectorSetupError) {
        guard let baseURL = settings.string("base_url") else {
            throw ConnectorSetupError(store: settings.store, message: "base_url is not set")
        }
        let authentication: Authentication
        switch settings.string("auth") ?? "auto" {
        case "basic": authentication = .basic
        case "query": authentication = .queryString
        case "oauth1": authentication = .oauth(.hmacSHA256)
        default: authentication = .automatic
        }
        var mapping = WooCommerceOrderMappingOptions()
        mapping.siteTimeZone = settings.timeZone
        mapping.consent = WooCommerceConsentPolicy(
            metaKey: settings.string("consent_meta_key"),
            storeWide: settings.string("marketing_consent").flatMap(WooCommerceConsentPolicy.StoreWide.init(rawValue:))
                ?? .unknown)
        if let delivered = settings.string("delivered_status") {
            mapping.customStatuses[delivered] = .delivered
        }
        if let trackingKey = settings.string("tracking_meta_key"), !mapping.trackingMetaKeys.contains(trackingKey) {
            mapping.trackingMetaKeys.insert(trackingKey, at: 0)
        }
        let loyalty: LoyaltySource
        switch settings.string("loyalty.source") {
        case "customer_meta":
            guard let points = settings.string("loyalty.points_key") else {
                throw ConnectorSetupError(
                    store: settings.store, message: "loyalty source customer_meta needs points_key")
            }
            loyalty = .customerMeta(
                WooCommerceLoyaltyMetaKeys(
                    points: points, pointsExpiring: settings.string("loyalty.points_expiring_key"),
                    expiresAt: settings.string("loyalty.expiry_key"), tier: settings.string("loyalty.tier_key")))
        case "advanced_coupons": loyalty = .advancedCoupons
        default: loyalty = .none
        }
        self.init(
            store: settings.store, baseURL: baseURL, consumerKey: try settings.requiredSecret("consumer_key"),
            consumerSecret: try settings.requiredSecret("consumer_secret"), authentication: authentication,
            homeURL: settings.string("home_url"), orderMapping: mapping, loyalty: loyalty,
            lookback: settings.seconds("lookback") ?? 300)
    }
}
