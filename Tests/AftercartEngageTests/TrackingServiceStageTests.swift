import AftercartConnector
import AftercartEngage
import AftercartModel
import AftercartStore
import AftercartSync
import AsyncHTTPClient
import Foundation
import Logging
import MockStores
import Testing
import WooCommerceConnector

/// A carrier-tracking service as a tracking source: parcels registered once
/// at the AfterShip emulator, stages kept per parcel and only forward, and
/// the planner announcing them like a status the store reports.
@Suite struct TrackingServiceStageTests {
    typealias F = EngageFixture
    let now = F.now
    let day = F.day

    /// The AfterShip adapter over the emulator, as a store's registration builds it.
    static func service(_ emulator: AfterShipEmulator) throws -> any TrackingService {
        let settings = ConnectorSettings(
            store: F.store, platform: "woocommerce",
            values: [
                "base_url": "http://127.0.0.1:9", "tracking_service": "aftership",
                "tracking_service_url": emulator.baseURL,
            ],
            secrets: [
                "consumer_key": Secret("ck"), "consumer_secret": Secret("cs"),
                "tracking_api_key": Secret(emulator.apiKey),
                "tracking_webhook_secret": Secret(emulator.webhookSecret),
            ])
        let environment = ConnectorEnvironment(client: HTTPClient.shared, logger: Logger(label: "test"))
        let connector = try WooCommerceConnector.registration.makeConnector(settings, environment)
        return try #require((connector as? any TrackingServiceProviding)?.trackingService)
    }

    static func follower(_ fixture: F, _ emulator: AfterShipEmulator) throws -> TrackingFollower {
        var follower = TrackingFollower(
            store: F.store, service: try service(emulator), database: fixture.database, logger: Logger(label: "test"))
        follower.pollAfter = 0
        return follower
    }

    /// Runs `body` with a fresh fixture and an AfterShip emulator, the
    /// emulator stopped and the fixture removed before the test ends.
    static func withService(_ body: (inout F, AfterShipEmulator) async throws -> Void) async throws {
        var fixture = try await F.make()
        let emulator: AfterShipEmulator
        do {
            emulator = try await AfterShipEmulator.start(apiKey: "as_key", webhookSecret: "as_secret")
        } catch {
            await fixture.remove()
            throw error
        }
        do {
            try await body(&fixture, emulator)
        } catch {
            await emulator.stop()
            await fixture.remove()
            throw error
        }
        await emulator.stop()
        await fixture.remove()
    }

    static func event(_ order: String, _ number: String, _ stage: ShipmentStatus, _ at: Date) -> ShipmentEvent {
        ShipmentEvent(store: F.store, orderID: order, trackingNumber: number, stage: stage, at: at, source: "aftership")
    }

    @Test func aStagePolledFromTheServiceIsAnnouncedOnce() async throws {
        try await Self.withService { fixture, emulator in
            fixture.only("shipping-updates")
            try await fixture.save([F.customer("7")])
            try await fixture.save([F.order("1", customer: "7", created: now - 2 * day, shipped: now - day)])
            let follower = try Self.follower(fixture, emulator)

            let first = try await follower.followRound(now: now)
            #expect(first.registered == 1)
            #expect(emulator.trackedNumbers == ["12341"])
            #expect(try await fixture.plan().emails("shipping-updates").isEmpty)

            await emulator.advance("12341", to: "OutForDelivery", at: now - 1_800)
            let second = try await follower.followRound(now: now)
            #expect(second.registered == 0)
            #expect(second.recorded == 1)
            #expect(second.changedOrders == ["1"])
            let emails = try await fixture.plan().emails("shipping-updates")
            #expect(emails.map(\.orderID) == ["1"])
            #expect(emails.first?.subject.contains("out for delivery") == true)
            #expect(try await follower.followRound(now: now).recorded == 0)
            #expect(try await fixture.plan().actions.isEmpty)
        }
    }

    @Test func aNumberTheServiceDoesNotKnowIsRememberedAndNotOfferedAgain() async throws {
        try await Self.withService { fixture, emulator in
            var order = F.order("1", customer: "7", created: now - 2 * day, shipped: now - day)
            order.tracking = [Shipment(carrier: nil, number: AfterShipEmulator.unknownPrefix + "42", url: nil)]
            // A forgotten customer's order: its number was erased and is never offered.
            var forgotten = F.order("2", customer: "8", created: now - 2 * day, shipped: now - day)
            forgotten.tracking = [Shipment(carrier: nil, number: TrackedParcelRecord.erasedNumber, url: nil)]
            try await fixture.save([order, forgotten])
            let follower = try Self.follower(fixture, emulator)

            let round = try await follower.followRound(now: now)
            #expect(round.refused == 1 && round.registered == 0)
            let parcels = try await fixture.database.trackedParcels(store: F.store)
            #expect(parcels.count == 1)
            #expect(parcels.first?.serviceID == nil)
            #expect(parcels.first?.refusal?.contains("4012") == true)
            let asked = emulator.requestCounts.total
            let again = try await follower.followRound(now: now)
            #expect(again.refused == 0 && again.polled == 0)
            #expect(emulator.requestCounts.total == asked)
        }
    }

    @Test func tooManyRequestsAreRetriedAfterRetryAfterAndNoParcelIsLost() async throws {
        try await Self.withService { fixture, emulator in
            try await fixture.save((1...3).map { F.order("\($0)", customer: "7", created: now - 2 * day) })
            emulator.refuseNext(2)
            let round = try await Self.follower(fixture, emulator).followRound(now: now)
            #expect(round.registered == 3)
            #expect(emulator.requestCounts.refused == 2)
            #expect(emulator.trackedNumbers == ["12341", "12342", "12343"])
            #expect(try await fixture.database.trackedParcels(store: F.store).allSatisfy { $0.serviceID != nil })
        }
    }

    @Test func twoParcelsAreDeliveredOnlyWhenBothAre() async throws {
        var fixture = try await F.make()
        defer { Task { [fixture] in await fixture.remove() } }
        fixture.only("shipping-updates", "review-request")
        try await fixture.save([F.customer("7")])
        var order = F.order("1", customer: "7", created: now - 20 * day, shipped: now - 19 * day)
        order.tracking.append(Shipment(carrier: "Sagawa", number: "B-2", url: nil))
        try await fixture.save([order])
        let db = fixture.database
        #expect(try await db.recordShipmentEvent(Self.event("1", "12341", .delivered, now - 10 * day), recordedAt: now))
        #expect(try await db.recordShipmentEvent(Self.event("1", "B-2", .inTransit, now - 10 * day), recordedAt: now))

        let first = try await fixture.plan(at: now - 10 * day + 60)
        #expect(try first.emails("shipping-updates").map(\.subject) == ["Order #1: on its way"])
        #expect(try await fixture.plan().emails("review-request").isEmpty)

        #expect(try await db.recordShipmentEvent(Self.event("1", "B-2", .delivered, now - 8 * day), recordedAt: now))
        let second = try await fixture.plan()
        #expect(try second.emails("review-request").map(\.orderID) == ["1"])
    }

    @Test func aDuplicateOrALateEarlierStageIsDroppedAndNeverAnnounced() async throws {
        var fixture = try await F.make()
        defer { Task { [fixture] in await fixture.remove() } }
        fixture.only("shipping-updates")
        try await fixture.save([F.customer("7")])
        try await fixture.save([F.order("1", customer: "7", created: now - 2 * day, shipped: now - day)])
        let db = fixture.database
        #expect(try await db.recordShipmentEvent(Self.event("1", "12341", .delivered, now - 3_600), recordedAt: now))
        #expect(
            try await db.recordShipmentEvent(Self.event("1", "12341", .delivered, now - 3_600), recordedAt: now)
                == false)
        // Sent before the delivery, arriving after it.
        #expect(
            try await db.recordShipmentEvent(Self.event("1", "12341", .inTransit, now - 7_200), recordedAt: now)
                == false)
        #expect(try await db.shipmentEvents(store: F.store).map(\.stage) == [.delivered])
        let emails = try await fixture.plan().emails("shipping-updates")
        #expect(emails.map(\.subject) == ["Order #1: delivered"])
    }

    @Test func aFailedAttemptRaisesASupportAlertAndAMessageButNoReviewRequest() async throws {
        var fixture = try await F.make()
        defer { Task { [fixture] in await fixture.remove() } }
        fixture.only("shipping-updates", "review-request")
        try await fixture.save([F.customer("7")])
        try await fixture.save([F.order("1", customer: "7", created: now - 20 * day, shipped: now - 19 * day)])
        #expect(
            try await fixture.database.recordShipmentEvent(
                Self.event("1", "12341", .failure, now - 3_600), recordedAt: now))
        let report = try await fixture.plan()
        #expect(try report.emails("shipping-updates").map(\.orderID) == ["1"])
        #expect(report.actions("shipping-updates").filter { $0.entry.action == .supportAlert }.count == 1)
        // Shipped 19 days ago: the estimate would have asked long ago; a reported failure never does.
        #expect(try report.emails("review-request").isEmpty)
    }
}
