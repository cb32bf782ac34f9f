public import AftercartModel
public import Foundation

/// What a custom (plugin) order status means. Core WooCommerce has no
/// shipped or delivered status; tracking plugins such as AST add them.
public enum WooCommerceCustomOrderStatus: Sendable, Hashable {
    /// Handed to the carrier: completed, fulfilled, in transit.
    case shipped
    /// Part of the order handed to the carrier: processing, partial, in transit.
    case partiallyShipped
    /// Arrived: completed, fulfilled, delivered.
    case delivered
    /// Treated exactly like a core status (e.g. `awaiting-shipment` as processing).
    case same(as: OrderStatus)
}

/// Store-specific choices the order mapper needs.
public struct WooCommerceOrderMappingOptions: Sendable, Hashable {
    /// Custom statuses by their REST name (without `wc-`).
    public var customStatuses: [String: WooCommerceCustomOrderStatus]
    /// How to read marketing consent from order meta.
    public var consent: WooCommerceConsentPolicy
    /// Order meta keys that hold shipment tracking arrays.
    public var trackingMetaKeys: [String]
    /// Order meta keys where a tracking service's plugin keeps each
    /// parcel's carrier stage (TrackShip: `shipment_status`).
    public var trackingStatusMetaKeys: [String] = WooTrackingStatusReader.defaultMetaKeys
    /// The store's time zone, used only when a `_gmt` date is missing and
    /// the site-local one has to stand in.
    public var siteTimeZone: TimeZone

    public init(
        customStatuses: [String: WooCommerceCustomOrderStatus] = Self.defaultCustomStatuses,
        consent: WooCommerceConsentPolicy = .unknown,
        trackingMetaKeys: [String] = ["_wc_shipment_tracking_items"],
        siteTimeZone: TimeZone = .gmt
    ) {
        self.customStatuses = customStatuses
        self.consent = consent
        self.trackingMetaKeys = trackingMetaKeys
        self.siteTimeZone = siteTimeZone
    }

    /// The statuses AST and similar plugins add, under their usual names.
    public static let defaultCustomStatuses: [String: WooCommerceCustomOrderStatus] = [
        "shipped": .shipped,
        "partial-shipped": .partiallyShipped,
        "partially-shipped": .partiallyShipped,
        "delivered": .delivered,
    ]
}
