public import AftercartConnector
public import AftercartModel
public import Foundation

/// Everything the Shopify adapter needs to know about one store, as the
/// config (`[[stores]]`, platform `shopify`) describes it.
public struct ShopifyStoreSettings: Sendable {
    /// Where loyalty balances live on this store (Shopify has no points API:
    /// customer metafields or native store credit).
    public enum LoyaltySource: Sendable, Hashable {
        case none
        /// Customer metafields written by a loyalty app or by Aftercart.
        case metafield(ShopifyLoyaltyMetafields)
        /// Shopify's native store credit (GraphQL Admin API only).
        case storeCredit(ShopifyStoreCreditSettings)
    }

    /// The API version used when the config names none: a stable version
    /// well inside Shopify's support window (each is served for at least
    /// twelve months after its release).
    public static let defaultAPIVersion = "2026-07"

    public var store: StoreID
    /// `https://{shop}` or a configured `base_url`, without a trailing slash.
    public var baseURL: String
    /// `YYYY-MM`: every path is `/admin/api/{apiVersion}/…`.
    public var apiVersion: String
    /// How Aftercart authenticates: a static token or an app's client credentials.
    public var credential: ShopifyCredential
    /// The shop's host as Shopify names it in an install (`osaka.myshopify.com`):
    /// the configured `shop`, else the host (and port) of ``baseURL``.
    public var shopDomain: String
    /// The app's client secret, which signs webhooks; `nil` when not
    /// configured (then the client secret of ``credential``, if any).
    public var webhookSecret: Secret?
    /// How far before the stored cursor an incremental read starts, so a
    /// record changed while the previous run paged is not missed.
    public var lookback: TimeInterval
    /// Records per page; Shopify allows 1…250.
    public var pageSize: Int
    public var loyalty: LoyaltySource
    /// The shop's currency, for price rules (they carry none). `nil`: read
    /// from `shop.json` when first needed.
    public var currency: Currency?
    /// How long after shipping a parcel counts as delivered when the
    /// carrier never says; carried for the engine, not used in mapping.
    public var deliveryEstimate: TimeInterval
    /// Leaky bucket size of the store's plan (40 on standard plans).
    public var bucketSize: Int
    /// Leak rate of the store's plan in requests per second (2 standard,
    /// 4 Advanced, 20 Plus).
    public var leakRate: Double
    /// Whether `leak_rate` was configured; if not, the rate follows the
    /// bucket size the shop reports (every plan leaks a twentieth of it per second).
    public var leakRateIsConfigured = true
    /// The metafield namespace ``ShopifyConnector/annotateCustomer(customerID:tags:meta:)``
    /// writes plain meta keys into.
    public var metaNamespace: String
    /// How long one request may take before it is retried (`request_timeout`);
    /// `nil` keeps the transport's 40 s.
    public var requestTimeout: Duration?
    /// Whether a read from the beginning (first sync, `sync --full`) of orders, customers
    /// and metafield loyalty runs one GraphQL bulk query instead of REST pages.
    public var bulkBackfill = true

    public init(
        store: StoreID, baseURL: String, apiVersion: String = ShopifyStoreSettings.defaultAPIVersion,
        credential: ShopifyCredential, webhookSecret: Secret? = nil, lookback: TimeInterval = 300, pageSize: Int = 250,
        loyalty: LoyaltySource = .none, currency: Currency? = nil, deliveryEstimate: TimeInterval = 5 * 86_400,
        bucketSize: Int = 40, leakRate: Double = 2, metaNamespace: String = "aftercart"
    ) {
        var base = baseURL
        while base.hasSuffix("/") { base.removeLast() }
        self.store = store
        self.baseURL = base
        self.apiVersion = apiVersion
        self.credential = credential
        let parsed = URL(string: base)
        self.shopDomain = (parsed?.host ?? base) + (parsed?.port.map { ":\($0)" } ?? "")
        self.webhookSecret = webhookSecret ?? credential.clientSecret
        self.lookback = max(lookback, 0)
        self.pageSize = min(max(pageSize, 1), 250)
        self.loyalty = loyalty
        self.currency = currency
        self.deliveryEstimate = deliveryEstimate
        self.bucketSize = max(bucketSize, 1)
        self.leakRate = leakRate > 0 ? leakRate : 2
        self.metaNamespace = metaNamespace
    }

    /// Shopify's REST plans leak a twentieth of their bucket per second
    /// (40/2 standard, 80/4 Advanced, 400/20 Plus).
    public static let leakPerBucketSize = 1.0 / 20

    /// Reads a store's flattened config, the keys ``ShopifyConnector/settingsSchema``
    /// declares (``ShopifySettingKey``).
    ///
    /// Keys: `shop` or `base_url`, `api_version`, `access_token` (secret) or
    /// `client_id` with `client_secret` (secret), `webhook_secret` (secret), `lookback` (seconds), `page_size`,
    /// `currency`, `bucket_size`, `leak_rate`, `meta_namespace`, and
    /// `loyalty.source` (`shopify_metafield` with `loyalty.namespace`,
    /// `loyalty.key`, optional `loyalty.tier_key`, `loyalty.expiry_key`,
    /// `loyalty.points_expiring_key` (alias `loyalty.expiring_key`); `shopify_store_credit`
    /// with optional `loyalty.currency` and `loyalty.credit_expiry` (seconds); or `none`).
    public init(_ settings: ConnectorSettings) throws(ConnectorSetupError) {
        typealias Key = ShopifySettingKey
        func loyaltyKey(_ key: String) -> String? { settings.string("\(Key.loyalty).\(key)") }
        let store = settings.store
        let base: String
        if let url = settings.string(Key.baseURL) {
            base = url
        } else if let shop = settings.string(Key.shop) {
            base = shop.contains("://") ? shop : "https://" + shop
        } else {
            throw ConnectorSetupError(store: store, message: "set shop (osaka.myshopify.com) or base_url")
        }
        guard let parsed = URL(string: base), let scheme = parsed.scheme?.lowercased(),
            ["http", "https"].contains(scheme),
            parsed.host != nil
        else {
            throw ConnectorSetupError(store: store, message: "base_url \"\(base)\" is not an http(s) URL")
        }
        var loyalty = LoyaltySource.none
        switch loyaltyKey(Key.Loyalty.source) {
        case nil, Key.LoyaltySource.none.rawValue:
            break
        case Key.LoyaltySource.metafield.rawValue:
            guard let namespace = loyaltyKey(Key.Loyalty.namespace), let key = loyaltyKey(Key.Loyalty.key) else {
                throw ConnectorSetupError(
                    store: store, message: "loyalty source shopify_metafield needs loyalty.namespace and loyalty.key")
            }
            loyalty = .metafield(
                ShopifyLoyaltyMetafields(
                    namespace: namespace, pointsKey: key, tierKey: loyaltyKey(Key.Loyalty.tierKey),
                    expiresAtKey: loyaltyKey(Key.Loyalty.expiryKey),
                    expiringKey: loyaltyKey(Key.Loyalty.pointsExpiringKey) ?? loyaltyKey(Key.Loyalty.expiringKey)))
        case Key.LoyaltySource.storeCredit.rawValue:
            var credit = ShopifyStoreCreditSettings()
            if let code = loyaltyKey(Key.Loyalty.currency) {
                guard let parsed = Currency(code: code) else {
                    throw ConnectorSetupError(
                        store: store, message: "loyalty.currency \"\(code)\" is not an ISO 4217 code")
                }
                credit.currency = parsed
            }
            if let text = loyaltyKey(Key.Loyalty.creditExpiry) {
                guard let seconds = TimeInterval(text), seconds > 0 else {
                    throw ConnectorSetupError(
                        store: store, message: "loyalty.credit_expiry \"\(text)\" is not a positive duration")
                }
                credit.creditLifetime = seconds
            }
            loyalty = .storeCredit(credit)
        case let other?:
            throw ConnectorSetupError(
                store: store,
                message:
                    "loyalty source \"\(other)\" is not supported by the Shopify adapter; use shopify_metafield, shopify_store_credit or none"
            )
        }
        let currency: Currency?
        if let code = settings.string(Key.currency) {
            guard let parsedCurrency = Currency(code: code) else {
                throw ConnectorSetupError(store: store, message: "currency \"\(code)\" is not an ISO 4217 code")
            }
            currency = parsedCurrency
        } else {
            currency = nil
        }
        self.init(
            store: store, baseURL: base, apiVersion: settings.string(Key.apiVersion) ?? Self.defaultAPIVersion,
            credential: try Self.credential(settings, loyalty: loyalty),
            webhookSecret: settings.secrets[Key.webhookSecret].flatMap { $0.isEmpty ? nil : $0 },
            lookback: settings.seconds(Key.lookback) ?? 300, pageSize: settings.integer(Key.pageSize) ?? 250,
            loyalty: loyalty, currency: currency, deliveryEstimate: settings.deliveryEstimate,
            bucketSize: settings.integer(Key.bucketSize) ?? 40,
            leakRate: settings.string(Key.leakRate).flatMap { Double($0) }
                ?? Double(settings.integer(Key.bucketSize) ?? 40) * Self.leakPerBucketSize,
            metaNamespace: settings.string(Key.metaNamespace) ?? "aftercart")
        leakRateIsConfigured = settings.string(Key.leakRate) != nil
        if let shop = settings.string(Key.shop), !shop.contains("://") { shopDomain = shop.lowercased() }
        requestTimeout = settings.seconds(Key.requestTimeout).map { .milliseconds(Int64(($0 * 1_000).rounded())) }
        bulkBackfill = settings.bool(Key.bulkBackfill) ?? true
    }

    /// The static token when set, else the client id and secret.
    private static func credential(_ settings: ConnectorSettings, loyalty: LoyaltySource) throws(ConnectorSetupError)
        -> ShopifyCredential
    {
        typealias Key = ShopifySettingKey
        if let token = settings.secrets[Key.accessToken], !token.isEmpty { return .accessToken(token) }
        guard let clientID = settings.string(Key.clientID), let secret = settings.secrets[Key.clientSecret],
            !secret.isEmpty
        else {
            throw ConnectorSetupError(
                store: settings.store,
                message: "set access_token, or client_id and client_secret of a Dev Dashboard app installed on the shop"
            )
        }
        switch settings.string(Key.grant) {
        case nil, Key.Grant.clientCredentials.rawValue:
            return .clientCredentials(clientID: clientID, clientSecret: secret)
        case Key.Grant.authorizationCode.rawValue:
            let listed = (settings.string(Key.scopes) ?? "").split(separator: ",").map {
                $0.trimmingCharacters(in: .whitespaces)
            }.filter { !$0.isEmpty }
            return .authorizationCode(
                clientID: clientID, clientSecret: secret,
                scopes: listed.isEmpty ? ShopifyAccessScopes.requested(loyalty: loyalty) : listed)
        case let other?:
            throw ConnectorSetupError(
                store: settings.store,
                message: "grant \"\(other)\" is not known; use client_credentials or authorization_code")
        }
    }

    /// Whether coupons are created with GraphQL `discountCodeBasicCreate` and
    /// its `context` (API 2025-10 and later, `unstable` included); a store
    /// pinned to an older version keeps REST price rules.
    public var createsDiscountsThroughGraphQL: Bool { apiVersion == "unstable" || apiVersion >= "2025-10" }

    /// `{baseURL}/admin/api/{apiVersion}`.
    public var apiBaseURL: String { baseURL + "/admin/api/" + apiVersion }
}

/// The customer metafields that hold a loyalty balance, all in one namespace.
public struct ShopifyLoyaltyMetafields: Sendable, Hashable {
    public var namespace: String
    /// The key whose value is the points balance (an integer).
    public var pointsKey: String
    /// The key holding the tier name, if any.
    public var tierKey: String?
    /// The key holding when points lapse (ISO 8601), if any.
    public var expiresAtKey: String?
    /// The key holding how many points lapse then, if any.
    public var expiringKey: String?

    public init(
        namespace: String, pointsKey: String, tierKey: String? = nil, expiresAtKey: String? = nil,
        expiringKey: String? = nil
    ) {
        self.namespace = namespace
        self.pointsKey = pointsKey
        self.tierKey = tierKey
        self.expiresAtKey = expiresAtKey
        self.expiringKey = expiringKey
    }
}

/// How store credit stands in for loyalty points (source `shopify_store_credit`).
///
/// Points are the balance in the currency's minor unit (cents; yen for JPY), so a balance
/// maps to whole points without rounding and ``ShopifyConnector/adjustLoyalty(customerID:points:reason:)``
/// credits exactly what it is asked to.
public struct ShopifyStoreCreditSettings: Sendable, Hashable {
    /// The account currency read and credited; `nil`: the shop's currency.
    public var currency: Currency?
    /// How long a credit made by Aftercart lasts (`expiresAt` = now + this); `nil`: never expires.
    public var creditLifetime: TimeInterval?

    public init(currency: Currency? = nil, creditLifetime: TimeInterval? = nil) {
        self.currency = currency
        self.creditLifetime = creditLifetime
    }
}
