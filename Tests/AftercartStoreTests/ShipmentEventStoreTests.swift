import AftercartModel
import AftercartStore
import Foundation
import Testing

/// Stages per parcel, kept once and only forward, and the parcels a
/// tracking service follows, on both backends.
@Suite("Shipment events and tracked parcels")
struct ShipmentEventStoreTests {
    static func event(_ number: String, _ stage: ShipmentStatus, at offset: TimeInterval, order: String = "1")
        -> ShipmentEvent
    {
        ShipmentEvent(
            store: Fixtures.tokyo, orderID: order, trackingNumber: number, stage: stage, at: Fixtures.at(offset),
            source: "aftership")
    }

    @Test("a stage is kept once, only forward, per parcel")
    func forwardOnly() async throws {
        try await withStore { persistence in
            let events = try #require(persistence as? any ShipmentEventStore)
            #expect(try await events.recordShipmentEvent(Self.event("A", .inTransit, at: 0), recordedAt: Fixtures.t0))
            #expect(
                try await events.recordShipmentEvent(Self.event("A", .inTransit, at: 60), recordedAt: Fixtures.t0)
                    == false)
            #expect(try await events.recordShipmentEvent(Self.event("A", .failure, at: 120), recordedAt: Fixtures.t0))
            #expect(try await events.recordShipmentEvent(Self.event("A", .delivered, at: 180), recordedAt: Fixtures.t0))
            #expect(
                try await events.recordShipmentEvent(Self.event("A", .outForDelivery, at: 90), recordedAt: Fixtures.t0)
                    == false)
            // The second parcel of the same order has its own progress.
            #expect(try await events.recordShipmentEvent(Self.event("B", .inTransit, at: 200), recordedAt: Fixtures.t0))
            let kept = try await events.shipmentEvents(store: Fixtures.tokyo)
            #expect(kept.map(\.trackingNumber) == ["A", "A", "A", "B"])
            #expect(kept.map(\.stage) == [.inTransit, .failure, .delivered, .inTransit])
            #expect(kept.first?.at == Fixtures.at(0))
            #expect(try await events.shipmentEvents(store: Fixtures.osaka).isEmpty)
        }
    }

    @Test("a parcel is remembered once; heard-of times move")
    func trackedParcels() async throws {
        try await withStore { persistence in
            let events = try #require(persistence as? any ShipmentEventStore)
            let parcel = TrackedParcelRecord(
                store: Fixtures.tokyo, trackingNumber: "A", orderID: "1", service: "aftership", serviceID: "as1",
                refusal: nil, registeredAt: Fixtures.t0)
            try await events.rememberTrackedParcel(parcel)
            var again = parcel
            again.serviceID = "as2"
            try await events.rememberTrackedParcel(again)
            try await events.rememberTrackedParcel(
                TrackedParcelRecord(
                    store: Fixtures.tokyo, trackingNumber: "NOSUCH", orderID: "2", service: "aftership",
                    serviceID: nil, refusal: "4012 Cannot detect courier", registeredAt: Fixtures.t0))
            try await events.markParcelHeard(store: Fixtures.tokyo, trackingNumber: "A", at: Fixtures.at(60))
            let parcels = try await events.trackedParcels(store: Fixtures.tokyo)
            #expect(parcels.map(\.trackingNumber) == ["A", "NOSUCH"])
            #expect(parcels.first?.serviceID == "as1")
            #expect(parcels.first?.heardAt == Fixtures.at(60))
            #expect(parcels.last?.refusal == "4012 Cannot detect courier")
            #expect(parcels.last?.serviceID == nil)
            #expect(try await events.trackedParcel(store: Fixtures.tokyo, trackingNumber: "A")?.serviceID == "as1")
            #expect(try await events.trackedParcel(store: Fixtures.tokyo, trackingNumber: "Z") == nil)
            #expect(try await events.trackedParcel(store: Fixtures.osaka, trackingNumber: "A") == nil)
        }
    }
}
