public import AftercartConfig
public import AftercartModel
public import Foundation

/// Everything one order's status page shows, already looked up: the shop
/// and its look, the order, when it should arrive, what to buy next, and
/// the moment the page describes. Rendering it reads nothing else.
public struct OrderPageContent: Sendable {
    /// The shop the order was placed in, as its customers know it.
    public struct Shop: Sendable, Hashable {
        /// The store's display name (`Kissa Tanaka`).
        public var name: String
        /// The locale its customers read (`ja-JP`, `en-US`).
        public var locale: String
        /// Where the shop is: every time on the page is in this zone.
        public var timeZone: TimeZone
        /// Logo, accent colour and support page.
        public var branding: StoreBranding
        /// The store's `contact` text (an address, a phone number), if any.
        public var contact: String?

        public init(
            name: String, locale: String, timeZone: TimeZone, branding: StoreBranding = StoreBranding(),
            contact: String? = nil
        ) {
            self.name = name
            self.locale = locale
            self.timeZone = timeZone
            self.branding = branding
            self.contact = contact
        }
    }

    /// A product offered below the order, priced as the customer would pay.
    public struct Product: Sendable, Hashable {
        public var name: String
        public var price: Money
        /// The product's page in the shop.
        public var url: String

        public init(name: String, price: Money, url: String) {
            self.name = name
            self.price = price
            self.url = url
        }
    }

    public var shop: Shop
    public var order: Order
    /// How long the store's parcels take to arrive (its `delivery_estimate`).
    public var deliveryEstimate: TimeInterval
    /// Products to offer; the page shows the first ``maximumRecommendations``.
    public var recommendations: [Product]
    /// The moment the page describes ("as of").
    public var now: Date

    /// The most products the page offers, so the order stays the page's subject.
    public static let maximumRecommendations = 4

    public init(
        shop: Shop, order: Order, deliveryEstimate: TimeInterval, recommendations: [Product] = [], now: Date
    ) {
        self.shop = shop
        self.order = order
        self.deliveryEstimate = deliveryEstimate
        self.recommendations = recommendations
        self.now = now
    }
}
