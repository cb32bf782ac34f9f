/// A platform-neutral order: what was bought and when each lifecycle event happens.
///
/// The WooCommerce and Shopify renderers turn the same record into their own JSON, so
/// both emulators agree on amounts, buyers and shipment progress for a given seed.
struct OrderRecord: Sendable {
    enum Outcome: Sendable, Equatable {
        /// Never paid; stays pending.
        case unpaid
        /// Payment failed.
        case failed
        /// Cancelled before shipping.
        case cancelled
        /// Paid but held for review.
        case onHold
        /// Paid and shipped; may end delivered, failed in delivery or refunded.
        case shipped
    }

    struct Line: Sendable {
        let lineID: Int
        let productIndex: Int
        let quantity: Int
        let unitMinor: Int64
        var subtotalMinor: Int64 { unitMinor * Int64(quantity) }
        var discountMinor: Int64
        var totalMinor: Int64 { subtotalMinor - discountMinor }
        var taxMinor: Int64
    }

    struct Note: Sendable {
        let id: Int
        let text: String
        let customerNote: Bool
        let addedByUser: Bool
        let at: Int64
    }

    let index: Int
    /// Planted by a test: the first line item's quantity renders as `"two"`,
    /// a record no adapter can map (see `plantMalformedOrder`).
    var malformedQuantity = false
    /// nil for a guest checkout (WooCommerce `customer_id` 0, Shopify `customer` null).
    let customerIndex: Int?
    let guestFirstName: String
    let guestLastName: String
    let guestEmail: String
    var lines: [Line]
    let couponCode: String?
    let shippingMinor: Int64
    let createdAt: Int64
    let outcome: Outcome
    let paymentMethod: (id: String, title: String)
    let carrier: (provider: String, urlPrefix: String)
    let trackingNumber: String
    let refundFraction: Int  // 0 none, 100 full, otherwise percent of the total refunded
    /// Event times (UTC). Events in the future relative to the store clock have not happened yet.
    var schedule: Schedule
    let cityIndex: Int
    let token: String

    // Overlay-only state, changed by writes.
    var notes: [Note] = []
    var extraMeta: [MetaEntry] = []
    var tags: String = ""
    var note: String?
    var lastWriteAt: Int64?
    /// When the order was moved to the trash; `nil` when it is not there.
    var trashedAt: Int64?
    /// A status set over REST (`PUT {"status": …}`), which wins over the schedule.
    var statusOverride: String?
    /// Deleted for good (`DELETE ?force=true`): gone from every read.
    var isDeleted = false

    struct Schedule: Sendable {
        var paidAt: Int64?
        var cancelledAt: Int64?
        var labelPrintedAt: Int64?
        var inTransitAt: Int64?
        var outForDeliveryAt: Int64?
        var deliveredAt: Int64?
        var deliveryFailedAt: Int64?
        var refundedAt: Int64?

        var all: [Int64] {
            [
                paidAt, cancelledAt, labelPrintedAt, inTransitAt, outForDeliveryAt, deliveredAt, deliveryFailedAt,
                refundedAt,
            ].compactMap { $0 }
        }

        /// Moves every event after `now` earlier so the next one happens exactly at `now`.
        mutating func pullNextEvent(to now: Int64) -> Bool {
            guard let next = all.filter({ $0 > now }).min() else { return false }
            let delta = next - now
            func shift(_ t: inout Int64?) { if let v = t, v > now { t = v - delta } }
            shift(&paidAt)
            shift(&cancelledAt)
            shift(&labelPrintedAt)
            shift(&inTransitAt)
            shift(&outForDeliveryAt)
            shift(&deliveredAt)
            shift(&deliveryFailedAt)
            shift(&refundedAt)
            return true
        }
    }

    var subtotalMinor: Int64 { lines.reduce(0) { $0 + $1.subtotalMinor } }
    var discountMinor: Int64 { lines.reduce(0) { $0 + $1.discountMinor } }
    var cartTaxMinor: Int64 { lines.reduce(0) { $0 + $1.taxMinor } }
    var totalMinor: Int64 { subtotalMinor - discountMinor + cartTaxMinor + shippingMinor }

    func happened(_ t: Int64?, _ now: Int64) -> Bool { t.map { $0 <= now } ?? false }

    /// The latest change at `now`: creation, a lifecycle event that has happened, or a write.
    func modifiedAt(_ now: Int64) -> Int64 {
        var latest = createdAt
        for t in schedule.all where t <= now && t > latest { latest = t }
        if let w = lastWriteAt, w > latest { latest = w }
        return latest
    }

    /// Shipment progress at `now`, in the normalized vocabulary.
    func shipmentStage(_ now: Int64) -> ShipmentStage {
        if happened(schedule.deliveredAt, now) { return .delivered }
        if happened(schedule.deliveryFailedAt, now) { return .failure }
        if happened(schedule.outForDeliveryAt, now) { return .outForDelivery }
        if happened(schedule.inTransitAt, now) { return .inTransit }
        if happened(schedule.labelPrintedAt, now) { return .labelPrinted }
        return .none
    }

    func refundedMinor(_ now: Int64) -> Int64 {
        guard happened(schedule.refundedAt, now), refundFraction > 0 else { return 0 }
        if refundFraction >= 100 { return totalMinor }
        return totalMinor * Int64(refundFraction) / 100
    }

    var isGuest: Bool { customerIndex == nil }
}

enum ShipmentStage: String, Sendable {
    case none
    case labelPrinted = "label_printed"
    case inTransit = "in_transit"
    case outForDelivery = "out_for_delivery"
    case delivered
    case failure
}
