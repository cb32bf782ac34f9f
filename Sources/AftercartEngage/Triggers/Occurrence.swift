import AftercartConfig
import AftercartModel
import Foundation

/// One firing of a campaign's trigger for one subject, before conditions
/// and suppression.
struct Occurrence: Sendable {
    var campaign: CampaignConfiguration
    var subjectKind: ResourceKind
    var subjectID: String
    /// What makes this firing distinct for its subject: a shipment status,
    /// a tier move, an expiry date. Part of every idempotency key.
    var step: String
    /// When the trigger happened; the message is due `delay` later.
    var at: Date
    var person: Person
    /// The order the firing is about, as the planner scans it.
    var order: PlanningOrder?
    /// Where ``order`` is in the snapshot, to decode it in full for rendering.
    var orderIndex: Int?
    var review: Review?
    var loyalty: LoyaltyAccount?
    var shipmentStatus: ShipmentStatus?
    var deliverySignal: DeliverySignal?
    var previousTier: String?

    /// The key of an action of this firing: (campaign, store, subject, step, action step).
    func key(store: StoreID, _ part: String) -> String {
        "\(campaign.name)/\(store.rawValue)/\(subjectKind.rawValue):\(subjectID)/\(step)/\(part)"
    }
}

/// How the planner knows an order arrived (SPEC: the action records it).
enum DeliverySignal: String, Sendable, Hashable {
    /// The carrier status says delivered (Shopify `shipment_status`, a tracking plugin).
    case carrier
    /// The store set a custom "delivered" order status (it says when, not a carrier).
    case orderStatus = "order_status"
    /// Nobody said so: shipped plus the store's delivery estimate, for a
    /// parcel no carrier reports past "in transit".
    case estimate = "shipped_plus_estimate"

    /// When the order counts as delivered and by which signal, or `nil`.
    static func delivered(_ order: PlanningOrder.Lifecycle, estimate: TimeInterval, now: Date) -> (
        Date, DeliverySignal
    )? {
        switch order.status {
        case .cancelled, .failed, .pending, .refunded: return nil
        default: break
        }
        if order.shipmentStatus == .delivered {
            return (order.deliveredAt ?? order.updatedAt ?? order.createdAt, .carrier)
        }
        if order.shipmentStatus == .failure { return nil }
        if let delivered = order.deliveredAt { return (delivered, .orderStatus) }
        // A carrier that reports stages (label printed, confirmed, out for
        // delivery) will report the delivery too: wait for it. Only a parcel
        // nobody tracks past "in transit" falls back to the estimate.
        guard !order.carrierReports, order.shipmentStatus == .none || order.shipmentStatus == .inTransit else {
            return nil
        }
        if let shipped = order.shippedAt, shipped.addingTimeInterval(estimate) <= now {
            return (shipped.addingTimeInterval(estimate), .estimate)
        }
        return nil
    }
}
