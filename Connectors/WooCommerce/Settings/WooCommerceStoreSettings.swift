public import AftercartModel
public import Foundation

/// Everything the WooCommerce adapter needs to know about one store, as
/// the config (`[[stores]]`, platform `woocommerce`) describes it.
public struct WooCommerceStoreSettings: Sendable {
    /// How requests prove the consumer key.
    public enum Authentication: Sendable, Hashable {
        /// Basic auth over HTTPS, OAuth 1.0a over plain HTTP (where
        /// WooCommerce silently ignores Basic auth; WooCommerce REST API docs, "Authentication").
        case automatic
        /// HTTP Basic: key as user, secret as password. HTTPS only.
        case basic
        /// `?consumer_key=&consumer_secret=`, for servers that drop the
        /// `Authorization` header. HTTPS only.
        case queryString
        /// One-legged OAuth 1.0a, signed over ``WooCommerceStoreSettings/homeURL``.
        case oauth(WooCommerceOAuthSigner.SignatureMethod)
    }

    /// Where loyalty balances live on this store (WooCommerce core has no loyalty API).
    public enum LoyaltySource: Sendable, Hashable {
        case none
        /// Customer meta written by a points plugin.
        case customerMeta(WooCommerceLoyaltyMetaKeys)
        /// Advanced Coupons Loyalty Program's admin REST route.
        case advancedCoupons
    }

    public var store: StoreID
    /// The URL Aftercart calls, e.g. `https://shop.example.com`.
    public var baseURL: String
    /// The REST API key (`ck_…`).
    public var consumerKey: Secret
    /// The REST API secret (`cs_…`).
    public var consumerSecret: Secret
    /// How the key is presented; ``Authentication/automatic`` by default.
    public var authentication: Authentication
    /// WordPress's home URL, which OAuth signatures are computed over; it
    /// differs from ``baseURL`` behind proxies and port mappings. `nil`
    /// means ``baseURL``.
    public var homeURL: String?
    /// The store's currency, for coupons and customer totals (those records
    /// carry none). `nil`: asked from the store's settings when needed.
    public var currency: Currency?
    /// Custom statuses, tracking meta keys, consent and time zone for orders.
    public var orderMapping: WooCommerceOrderMappingOptions
    /// Where loyalty balances come from; `.none` makes loyalty unreadable.
    public var loyalty: LoyaltySource
    /// List ordering; see ``WooCommerceEndpoints``.
    public var ordering: WooCommerceEndpoints.Ordering
    /// How far before the stored cursor an incremental read starts, so a
    /// record changed while the previous run paged is not missed.
    public var lookback: TimeInterval
    /// Records changed before this are never read (config `start_date`).
    public var startDate: Date?
    /// Records per list page (config `page_size`, 1...100); a page that
    /// times out is read again in smaller pages by the SDK's pager.
    public var pageSize: Int
    /// How long the store may take to answer one request (config
    /// `request_timeout`); `nil` keeps the transport's 40 s.
    public var requestTimeout: Duration?

    public init(
        store: StoreID, baseURL: String, consumerKey: Secret, consumerSecret: Secret,
        authentication: Authentication = .automatic, homeURL: String? = nil, currency: Currency? = nil,
        orderMapping: WooCommerceOrderMappingOptions = WooCommerceOrderMappingOptions(), loyalty: LoyaltySource = .none,
        ordering: WooCommerceEndpoints.Ordering = .idAscending, lookback: TimeInterval = 300, startDate: Date? = nil,
        pageSize: Int = WooCommerceEndpoints.perPage, requestTimeout: Duration? = nil
    ) {
        self.store = store
        self.baseURL = baseURL
        self.consumerKey = consumerKey
        self.consumerSecret = consumerSecret
        self.authentication = authentication
        self.homeURL = homeURL
        self.currency = currency
        self.orderMapping = orderMapping
        self.loyalty = loyalty
        self.ordering = ordering
        self.lookback = lookback
        self.startDate = startDate
        self.pageSize = min(max(pageSize, 1), WooCommerceEndpoints.perPage)
        self.requestTimeout = requestTimeout
    }

    /// Marketing consent, shared by the order and customer mappers.
    public var consent: WooCommerceConsentPolicy {
        get { orderMapping.consent }
        set { orderMapping.consent = newValue }
    }

    /// Whether ``baseURL`` is plain HTTP.
    var isPlainHTTP: Bool { baseURL.lowercased().hasPrefix("http://") }
}
