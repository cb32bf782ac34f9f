import AftercartModel
import Foundation
import Testing

@testable import AftercartEngage

/// Shipping updates only move forward: a carrier that reports "in transit"
/// after "delivered" (or a sync that saw the later stage first) never sends
/// the customer back in time.
@Suite struct ShipmentStageOrderTests {
    typealias F = EngageFixture
    let now = F.now
    let hour: TimeInterval = 3_600

    @Test func aLateInTransitAfterDeliveredIsNotAnnounced() async throws {
        var fixture = try await F.make()
        defer { Task { [fixture] in await fixture.remove() } }
        fixture.only("shipping-updates")
        try await fixture.save([F.customer("1")])
        try await fixture.save([
            F.order("10", customer: "1", created: now - 48 * hour, shipment: .delivered, delivered: now - hour)
        ])
        let first = try await fixture.plan()
        #expect(try first.emails("shipping-updates").count == 1)

        // The carrier's late scan arrives: the order now says "in transit".
        var late = F.order("10", customer: "1", created: now - 48 * hour, shipment: .inTransit)
        late.updatedAt = now + hour
        try await fixture.save([late])
        let second = try await fixture.plan(at: now + 2 * hour)
        #expect(try second.emails("shipping-updates").isEmpty)
        #expect(second.summary("shipping-updates")?.suppressed[.staleShipmentStage] == 1)

        // A later stage than any announced still goes out (a failure after "out for delivery").
        try await fixture.save([F.order("11", customer: "1", created: now - 30 * hour, shipment: .outForDelivery)])
        _ = try await fixture.plan(at: now + 3 * hour)
        var failed = F.order("11", customer: "1", created: now - 30 * hour, shipment: .failure)
        failed.updatedAt = now + 4 * hour
        try await fixture.save([failed])
        let third = try await fixture.plan(at: now + 5 * hour)
        #expect(try third.emails("shipping-updates").count == 1)
    }
}
