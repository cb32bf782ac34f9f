public import Foundation

/// One stage a carrier reported for one parcel of an order, as a tracking
/// source saw it: what the planner's shipment triggers read when the store
/// itself says less.
public struct ShipmentEvent: Sendable, Hashable {
    public var store: StoreID
    /// The platform's id of the order the parcel belongs to.
    public var orderID: String
    /// The parcel's tracking number; an order with two parcels has two.
    public var trackingNumber: String
    public var stage: ShipmentStatus
    /// When the carrier says the stage happened (not when it reached us).
    public var at: Date
    /// Which source reported it: `aftership`, `woocommerce-meta`.
    public var source: String

    public init(
        store: StoreID, orderID: String, trackingNumber: String, stage: ShipmentStatus, at: Date, source: String
    ) {
        self.store = store
        self.orderID = orderID
        self.trackingNumber = trackingNumber
        self.stage = stage
        self.at = at
        self.source = source
    }
}
