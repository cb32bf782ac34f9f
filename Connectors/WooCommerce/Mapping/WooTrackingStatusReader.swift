import AftercartModel
import Foundation

/// Reads the carrier's stage of each parcel from order meta written by a
/// tracking service's WooCommerce plugin.
///
/// TrackShip (the tracking service behind Advanced Shipment Tracking)
/// keeps it in `shipment_status`: an array in the same order as the
/// `_wc_shipment_tracking_items` it belongs to, each entry
/// `{status, status_date, est_delivery_date, tracking_events, …}` with
/// `status_date` as `YYYY-MM-DD HH:MM:SS` in UTC and `est_delivery_date` as
/// `YYYY-MM-DD` (TrackShip for WooCommerce, its tracking webhook handler).
/// Statuses outside the table below (`unknown`, `pending_trackship`,
/// `carrier_unsupported`, `INVALID_TRACKING_NUM`, …) say nothing about
/// the parcel and are ignored, like an unreadable entry: plugin data never
/// fails an order.
struct WooTrackingStatusReader: Sendable, Hashable {
    var metaKeys: [String]

    static let defaultMetaKeys = ["shipment_status"]

    /// One parcel's last reported stage.
    struct Parcel: Sendable, Hashable {
        var status: ShipmentStatus
        var at: Date?
    }

    /// The order's stage across its parcels, and when it was reached.
    struct Summary: Sendable, Hashable {
        var status: ShipmentStatus
        /// When the latest of the parcels' stages that make up `status` was reported.
        var at: Date?
        /// When the last parcel was delivered, once every one has been.
        var deliveredAt: Date?
    }

    /// Each entry's stage, by position (`nil` where the entry says nothing).
    func parcels(_ meta: WooMetaData?) -> [Parcel?] {
        for key in metaKeys {
            guard let entries = meta?.value(for: key)?.elements else { continue }
            return entries.map { entry in
                guard let raw = WooFieldReading.nonEmpty(entry["status"]?.text),
                    let status = Self.stage(raw)
                else { return nil }
                return Parcel(status: status, at: entry["status_date"].flatMap(WooShipmentTrackingReader.shippingDate))
            }
        }
        return []
    }

    /// The order's stage: a problem with any parcel is the order's problem;
    /// otherwise the order is as far as its slowest parcel (it is delivered
    /// when every parcel is). Parcels without a stage count as in transit,
    /// as tracked parcels do without a service.
    func summary(_ meta: WooMetaData?, parcelCount: Int) -> Summary? {
        let reported = parcels(meta)
        guard reported.contains(where: { $0 != nil }) else { return nil }
        let count = max(parcelCount, reported.count)
        let all = (0..<count).map { index in
            (index < reported.count ? reported[index] : nil) ?? Parcel(status: .inTransit, at: nil)
        }
        if let failed = all.filter({ $0.status == .failure }).max(by: {
            ($0.at ?? .distantPast) < ($1.at ?? .distantPast)
        }) {
            return Summary(status: .failure, at: failed.at)
        }
        let slowest = all.map(\.status).min { ShipmentStatus.progress($0) < ShipmentStatus.progress($1) } ?? .inTransit
        let at = all.filter { $0.status == slowest }.compactMap(\.at).max()
        let deliveredAt = slowest == .delivered ? all.compactMap(\.at).max() : nil
        return Summary(status: slowest, at: at, deliveredAt: deliveredAt)
    }

    /// TrackShip's status names → the model's stages.
    static func stage(_ raw: String) -> ShipmentStatus? {
        switch raw.lowercased() {
        case "pre_transit", "label_created": .labelPrinted
        case "in_transit", "on_hold": .inTransit
        case "out_for_delivery", "available_for_pickup": .outForDelivery
        case "delivered": .delivered
        case "failure", "failed_attempt", "exception", "return_to_sender", "returned": .failure
        default: nil
        }
    }
}
