import AftercartConnector
import AftercartModel
import AftercartServer
import AftercartStore
import AftercartSync
import AsyncHTTPClient
import Foundation
import Logging
import MockStores
import Testing
import WooCommerceConnector

/// `POST /tracking/aftership/{store}`: the AfterShip emulator's signed
/// status webhooks are kept per parcel and queue the order's follow-up;
/// forged and unsigned ones are refused with 401 and change nothing.
@Suite struct TrackingWebhookTests {
    static let store: StoreID = "tokyo-woo"
    static let number = "YMT-1001"

    /// A server whose tokyo-woo store follows its parcels at `emulator`,
    /// with parcel ``number`` of order 1001 registered there.
    static func start(_ emulator: AfterShipEmulator, followUp: FollowUpRecorder? = nil) async throws
        -> RunningServer
    {
        let settings = ConnectorSettings(
            store: store, platform: "woocommerce",
            values: [
                "base_url": "http://127.0.0.1:9", "tracking_service": "aftership",
                "tracking_service_url": emulator.baseURL,
            ],
            secrets: [
                "consumer_key": Secret("ck"), "consumer_secret": Secret("cs"),
                "tracking_api_key": Secret(emulator.apiKey),
                "tracking_webhook_secret": Secret(emulator.webhookSecret),
            ])
        let connector = try WooCommerceConnector.registration.makeConnector(settings, TestStores.environment)
        let providing = try #require(connector as? any TrackingServiceProviding)
        let service = try #require(providing.trackingService)
        let secret = providing.trackingWebhookSecret
        let server = try await RunningServer.start(
            [], followUp: followUp,
            tracking: { database in
                let follower = TrackingFollower(
                    store: store, service: service, database: database, logger: RunningServer.quietLogger)
                return TrackingWebhookEndpoint([.init(follower: follower, secret: secret)])
            })
        guard
            case .registered(let id) = try await service.register(
                TrackedParcel(orderID: "1001", trackingNumber: number))
        else { throw Unexpected() }
        try await server.persistence.rememberTrackedParcel(
            TrackedParcelRecord(
                store: store, trackingNumber: number, orderID: "1001", service: "aftership", serviceID: id,
                refusal: nil, registeredAt: Date()))
        emulator.sendWebhooks(to: server.baseURL + "/tracking/aftership/\(store)")
        return server
    }

    struct Unexpected: Error {}

    static let scannedAt = Date(timeIntervalSince1970: 1_796_000_000)

    @Test func aSignedWebhookIsKeptAndForgedOrUnsignedOnesAreRefused() async throws {
        let emulator = try await AfterShipEmulator.start(apiKey: "as_key", webhookSecret: "as_whsec")
        let followUps = FollowUpRecorder()
        let server = try await Self.start(emulator, followUp: followUps)
        let url = server.baseURL + "/tracking/aftership/\(Self.store)"

        #expect(await emulator.advance(Self.number, to: "InTransit", at: Self.scannedAt) == 200)
        await followUps.waitFor(1)
        #expect(await followUps.calls.first?.ids == ["1001"])
        #expect(await followUps.calls.first?.resource == .orders)

        let body = Data(
            #"{"event":"tracking_update","msg":{"id":"x","tracking_number":"YMT-1001","tag":"Delivered","order_id":"1001","updated_at":"2026-12-01T10:00:00+09:00"}}"#
                .utf8)
        let forged = WooCommerceWebhookSignature.signature(body: body, secret: Secret("not the secret"))
        #expect(await emulator.post(body, to: url, signature: forged) == 401)
        #expect(await emulator.post(body, to: url, signature: "") == 401)
        let unsigned = try await server.post(
            "/tracking/aftership/\(Self.store)", body: body, headers: ["Content-Type": "application/json"])
        #expect(unsigned.status == 401)
        #expect(try await server.persistence.shipmentEvents(store: Self.store).map(\.stage) == [.inTransit])
        // Another service's path, or a store without one, is not found.
        #expect(await emulator.post(body, to: server.baseURL + "/tracking/other/\(Self.store)") == 404)
        #expect(await emulator.post(body, to: server.baseURL + "/tracking/aftership/osaka") == 404)
        try await server.stop()
        await emulator.stop()
    }

    @Test func duplicateAndOutOfOrderWebhooksChangeNothing() async throws {
        let emulator = try await AfterShipEmulator.start(apiKey: "as_key", webhookSecret: "as_whsec")
        let followUps = FollowUpRecorder()
        let server = try await Self.start(emulator, followUp: followUps)

        #expect(await emulator.advance(Self.number, to: "OutForDelivery", at: Self.scannedAt) == 200)
        #expect(await emulator.advance(Self.number, to: "Delivered", at: Self.scannedAt + 3_600) == 200)
        // The service retries the same delivery, then a stale scan arrives late.
        #expect(await emulator.advance(Self.number, to: "Delivered", at: Self.scannedAt + 3_600) == 200)
        #expect(await emulator.advance(Self.number, to: "InTransit", at: Self.scannedAt - 3_600) == 200)
        let events = try await server.persistence.shipmentEvents(store: Self.store)
        #expect(events.map(\.stage) == [.outForDelivery, .delivered])
        #expect(events.last?.at == Self.scannedAt + 3_600)
        #expect(events.allSatisfy { $0.source == "aftership" && $0.orderID == "1001" })
        await followUps.waitFor(2)
        #expect(await followUps.calls.count == 2)
        try await server.stop()
        await emulator.stop()
    }

    @Test func aWebhookForAParcelTheStoreDoesNotFollowIsAcknowledgedAndIgnored() async throws {
        let emulator = try await AfterShipEmulator.start(apiKey: "as_key", webhookSecret: "as_whsec")
        let server = try await Self.start(emulator)
        let body = Data(
            #"{"event":"tracking_update","msg":{"id":"y","tracking_number":"OTHER-1","tag":"Delivered"}}"#.utf8)
        #expect(await emulator.post(body, to: server.baseURL + "/tracking/aftership/\(Self.store)") == 200)
        #expect(try await server.persistence.shipmentEvents(store: Self.store).isEmpty)
        try await server.stop()
        await emulator.stop()
    }
}
