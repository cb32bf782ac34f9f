public import AftercartModel
public import Foundation

/// Where an order is, as its status page shows it: the stages from ordered
/// to delivered, each reached or not with the time when the platform says
/// it, and the endings a customer must be told about (cancelled, refunded,
/// a failed payment or delivery).
///
/// Every status of the model is mapped by an exhaustive switch, so a status
/// added to the model does not compile until this page knows what it means.
public struct OrderTimeline: Sendable, Hashable {
    /// One stage of an order's way to the customer, in order.
    public enum Stage: String, Sendable, Hashable, CaseIterable {
        case ordered
        case paid
        case shipped
        case inTransit = "in_transit"
        case outForDelivery = "out_for_delivery"
        case delivered
    }

    /// A stage as this order has reached it.
    public struct Step: Sendable, Hashable {
        public var stage: Stage
        public var reached: Bool
        /// When the stage was reached; `nil` when the platform does not say.
        public var at: Date?
    }

    /// An ending or a problem the page states in words, above the stages.
    public enum Notice: String, Sendable, Hashable, CaseIterable {
        case cancelled
        case paymentFailed = "payment_failed"
        case refunded
        case partiallyRefunded = "partially_refunded"
        case failedDelivery = "failed_delivery"
    }

    /// Every stage, in order, reached or not.
    public var steps: [Step]
    /// What the page must say besides the stages, most important first.
    public var notices: [Notice]

    /// The timeline of `order` as its statuses and dates describe it now.
    public init(_ order: Order) {
        let shipping = max(
            Self.shippingProgress(order.shipmentStatus), Self.shippingProgress(order.fulfillmentStatus),
            order.shippedAt == nil ? 0 : 1, order.deliveredAt == nil ? 0 : 4)
        steps = Stage.allCases.map { stage in
            switch stage {
            case .ordered: Step(stage: stage, reached: true, at: order.createdAt)
            case .paid: Step(stage: stage, reached: Self.isPaid(order.financialStatus), at: nil)
            case .shipped: Step(stage: stage, reached: shipping >= 1, at: order.shippedAt)
            case .inTransit: Step(stage: stage, reached: shipping >= 2, at: nil)
            case .outForDelivery: Step(stage: stage, reached: shipping >= 3, at: nil)
            case .delivered: Step(stage: stage, reached: shipping >= 4, at: order.deliveredAt)
            }
        }
        var found = Set(
            [Self.notice(order.status), Self.notice(order.financialStatus), Self.notice(order.shipmentStatus)]
                .compactMap { $0 })
        // A full refund says all a partial one would.
        if found.contains(.refunded) { found.remove(.partiallyRefunded) }
        notices = Notice.allCases.filter(found.contains)
    }

    /// Whether the parcel has arrived.
    public var isDelivered: Bool { steps.last?.reached == true }

    /// Whether the customer still waits for a parcel: not delivered, and
    /// neither cancelled, refunded in full, unpaid for good nor undeliverable,
    /// so an expected delivery window still means something.
    public var awaitsDelivery: Bool {
        guard !isDelivered else { return false }
        return notices.allSatisfy { $0 == .partiallyRefunded }
    }

    /// Whether the money was taken; a refund later does not undo that the
    /// order was paid. An authorization alone is not a payment: it may
    /// still be voided.
    static func isPaid(_ status: FinancialStatus) -> Bool {
        switch status {
        case .paid, .partiallyRefunded, .refunded: true
        case .pending, .authorized, .partiallyPaid, .voided, .unknown: false
        }
    }

    /// How far the carrier's word takes the parcel: 0 not shipped, 1 shipped,
    /// 2 in transit, 3 out for delivery, 4 delivered. A failed delivery was
    /// on its way; whether it was out for delivery is not known.
    static func shippingProgress(_ status: ShipmentStatus) -> Int {
        switch status {
        case .none, .labelPrinted: 0
        case .confirmed: 1
        case .inTransit, .failure: 2
        case .outForDelivery: 3
        case .delivered: 4
        }
    }

    /// How far the store's own fulfilment takes the parcel: some or all of
    /// it handed over counts as shipped; restocked items went back on the shelf.
    static func shippingProgress(_ status: FulfillmentStatus) -> Int {
        switch status {
        case .unfulfilled, .restocked: 0
        case .partial, .fulfilled: 1
        }
    }

    static func notice(_ status: OrderStatus) -> Notice? {
        switch status {
        case .pending, .processing, .onHold, .completed: nil
        case .cancelled: .cancelled
        case .refunded: .refunded
        case .failed: .paymentFailed
        }
    }

    static func notice(_ status: FinancialStatus) -> Notice? {
        switch status {
        case .pending, .authorized, .partiallyPaid, .paid, .voided, .unknown: nil
        case .partiallyRefunded: .partiallyRefunded
        case .refunded: .refunded
        }
    }

    static func notice(_ status: ShipmentStatus) -> Notice? {
        switch status {
        case .none, .labelPrinted, .confirmed, .inTransit, .outForDelivery, .delivered: nil
        case .failure: .failedDelivery
        }
    }
}
