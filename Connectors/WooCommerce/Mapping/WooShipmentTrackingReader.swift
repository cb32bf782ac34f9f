import AftercartModel
import Foundation

/// Reads tracking numbers from order meta. WooCommerce Shipment Tracking
/// and Advanced Shipment Tracking (AST) both keep them in
/// `_wc_shipment_tracking_items`: an array of
/// `{tracking_provider, custom_tracking_provider, custom_tracking_link,
/// tracking_number, date_shipped, tracking_id}`, where `date_shipped` is a
/// unix timestamp as a string. Either extension may add
/// `tracking_link`/`formatted_tracking_link` on some versions.
///
/// Tracking is plugin data of varying quality, so an item without a number
/// is ignored and an unreadable `date_shipped` leaves the date unknown
/// instead of failing the order.
struct WooShipmentTrackingReader: Sendable, Hashable {
    var metaKeys: [String]

    static let defaultMetaKeys = ["_wc_shipment_tracking_items"]

    struct Tracking: Sendable, Hashable {
        var shipments: [Shipment]
        /// The earliest shipping date among the items.
        var shippedAt: Date?
    }

    func read(_ meta: WooMetaData?) -> Tracking {
        var shipments: [Shipment] = []
        var shippedAt: Date?
        for key in metaKeys {
            guard let items = meta?.value(for: key)?.elements else { continue }
            for item in items {
                guard let number = text(item["tracking_number"]) else { continue }
                let carrier = text(item["custom_tracking_provider"]) ?? text(item["tracking_provider"])
                let url =
                    text(item["tracking_link"]) ?? text(item["custom_tracking_link"])
                    ?? text(item["formatted_tracking_link"])
                let shipment = Shipment(carrier: carrier, number: number, url: url)
                if !shipments.contains(shipment) { shipments.append(shipment) }
                if let date = item["date_shipped"].flatMap(Self.shippingDate),
                    shippedAt.map({ date < $0 }) ?? true
                {
                    shippedAt = date
                }
            }
        }
        return Tracking(shipments: shipments, shippedAt: shippedAt)
    }

    private func text(_ value: WooJSONValue?) -> String? {
        WooFieldReading.nonEmpty(value?.text)
    }

    /// A unix timestamp (`"1700000000"` or a number), an ISO 8601
    /// date-time, or a bare `YYYY-MM-DD` (what the REST route accepts),
    /// read as midnight UTC.
    static func shippingDate(_ value: WooJSONValue) -> Date? {
        guard let text = WooFieldReading.nonEmpty(value.text) else { return nil }
        if let seconds = Int64(text), seconds > 0 {
            return Date(timeIntervalSince1970: TimeInterval(seconds))
        }
        if let date = Timestamp.parse(text) { return date }
        if text.utf8.count == 10, let date = Timestamp.parse(text + "T00:00:00") { return date }
        return nil
    }
}
