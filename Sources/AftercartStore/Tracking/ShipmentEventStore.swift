public import AftercartModel
public import Foundation

/// A tracking number handed to a tracking service: registered once, then
/// heard of by webhook or poll.
public struct TrackedParcelRecord: Sendable, Hashable {
    public var store: StoreID
    public var trackingNumber: String
    public var orderID: String
    /// The service's config name (`aftership`).
    public var service: String
    /// The service's id of the tracking; `nil` when the service refused the number.
    public var serviceID: String?
    /// Why the service refused the number; `nil` when it follows it.
    public var refusal: String?
    public var registeredAt: Date
    /// When an event or a poll last said something about it.
    public var heardAt: Date?

    /// What a forgotten customer's tracking numbers read as: never handed to a service.
    public static let erasedNumber = PersonalDataRedaction.trackingNumber

    public init(
        store: StoreID, trackingNumber: String, orderID: String, service: String, serviceID: String?,
        refusal: String?, registeredAt: Date, heardAt: Date? = nil
    ) {
        self.store = store
        self.trackingNumber = trackingNumber
        self.orderID = orderID
        self.service = service
        self.serviceID = serviceID
        self.refusal = refusal
        self.registeredAt = registeredAt
        self.heardAt = heardAt
    }
}

/// Stages reported per parcel, kept once each and only moving forward, and
/// the parcels a tracking service follows.
public protocol ShipmentEventStore: Sendable {
    /// Keeps `event` when its parcel has not reached that stage or a later
    /// one (``ShipmentStatus/progress(_:)``): a duplicate or a late "in
    /// transit" after "delivered" is dropped. Returns whether it was kept.
    func recordShipmentEvent(_ event: ShipmentEvent, recordedAt: Date) async throws -> Bool

    /// Every kept event of `store`, by order, parcel and time.
    func shipmentEvents(store: StoreID) async throws -> [ShipmentEvent]

    /// Remembers a parcel handed to a service (or refused by it); a parcel
    /// already remembered is left as it is.
    func rememberTrackedParcel(_ parcel: TrackedParcelRecord) async throws

    /// The parcels of `store` handed to a service, by tracking number.
    func trackedParcels(store: StoreID) async throws -> [TrackedParcelRecord]

    /// The parcel of `store` with `trackingNumber`, if one was handed to a service.
    func trackedParcel(store: StoreID, trackingNumber: String) async throws -> TrackedParcelRecord?

    /// Notes that the service said something about the parcel at `at`.
    func markParcelHeard(store: StoreID, trackingNumber: String, at: Date) async throws
}
