import AftercartModel
import Foundation
import Testing

@testable import AftercartEngage

/// When a review request may count an order as delivered: the carrier's
/// word first, a merchant's status next, the estimate only for parcels no
/// carrier reports on.
@Suite struct DeliverySignalTests {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)
    static let shipped = now.addingTimeInterval(-10 * 86_400)
    static let estimate: TimeInterval = 5 * 86_400

    func signal(_ status: ShipmentStatus, deliveredAt: Date? = nil) -> DeliverySignal? {
        let lifecycle = PlanningOrder.Lifecycle(
            status: .completed, shipmentStatus: status, createdAt: Self.shipped.addingTimeInterval(-3_600),
            updatedAt: Self.shipped, shippedAt: Self.shipped, deliveredAt: deliveredAt)
        return DeliverySignal.delivered(lifecycle, estimate: Self.estimate, now: Self.now)?.1
    }

    @Test func aCarrierSaysDeliveredAndAFailureIsNever() {
        #expect(signal(.delivered, deliveredAt: Self.now) == .carrier)
        #expect(signal(.failure) == nil)
    }

    @Test func anUntrackedOrMerelyInTransitParcelFallsBackToTheEstimate() {
        #expect(signal(.none) == .estimate)
        #expect(signal(.inTransit) == .estimate)
    }

    @Test(arguments: [ShipmentStatus.labelPrinted, .confirmed, .outForDelivery])
    func aParcelACarrierReportsOnWaitsForItsDelivery(status: ShipmentStatus) {
        #expect(signal(status) == nil)
    }
}
