public import AftercartConnector
public import AftercartModel
public import AftercartStore
public import Foundation
public import Logging

/// Follows one store's parcels at its tracking service: hands each synced
/// tracking number to the service once, keeps the stages its webhooks and
/// polls report as ``ShipmentEvent``s, and polls only parcels the service
/// has been quiet about (webhooks are the main road; polling is the fallback).
public struct TrackingFollower: Sendable {
    public let store: StoreID
    public let service: any TrackingService
    let database: any RecordStore & ShipmentEventStore
    let logger: Logger
    /// A parcel not heard of for this long is polled.
    public var pollAfter: TimeInterval = 6 * 3_600
    /// Orders older than this are not registered: their parcels arrived long ago.
    public var registerWithin: TimeInterval = 60 * 86_400

    public init(
        store: StoreID, service: any TrackingService, database: any RecordStore & ShipmentEventStore, logger: Logger
    ) {
        self.store = store
        self.service = service
        self.database = database
        self.logger = logger
    }

    /// What one round did.
    public struct Round: Sendable, Hashable {
        public var registered = 0
        public var refused = 0
        public var polled = 0
        /// Events kept (new and forward), from polls and webhooks.
        public var recorded = 0
        /// Orders whose parcels have a new stage.
        public var changedOrders: [String] = []
    }

    /// Registers new parcels, then polls quiet ones, at `now`.
    ///
    /// Stops at the first error the transport gives up on (after its
    /// retries and `Retry-After` waits); what was done before is kept and
    /// the rest is tried next round.
    public func followRound(now: Date) async throws -> Round {
        var round = Round()
        try await register(now: now, into: &round)
        try await poll(now: now, into: &round)
        return round
    }

    /// The service's word about one parcel (a verified webhook), kept when
    /// it moves the parcel forward. Returns the order it changed, if any.
    public func receive(_ update: TrackingUpdate, now: Date) async throws -> String? {
        let known = try await database.trackedParcel(store: store, trackingNumber: update.trackingNumber)
        guard let orderID = known?.orderID ?? update.orderID else {
            logger.info("tracking update for a parcel this store does not follow; ignored")
            return nil
        }
        try await database.markParcelHeard(store: store, trackingNumber: update.trackingNumber, at: now)
        return try await keep(update, orderID: orderID, now: now) ? orderID : nil
    }

    private func keep(_ update: TrackingUpdate, orderID: String, now: Date) async throws -> Bool {
        guard let stage = update.stage else { return false }
        let event = ShipmentEvent(
            store: store, orderID: orderID, trackingNumber: update.trackingNumber, stage: stage, at: update.at,
            source: service.name)
        return try await database.recordShipmentEvent(event, recordedAt: now)
    }

    private func register(now: Date, into round: inout Round) async throws {
        let followed = Set(try await database.trackedParcels(store: store).map(\.trackingNumber))
        var offered = followed
        // Only orders recent enough to register are read (and decoded), not the whole store.
        let since = now.addingTimeInterval(-registerWithin)
        for try await stored in database.allRecords(Order.self, store: store, createdSince: since) {
            let order = stored.record
            guard order.status != .cancelled, order.status != .refunded, order.status != .failed
            else { continue }
            for shipment in order.tracking
            where !shipment.number.isEmpty && shipment.number != TrackedParcelRecord.erasedNumber
                && !offered.contains(shipment.number)
            {
                offered.insert(shipment.number)
                let answer = try await service.register(
                    TrackedParcel(orderID: order.id, trackingNumber: shipment.number, carrier: shipment.carrier))
                var parcel = TrackedParcelRecord(
                    store: store, trackingNumber: shipment.number, orderID: order.id, service: service.name,
                    serviceID: nil, refusal: nil, registeredAt: now)
                switch answer {
                case .registered(let id):
                    parcel.serviceID = id
                    round.registered += 1
                case .unknownNumber(let reason):
                    parcel.refusal = reason
                    round.refused += 1
                    logger.warning(
                        "the tracking service does not know a tracking number; the order falls back to what the store says",
                        metadata: ["order": "\(order.id)", "reason": "\(reason)"])
                }
                try await database.rememberTrackedParcel(parcel)
            }
        }
    }

    private func poll(now: Date, into round: inout Round) async throws {
        let delivered = Set(
            try await database.shipmentEvents(store: store).filter { $0.stage == .delivered }.map(\.trackingNumber))
        for parcel in try await database.trackedParcels(store: store) {
            guard let id = parcel.serviceID, !delivered.contains(parcel.trackingNumber),
                now.timeIntervalSince(parcel.heardAt ?? parcel.registeredAt) >= pollAfter
            else { continue }
            round.polled += 1
            try await database.markParcelHeard(store: store, trackingNumber: parcel.trackingNumber, at: now)
            guard let update = try await service.latest(id: id) else { continue }
            if try await keep(update, orderID: parcel.orderID, now: now) {
                round.recorded += 1
                if !round.changedOrders.contains(parcel.orderID) { round.changedOrders.append(parcel.orderID) }
            }
        }
    }
}
