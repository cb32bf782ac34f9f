public import AftercartConnector
import AftercartModel
import Foundation

extension WooCommerceConnector {
    /// `platform = "woocommerce"`: builds the adapter from a store's config
    /// over the process's shared HTTP client.
    public static let registration = PlatformRegistration(settingsSchema: settingsSchema) { settings, environment in
        let storeSettings = try WooCommerceStoreSettings(settings)
        var configuration = transportConfiguration(for: storeSettings)
        configuration.trust = try environment.trust(
            caFile: settings.string(WooCommerceSettingKey.caFile), store: settings.store)
        let transport = HTTPTransport(
            client: environment.client, configuration: configuration,
            authorizer: authorizer(for: storeSettings, clock: environment.clock), logger: environment.logger,
            clock: environment.clock)
        var connector = WooCommerceConnector(
            settings: storeSettings, transport: transport, logger: environment.logger, clock: environment.clock)
        connector.trackingService = try makeTrackingService(
            settings, environment: environment, trust: configuration.trust)
        connector.trackingWebhookSecret = settings.secrets[WooCommerceSettingKey.trackingWebhookSecret]
        return connector
    }

    /// `tracking_service`: the carrier-tracking service that follows the
    /// store's tracking numbers, or `nil` when none is configured.
    static func makeTrackingService(
        _ settings: ConnectorSettings, environment: ConnectorEnvironment, trust: TransportTrust
    ) throws(ConnectorSetupError) -> (any TrackingService)? {
        typealias Key = WooCommerceSettingKey
        guard let name = settings.string(Key.trackingService) else { return nil }
        switch Key.TrackingService(rawValue: name) {
        case .aftership:
            let transport = AfterShipTrackingService.transport(
                store: settings.store, apiKey: try settings.requiredSecret(Key.trackingAPIKey),
                environment: environment, trust: trust)
            return AfterShipTrackingService(
                baseURL: settings.string(Key.trackingServiceURL) ?? AfterShipTrackingService.defaultURL,
                transport: transport, clock: environment.clock)
        case nil:
            throw ConnectorSetupError(store: settings.store, message: "tracking_service \"\(name)\" is not known")
        }
    }
}

extension WooCommerceStoreSettings {
    /// Reads the config keys of `platform = "woocommerce"`, as
    /// ``WooCommerceConnector/settingsSchema`` declares them.
    public init(_ settings: ConnectorSettings) throws(ConnectorSetupError) {
        typealias Key = WooCommerceSettingKey
        guard let baseURL = settings.string(Key.baseURL) else {
            throw ConnectorSetupError(store: settings.store, message: "base_url is not set")
        }
        let authentication: Authentication
        switch Key.Auth(rawValue: settings.string(Key.auth) ?? "") ?? .auto {
        case .basic: authentication = .basic
        case .query: authentication = .queryString
        case .oauth1: authentication = .oauth(.hmacSHA256)
        case .auto: authentication = .automatic
        }
        var mapping = WooCommerceOrderMappingOptions()
        mapping.siteTimeZone = settings.timeZone
        mapping.consent = WooCommerceConsentPolicy(
            metaKey: settings.string(Key.consentMetaKey),
            storeWide: settings.string(Key.marketingConsent).flatMap(WooCommerceConsentPolicy.StoreWide.init(rawValue:))
                ?? .unknown)
        if let delivered = settings.string(Key.deliveredStatus) {
            mapping.customStatuses[delivered] = .delivered
        }
        if let statusKey = settings.string(Key.trackingStatusMetaKey),
            !mapping.trackingStatusMetaKeys.contains(statusKey)
        {
            mapping.trackingStatusMetaKeys.insert(statusKey, at: 0)
        }
        if let trackingKey = settings.string(Key.trackingMetaKey), !mapping.trackingMetaKeys.contains(trackingKey) {
            mapping.trackingMetaKeys.insert(trackingKey, at: 0)
        }
        func loyaltyKey(_ key: String) -> String? { settings.string("\(Key.loyalty).\(key)") }
        let loyalty: LoyaltySource
        switch loyaltyKey(Key.Loyalty.source).flatMap(Key.LoyaltySource.init(rawValue:)) {
        case .customerMeta:
            guard let points = loyaltyKey(Key.Loyalty.pointsKey) else {
                throw ConnectorSetupError(
                    store: settings.store, message: "loyalty source customer_meta needs points_key")
            }
            loyalty = .customerMeta(
                WooCommerceLoyaltyMetaKeys(
                    points: points, pointsExpiring: loyaltyKey(Key.Loyalty.pointsExpiringKey),
                    expiresAt: loyaltyKey(Key.Loyalty.expiryKey), tier: loyaltyKey(Key.Loyalty.tierKey)))
        case .advancedCoupons: loyalty = .advancedCoupons
        case .none?, nil: loyalty = .none
        }
        self.init(
            store: settings.store, baseURL: baseURL, consumerKey: try settings.requiredSecret(Key.consumerKey),
            consumerSecret: try settings.requiredSecret(Key.consumerSecret), authentication: authentication,
            homeURL: settings.string(Key.homeURL), orderMapping: mapping, loyalty: loyalty,
            lookback: settings.seconds(Key.lookback) ?? 300,
            pageSize: settings.integer(Key.pageSize) ?? WooCommerceEndpoints.perPage,
            requestTimeout: settings.seconds(Key.requestTimeout).map { .milliseconds(Int64(($0 * 1_000).rounded())) })
    }
}
