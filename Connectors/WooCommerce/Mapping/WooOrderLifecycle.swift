import AftercartModel
import Foundation

/// The normalized statuses and milestones of a WooCommerce order, derived
/// from its status, payment and completion dates, tracking and refunds.
///
/// WooCommerce has one `status` where the model has four, so each rule
/// below is a judgement, written down so the engine's triggers can rely on it.
struct WooOrderLifecycle: Sendable, Hashable {
    var status: OrderStatus
    var financial: FinancialStatus
    var fulfillment: FulfillmentStatus
    var shipment: ShipmentStatus
    var shippedAt: Date?
    var deliveredAt: Date?

    /// What a REST status name stands for.
    enum Classification: Sendable, Hashable {
        case core(OrderStatus)
        case custom(WooCommerceCustomOrderStatus)
        case skip(WooCommerceSkipReason)
    }

    static let coreStatuses: [String: OrderStatus] = [
        "pending": .pending, "processing": .processing, "on-hold": .onHold, "completed": .completed,
        "cancelled": .cancelled, "refunded": .refunded, "failed": .failed,
    ]

    static let draftStatuses: Set<String> = ["checkout-draft", "auto-draft", "draft"]

    static func classify(_ rawStatus: String, customStatuses: [String: WooCommerceCustomOrderStatus]) -> Classification
    {
        var name = rawStatus.trimming(.whitespaces).lowercased()
        // Post-storage names carry a `wc-` prefix; the REST API strips it,
        // but plugins that echo the stored name do not.
        if name.hasPrefix("wc-") { name.removeFirst(3) }
        if let core = coreStatuses[name] { return .core(core) }
        if name == "trash" { return .skip(.trashed) }
        if draftStatuses.contains(name) { return .skip(.draft(status: name)) }
        if let custom = customStatuses[name] { return .custom(custom) }
        return .skip(.unknownOrderStatus(rawStatus))
    }

    struct Facts {
        var datePaid: Date?
        var dateCompleted: Date?
        var dateModified: Date?
        var tracking: WooShipmentTrackingReader.Tracking
        /// The carrier's stage from a tracking service's plugin, when one reports it.
        var trackingStatus: WooTrackingStatusReader.Summary? = nil
        var total: Decimal
        var refunded: Decimal
    }

    /// `custom` is the plugin status the order is in, if any; `core` the
    /// core status it counts as.
    init(custom: WooCommerceCustomOrderStatus?, core: OrderStatus, facts: Facts) {
        status = core
        let everCompleted = facts.dateCompleted != nil

        switch custom {
        case .shipped?, .delivered?: fulfillment = .fulfilled
        case .partiallyShipped?: fulfillment = .partial
        default: fulfillment = core == .completed || everCompleted ? .fulfilled : .unfulfilled
        }

        let closedWithoutDelivery: Set<OrderStatus> = [.cancelled, .refunded, .failed]
        // A tracking service's stage is more precise than "tracked, so in
        // transit"; a merchant's "delivered" status still has the last word.
        let reported = facts.trackingStatus?.status ?? .inTransit
        switch custom {
        case .delivered?: shipment = .delivered
        case .shipped?, .partiallyShipped?: shipment = reported
        default:
            shipment = !facts.tracking.shipments.isEmpty && !closedWithoutDelivery.contains(core) ? reported : .none
        }

        // Without a tracking date, completion is when WooCommerce merchants
        // ship; a custom "shipped" status without either dates from its change.
        shippedAt = facts.tracking.shippedAt
        if shippedAt == nil, fulfillment != .unfulfilled {
            shippedAt = facts.dateCompleted ?? (custom == .shipped ? facts.dateModified : nil)
        }
        // The status change to "delivered" is the order's last modification
        // as far as the REST API shows; completion is the fallback.
        if custom == .delivered {
            deliveredAt = facts.trackingStatus?.deliveredAt ?? facts.dateModified ?? facts.dateCompleted
        } else if shipment == .delivered {
            deliveredAt = facts.trackingStatus?.deliveredAt ?? facts.dateModified
        } else {
            deliveredAt = nil
        }

        financial = Self.financial(core: core, facts: facts)
    }

    /// Payment state. WooCommerce sets `date_paid` when an order first
    /// reaches processing or completed (`maybe_set_date_paid`), so those
    /// statuses count as paid even when a gateway left the date empty.
    private static func financial(core: OrderStatus, facts: Facts) -> FinancialStatus {
        let paid: Bool
        switch core {
        case .refunded: return .refunded
        case .failed: return .voided
        case .pending: return .pending
        case .onHold: paid = facts.datePaid != nil
        case .cancelled: paid = facts.datePaid != nil
        case .processing, .completed: paid = true
        }
        guard paid else { return core == .cancelled ? .voided : .pending }
        guard facts.refunded > 0 else { return .paid }
        return facts.refunded >= facts.total && facts.total > 0 ? .refunded : .partiallyRefunded
    }
}
