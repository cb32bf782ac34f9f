/// Where an order is in its life, normalized across platforms.
public enum OrderStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case pending
    case processing
    case onHold = "on_hold"
    case completed
    case cancelled
    case refunded
    case failed
}

/// Payment state of an order.
public enum FinancialStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case pending
    case authorized
    case partiallyPaid = "partially_paid"
    case paid
    case partiallyRefunded = "partially_refunded"
    case refunded
    case voided
    case unknown
}

/// How much of an order has been handed to a carrier.
public enum FulfillmentStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case unfulfilled
    case partial
    case fulfilled
    case restocked
}

/// What the carrier says about the parcel. `none` means nobody has said
/// anything yet; `failure` is a failed delivery attempt or exception.
public enum ShipmentStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case none
    case labelPrinted = "label_printed"
    case confirmed
    case inTransit = "in_transit"
    case outForDelivery = "out_for_delivery"
    case delivered
    case failure
}

extension ShipmentStatus {
    /// How far a parcel got on its way to the door: stages only move
    /// forward. A failed attempt ranks after out-for-delivery (that is when
    /// attempts fail) and before delivered (a redelivery wins).
    public static func progress(_ status: ShipmentStatus) -> Int {
        switch status {
        case .none: 0
        case .labelPrinted: 1
        case .confirmed: 2
        case .inTransit: 3
        case .outForDelivery: 4
        case .failure: 5
        case .delivered: 6
        }
    }
}
