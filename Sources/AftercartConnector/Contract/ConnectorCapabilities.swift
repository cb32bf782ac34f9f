public import AftercartModel

/// What an adapter can do, as configured for one store, so the engine,
/// `aftercart check` and the conformance kit skip what it lacks instead of
/// failing on it.
public struct ConnectorCapabilities: Sendable, Hashable, Codable {
    /// Resources ``StoreConnector/read(_:since:)`` can page through.
    public var readable: Set<ResourceKind>
    /// Resources whose reads honour ``SyncCursor/updatedAfter`` on the server.
    /// The others are full scans every time (WooCommerce customers have no
    /// modified filter), which the engine may schedule less often.
    public var incremental: Set<ResourceKind>
    /// Writes the adapter performs.
    public var writes: Writes
    /// Loyalty support, which depends on the configured balance source.
    public var loyalty: Loyalty
    /// How the adapter learns that a parcel arrived.
    public var deliveredSignal: DeliveredSignal
    /// Whether the platform pushes change notifications the server can verify.
    public var webhooks: Bool
    /// How the store itself gets a message to a customer (the `store`
    /// delivery channel).
    public var storeMessaging: StoreMessaging

    public init(
        readable: Set<ResourceKind>, incremental: Set<ResourceKind>, writes: Writes, loyalty: Loyalty,
        deliveredSignal: DeliveredSignal, webhooks: Bool, storeMessaging: StoreMessaging = .none
    ) {
        self.readable = readable
        self.incremental = incremental
        self.writes = writes
        self.loyalty = loyalty
        self.deliveredSignal = deliveredSignal
        self.webhooks = webhooks
        self.storeMessaging = storeMessaging
    }

    /// Nothing at all; a starting point for adapters that build theirs up.
    public static let none = ConnectorCapabilities(
        readable: [], incremental: [], writes: [], loyalty: [], deliveredSignal: .none, webhooks: false)

    /// The writes a store accepts from Aftercart.
    public struct Writes: OptionSet, Sendable, Hashable, Codable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }

        public static let createCoupon = Writes(rawValue: 1 << 0)
        public static let findCoupon = Writes(rawValue: 1 << 1)
        public static let orderNotes = Writes(rawValue: 1 << 2)
        public static let customerTags = Writes(rawValue: 1 << 3)
        public static let customerMeta = Writes(rawValue: 1 << 4)
        /// ``StoreConnector/withdrawMarketingConsent(email:at:)``.
        public static let marketingConsent = Writes(rawValue: 1 << 5)
    }

    /// Loyalty support, per configured source.
    public struct Loyalty: OptionSet, Sendable, Hashable, Codable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }

        public static let read = Loyalty(rawValue: 1 << 0)
        public static let write = Loyalty(rawValue: 1 << 1)
        /// The source says which points lapse and when.
        public static let expiry = Loyalty(rawValue: 1 << 2)
    }

    /// Where "delivered" comes from, for the `delivered` trigger (config/README.md).
    public enum DeliveredSignal: String, Sendable, Hashable, Codable {
        /// The carrier's status on the shipment (Shopify `shipment_status`,
        /// a WooCommerce tracking plugin).
        case carrierStatus = "carrier_status"
        /// A custom order status such as WooCommerce `delivered`.
        case orderStatus = "order_status"
        /// Never said; the engine uses shipped + the delivery estimate.
        case none
    }

    /// How a message reaches a customer through the store itself.
    public enum StoreMessaging: String, Sendable, Hashable, Codable {
        /// A customer-visible note on the message's order, which the store
        /// emails to the buyer with its own template.
        case customerOrderNote = "customer_order_note"
        /// Tags and meta on the customer, which the merchant's own
        /// automation (a flow, an email app) turns into a message.
        case customerTags = "customer_tags"
        /// The store cannot deliver messages.
        case none
    }

    /// One line per capability, for `aftercart check`.
    public var summary: [String] {
        func names(_ set: Set<ResourceKind>) -> String {
            set.isEmpty ? "none" : ResourceKind.allCases.filter(set.contains).map(\.rawValue).joined(separator: ", ")
        }
        var writeNames: [String] = []
        if writes.contains(.createCoupon) { writeNames.append("create coupons") }
        if writes.contains(.findCoupon) { writeNames.append("find coupons") }
        if writes.contains(.orderNotes) { writeNames.append("order notes") }
        if writes.contains(.customerTags) { writeNames.append("customer tags") }
        if writes.contains(.customerMeta) { writeNames.append("customer meta") }
        if writes.contains(.marketingConsent) { writeNames.append("marketing consent") }
        var loyaltyNames: [String] = []
        if loyalty.contains(.read) { loyaltyNames.append("read") }
        if loyalty.contains(.write) { loyaltyNames.append("write") }
        if loyalty.contains(.expiry) { loyaltyNames.append("expiry") }
        return [
            "reads: \(names(readable))",
            "incremental: \(names(incremental))",
            "writes: \(writeNames.isEmpty ? "none" : writeNames.joined(separator: ", "))",
            "loyalty: \(loyaltyNames.isEmpty ? "none" : loyaltyNames.joined(separator: ", "))",
            "delivered signal: \(deliveredSignal.rawValue)",
            "webhooks: \(webhooks ? "yes" : "no")",
        ]
    }
}
