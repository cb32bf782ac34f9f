import AftercartConfig
import AftercartModel
import Foundation

/// The store's public pages a message links to: product pages, review
/// forms and the tracking page, from URL patterns in the store's settings
/// (`product_url`, `review_url`, `tracking_url` with `{product_id}`,
/// `{order_id}`, `{order_number}`, `{order_key}`, `{tracking_number}`), else from the
/// store's address and the paths its platform's adapter declares
/// (``StoreConfiguration/links``).
struct StoreLinks: Sendable {
    var baseURL: String
    var productPattern: String
    var reviewPattern: String
    var trackingPattern: String
    /// Whether the merchant set `tracking_url`, which then wins over the
    /// carriers' own pages.
    var trackingPatternIsMerchants: Bool
    /// The store's locale, which picks a carrier page's language.
    var locale: String

    init(store: StoreConfiguration) {
        var base = store.baseURL?.absoluteString ?? store.settings.string("shop").map { "https://\($0)" } ?? ""
        while base.hasSuffix("/") { base.removeLast() }
        baseURL = base
        productPattern = store.settings.string("product_url") ?? base + store.links.productPath
        reviewPattern = store.settings.string("review_url") ?? productPattern + "#reviews"
        let merchantsTracking = store.settings.string("tracking_url")
        trackingPattern = merchantsTracking ?? base + store.links.orderTrackingPath
        trackingPatternIsMerchants = merchantsTracking != nil
        locale = store.locale
    }

    func product(_ productID: String) -> String {
        productPattern.replacingOccurrences(of: "{product_id}", with: Self.escape(productID))
    }

    func review(_ productID: String) -> String {
        reviewPattern.replacingOccurrences(of: "{product_id}", with: Self.escape(productID))
    }

    /// Where a customer follows their parcel: the tracking page the store
    /// gave for it; else the merchant's `tracking_url` pattern; else the
    /// carrier's public page for the number (``CarrierLinks``), because the
    /// platform's own order page shows no parcel; else that order page.
    /// A pattern that needs the order's access key (a page a guest opens
    /// without logging in) falls back to the store's home page when the
    /// order has none, rather than to a login page or a broken link.
    func tracking(order: Order) -> String {
        if let shipment = order.tracking.first {
            if let given = WebAddress.checked(shipment.url) { return given }
            if !trackingPatternIsMerchants, let page = CarrierLinks.trackingURL(for: shipment, locale: locale) {
                return page
            }
        }
        var pattern = trackingPattern
        if pattern.contains("{order_key}") {
            guard let key = order.accessKey, !key.isEmpty else { return baseURL + "/" }
            pattern = pattern.replacingOccurrences(of: "{order_key}", with: Self.escape(key))
        }
        return
            pattern
            .replacingOccurrences(of: "{order_id}", with: Self.escape(order.id))
            .replacingOccurrences(of: "{order_number}", with: Self.escape(order.number))
            .replacingOccurrences(of: "{tracking_number}", with: Self.escape(order.tracking.first?.number ?? ""))
    }

    private static func escape(_ value: String) -> String {
        value.addingPercentEncoding(
            withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "/?#&")))
            ?? value
    }
}
