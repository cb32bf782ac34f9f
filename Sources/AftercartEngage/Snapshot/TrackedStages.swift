import AftercartModel
import Foundation

/// Lays the stages tracking sources reported (``ShipmentEvent``s) over the
/// stored orders, so the shipment triggers and the review wait see them as
/// they see a status the store reports.
///
/// An order is only as far along as its slowest parcel: two parcels are
/// delivered when both are. A parcel in trouble makes the order's stage
/// `failure` until it is delivered. The overlay only moves an order
/// forward; a store that says more keeps its word.
enum TrackedStages {
    /// Where the parcels of one order stand.
    struct Stage: Equatable {
        var status: ShipmentStatus
        var at: Date
    }

    /// The stage of an order from its parcels' events; `nil` without events.
    static func stage(of events: some Sequence<ShipmentEvent>) -> Stage? {
        var latest: [String: ShipmentEvent] = [:]
        for event in events {
            if let kept = latest[event.trackingNumber],
                ShipmentStatus.progress(kept.stage) >= ShipmentStatus.progress(event.stage)
            {
                continue
            }
            latest[event.trackingNumber] = event
        }
        let parcels = latest.values
        if let trouble = parcels.filter({ $0.stage == .failure }).max(by: { $0.at < $1.at }) {
            return Stage(status: .failure, at: trouble.at)
        }
        guard let slowest = parcels.min(by: Self.behind) else { return nil }
        if slowest.stage == .delivered, let last = parcels.map(\.at).max() {
            return Stage(status: .delivered, at: last)
        }
        return Stage(status: slowest.stage, at: slowest.at)
    }

    /// Whether `a` is further behind than `b`; the earlier event between equals.
    private static func behind(_ a: ShipmentEvent, _ b: ShipmentEvent) -> Bool {
        let (pa, pb) = (ShipmentStatus.progress(a.stage), ShipmentStatus.progress(b.stage))
        return pa != pb ? pa < pb : a.at < b.at
    }

    /// Applies `events` to `orders` (matched by order id).
    static func apply(_ events: [ShipmentEvent], to orders: inout [PlanningOrder]) {
        guard !events.isEmpty else { return }
        let byOrder = Dictionary(grouping: events, by: \.orderID)
        for index in orders.indices {
            guard let reported = byOrder[orders[index].id], let stage = stage(of: reported) else { continue }
            var lifecycle = orders[index].lifecycle
            // A source reports stages: wait for its "delivered" rather than the estimate.
            lifecycle.carrierReports = true
            if ShipmentStatus.progress(stage.status) > ShipmentStatus.progress(lifecycle.shipmentStatus) {
                lifecycle.shipmentStatus = stage.status
                lifecycle.updatedAt = stage.at
                if stage.status == .delivered { lifecycle.deliveredAt = stage.at }
                if lifecycle.shippedAt == nil { lifecycle.shippedAt = reported.map(\.at).min() }
            }
            orders[index].lifecycle = lifecycle
        }
    }
}
