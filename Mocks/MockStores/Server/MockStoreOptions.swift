public import Foundation

/// Which emulator to start, with its options.
public enum MockStoreConfiguration: Sendable {
    case woocommerce(WooCommerceMockOptions)
    case shopify(ShopifyMockOptions)
}

/// The platform a ``MockStoreServer`` emulates.
public enum MockPlatform: String, Sendable, CaseIterable {
    case woocommerce
    case shopify
}

/// A store currency the generator supports (a store has exactly one).
public enum MockCurrency: String, Sendable, CaseIterable {
    case usd = "USD"
    case eur = "EUR"
    case jpy = "JPY"
}

/// Where the emulator POSTs signed webhooks when its data changes (loopback only).
public struct MockWebhookTarget: Sendable {
    /// Delivery URL; must point at 127.0.0.1 / localhost.
    public var url: String
    /// HMAC-SHA256 key for the signature header.
    public var secret: String

    public init(url: String, secret: String) {
        self.url = url
        self.secret = secret
    }
}

/// What both emulators generate. Counts left `nil` are derived from `orders`.
public struct MockDataOptions: Sendable {
    /// Number of orders (0 ... 1,000,000 and beyond; records are generated on demand).
    public var orders: Int
    /// Seed of the deterministic generator: the same seed gives byte-identical responses.
    public var seed: UInt64
    public var customers: Int?
    public var products: Int?
    public var coupons: Int?
    /// Product reviews (WooCommerce only).
    public var reviews: Int?
    /// Store currency; `nil` picks one from the seed.
    public var currency: MockCurrency?
    /// IANA zone of the store; `nil` follows the currency (Asia/Tokyo, Europe/Berlin, America/New_York).
    public var timeZone: String?
    /// Store clock at start. Data never depends on the wall clock, so runs are reproducible.
    public var clockStart: Date
    /// Names given to customers by index instead of generated ones (their
    /// orders, reviews and address follow), for a person no other record
    /// shares a name with.
    public var namedCustomers: [Int: MockPersonName] = [:]

    /// 2026-11-01T00:00:00Z.
    public static let defaultClockStart = Date(timeIntervalSince1970: 1_793_491_200)

    public init(
        orders: Int = 100, seed: UInt64 = 1, customers: Int? = nil, products: Int? = nil,
        coupons: Int? = nil, reviews: Int? = nil, currency: MockCurrency? = nil,
        timeZone: String? = nil, clockStart: Date = MockDataOptions.defaultClockStart
    ) {
        self.orders = orders
        self.seed = seed
        self.customers = customers
        self.products = products
        self.coupons = coupons
        self.reviews = reviews
        self.currency = currency
        self.timeZone = timeZone
        self.clockStart = clockStart
    }
}

/// Options of the WooCommerce emulator.
public struct WooCommerceMockOptions: Sendable {
    public var data: MockDataOptions
    /// Port on 127.0.0.1; 0 picks a free one.
    public var port: Int
    public var consumerKey: String
    public var consumerSecret: String
    /// WordPress home URL: the OAuth base-string URL and every `Link`/`_links` URL are built
    /// from it, not from the requested host (as real WordPress does). `nil` = the server's own URL.
    public var homeURL: String?
    /// Adds a custom `delivered` order status for delivered orders (as AST and similar plugins do).
    public var deliveredStatus: Bool
    /// Runs the TrackShip plugin: every tracked order carries the carrier's
    /// stage per parcel in `shipment_status` meta, as TrackShip writes it.
    public var trackShip = false
    public var storeName: String?
    public var faults: MockFaultPlan
    public var webhook: MockWebhookTarget?
    /// The settings a Japanese shop runs with, observed on a real store
    /// (api-facts §8.2–8.3): prices entered with tax included, site language.
    public var site: WooCommerceMockSite
    /// Big list pages answer late (a slow host); `nil`: every page at once.
    public var slowPages: MockSlowPages?
    /// What the consumer key may do, as its WooCommerce key settings say
    /// (api-facts §8.5): a read key's writes are refused with 401.
    public var keyPermission: MockKeyPermission

    public init(
        orders: Int = 100, seed: UInt64 = 1, data: MockDataOptions? = nil, port: Int = 0,
        consumerKey: String = "ck_mock_0123456789abcdef0123456789abcdef01234567",
        consumerSecret: String = "cs_mock_0123456789abcdef0123456789abcdef01234567",
        homeURL: String? = nil, deliveredStatus: Bool = false, storeName: String? = nil,
        faults: MockFaultPlan = .none, webhook: MockWebhookTarget? = nil, site: WooCommerceMockSite = .init(),
        slowPages: MockSlowPages? = nil, keyPermission: MockKeyPermission = .readWrite
    ) {
        self.data = data ?? MockDataOptions(orders: orders, seed: seed)
        self.port = port
        self.consumerKey = consumerKey
        self.consumerSecret = consumerSecret
        self.homeURL = homeURL
        self.deliveredStatus = deliveredStatus
        self.storeName = storeName
        self.faults = faults
        self.webhook = webhook
        self.keyPermission = keyPermission
        self.slowPages = slowPages
        self.site = site
    }
}

/// WordPress and WooCommerce settings of an emulated store that REST reports.
public struct WooCommerceMockSite: Sendable {
    /// The WordPress user who owns the REST key.
    public enum KeyOwner: String, Sendable {
        /// Sees customers' `meta_data` (unprefixed keys only).
        case administrator
        /// Gets customers without any `meta_data` field (api-facts §8.1).
        case shopManager = "shop_manager"
    }

    /// `woocommerce_prices_include_tax`: orders then say
    /// `prices_include_tax: true` and split coupon discounts into
    /// `discount_total` + `discount_tax`.
    public var pricesIncludeTax: Bool
    /// WordPress's locale (`get_locale()`), e.g. `ja` or `en_US`.
    public var language: String
    public var keyOwner: KeyOwner

    public init(pricesIncludeTax: Bool = false, language: String = "en_US", keyOwner: KeyOwner = .administrator) {
        self.pricesIncludeTax = pricesIncludeTax
        self.language = language
        self.keyOwner = keyOwner
    }
}

/// A WooCommerce REST key's permission, as chosen when the key is made.
public enum MockKeyPermission: String, Sendable, CaseIterable {
    case read
    case write
    case readWrite = "read_write"
}

/// Options of the Shopify emulator.
public struct ShopifyMockOptions: Sendable {
    public var data: MockDataOptions
    public var port: Int
    public var accessToken: String
    /// Shop domain reported in `shop.json` and webhook headers.
    public var shopDomain: String
    /// Leaky bucket size (Shopify standard: 40).
    public var bucketSize: Int
    /// Leak rate in requests per second (Shopify standard: 2); 0 disables rate limiting.
    public var leakRate: Double
    /// API version named in webhook headers (any version is served).
    public var apiVersion: String
    public var storeName: String?
    public var faults: MockFaultPlan
    public var webhook: MockWebhookTarget?
    /// Admin API scopes the token carries (`/admin/oauth/access_scopes.json`); `nil` grants
    /// every scope the emulator knows. A call needing a scope outside the list is refused.
    public var accessScopes: [String]?
    /// GraphQL cost bucket: `maximumAvailable` points (0 disables cost throttling).
    public var graphQLBucketSize: Int
    /// GraphQL points restored per second.
    public var graphQLRestoreRate: Double
    /// A Dev Dashboard app's client id and secret: with both set, the client
    /// credentials grant (`POST /admin/oauth/access_token`) issues tokens.
    public var clientID: String?
    /// See ``clientID``.
    public var clientSecret: String?
    /// Seconds an issued token lives (Shopify: 86399).
    public var tokenLifetime: Double
    /// Seconds an expiring offline token from an install lives (Shopify: 3600).
    public var offlineTokenLifetime: Double
    /// Seconds an install's refresh token lives (Shopify: 90 days).
    public var refreshTokenLifetime: Double
    /// The stable versions Shopify still serves, oldest first: a request
    /// naming an older one is answered as the oldest (its header says so).
    public var supportedAPIVersions: [String]

    public init(
        orders: Int = 100, seed: UInt64 = 1, data: MockDataOptions? = nil, port: Int = 0,
        accessToken: String = "shpat_mock_0123456789abcdef0123456789abcdef",
        shopDomain: String = "aftercart-mock.myshopify.com", bucketSize: Int = 40, leakRate: Double = 2,
        apiVersion: String = "2026-07", storeName: String? = nil,
        faults: MockFaultPlan = .none, webhook: MockWebhookTarget? = nil, accessScopes: [String]? = nil,
        graphQLBucketSize: Int = 2_000, graphQLRestoreRate: Double = 100, clientID: String? = nil,
        clientSecret: String? = nil, tokenLifetime: Double = 86_399,
        supportedAPIVersions: [String] = ["2026-01", "2026-04", "2026-07", "2026-10"],
        offlineTokenLifetime: Double = 3_600, refreshTokenLifetime: Double = 7_776_000
    ) {
        self.offlineTokenLifetime = offlineTokenLifetime
        self.refreshTokenLifetime = refreshTokenLifetime
        self.data = data ?? MockDataOptions(orders: orders, seed: seed)
        self.port = port
        self.accessToken = accessToken
        self.shopDomain = shopDomain
        self.bucketSize = bucketSize
        self.leakRate = leakRate
        self.apiVersion = apiVersion
        self.storeName = storeName
        self.faults = faults
        self.webhook = webhook
        self.accessScopes = accessScopes
        self.graphQLBucketSize = graphQLBucketSize
        self.graphQLRestoreRate = graphQLRestoreRate
        self.clientID = clientID
        self.clientSecret = clientSecret
        self.tokenLifetime = tokenLifetime
        self.supportedAPIVersions = supportedAPIVersions
    }
}

extension MockDataOptions {
    func makeProfile(storeName: String?) -> StoreProfile {
        StoreProfile(
            seed: seed, currency: currency.flatMap { StoreCurrency.named($0.rawValue) }, timeZone: timeZone,
            storeName: storeName, orders: orders, customers: customers, products: products,
            coupons: coupons, reviews: reviews, clockStart: Int64(clockStart.timeIntervalSince1970),
            namedCustomers: namedCustomers)
    }
}

/// A customer's name chosen by a test.
public struct MockPersonName: Sendable, Hashable {
    public var first: String
    public var last: String

    public init(first: String, last: String) {
        self.first = first
        self.last = last
    }
}
