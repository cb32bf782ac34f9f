import AftercartConnector
import AftercartModel
import AftercartServer
import AftercartStore
import Foundation
import MockStores
import Testing
import WooCommerceConnector

/// WooCommerce deliveries, with what real stores were seen to send (recorded in these tests).
@Suite struct WooCommerceWebhookTests {
    let path = "/webhooks/woocommerce/tokyo-woo"

    @Test func signedFixtureIsStoredAsTheAdapterMapsIt() async throws {
        let server = try await RunningServer.start([try TestStores.woo()])
        let delivery = try WebhookFixtures.wooOrder()
        let answer = try await server.post(path, body: delivery.body, headers: delivery.headers)
        #expect(answer.status == 200)
        #expect(answer.body.contains("\"outcome\":\"applied\""))
        let stored = try #require(
            try await server.persistence.record(Order.self, store: "tokyo-woo", platformID: "727"))
        let expected = try WooCommerceOrderMapper(store: "tokyo-woo").mapOrder(delivery.body).record
        #expect(stored.record == expected)
        #expect(try await server.persistence.checkpoints().isEmpty)
        try await server.stop()
    }

    @Test func oneFlippedByteIsRefusedAndNothingStored() async throws {
        let server = try await RunningServer.start([try TestStores.woo()])
        let delivery = try WebhookFixtures.wooOrder()
        var tampered = delivery.body
        tampered[tampered.startIndex + 7] ^= 0x01
        #expect(try await server.post(path, body: tampered, headers: delivery.headers).status == 401)
        var unsigned = delivery.headers
        unsigned["X-WC-Webhook-Signature"] = nil
        #expect(try await server.post(path, body: delivery.body, headers: unsigned).status == 401)
        #expect(try await server.persistence.recordCounts().isEmpty)
        try await server.stop()
    }

    @Test func theActivationPingIsAcceptedUnsignedAndStoresNothing() async throws {
        let server = try await RunningServer.start([try TestStores.woo()])
        let ping = try WebhookFixtures.wooPing()
        let answer = try await server.post(path, body: ping.body, headers: ping.headers)
        #expect(answer.status == 200)
        #expect(answer.body.contains("\"outcome\":\"ping\""))
        #expect(try await server.persistence.recordCounts().isEmpty)
        // A form body that is not a ping gets no such pass.
        var notPing = ping.headers
        notPing["X-WC-Webhook-Topic"] = "order.updated"
        #expect(try await server.post(path, body: ping.body, headers: notPing).status == 401)
        try await server.stop()
    }

    /// Real stores reuse `X-WC-Webhook-Delivery-ID` across different deliveries
    /// sent in the same second, as real stores do: dedupe must not lose the second order.
    @Test func sharedDeliveryIdDoesNotHideADifferentDelivery() async throws {
        let counter = FollowUpRecorder()
        let server = try await RunningServer.start([try TestStores.woo()], followUp: counter)
        let first = try WebhookFixtures.wooOrder()
        let second = first.resigned(
            try WebhookFixtures.editing(first.body, ["id": 728, "number": "728"]), header: "X-WC-Webhook-Signature")
        #expect(first.headers["X-WC-Webhook-Delivery-ID"] == second.headers["X-WC-Webhook-Delivery-ID"])
        for delivery in [first, second] {
            let answer = try await server.post(path, body: delivery.body, headers: delivery.headers)
            #expect(answer.body.contains("\"outcome\":\"applied\""))
        }
        #expect(try await server.persistence.record(Order.self, store: "tokyo-woo", platformID: "728") != nil)
        // The same delivery again, under a new delivery id, is the same delivery.
        var again = first
        again.headers["X-WC-Webhook-Delivery-ID"] = "ffffffffffffffffffffffffffffffff"
        #expect(try await server.post(path, body: again.body, headers: again.headers).body.contains("duplicate"))
        await counter.waitFor(2)
        #expect(await counter.calls.map(\.ids) == [["727"], ["728"]])
        try await server.stop()
    }

    @Test func deletedCouponIsMarkedVanishedNotDeleted() async throws {
        // Coupons carry the store currency, which the adapter asks the store for.
        let mock = try await MockStoreServer.start(.woocommerce(WooCommerceMockOptions(orders: 5, seed: 3)))
        let endpoint = try TestStores.woo(
            baseURL: mock.baseURL, consumerKey: mock.credentials.consumerKey ?? "",
            consumerSecret: mock.credentials.consumerSecret ?? "")
        let server = try await RunningServer.start([endpoint])
        let template = try WebhookFixtures.wooOrder()
        let coupon = try WebhookFixtures.data("woocommerce_coupon.json")
        var created = template.resigned(coupon, header: "X-WC-Webhook-Signature")
        created.headers["X-WC-Webhook-Topic"] = "coupon.created"
        created.headers["X-WC-Webhook-ID"] = "43"
        #expect(try await server.post(path, body: created.body, headers: created.headers).status == 200)
        let stored = try await server.persistence.recordPage(
            Coupon.self, store: "tokyo-woo", after: nil, limit: 10, includeVanished: true)
        let id = try #require(stored.items.first?.record.id)
        var deleted = template.resigned(Data("{\"id\":\(id)}".utf8), header: "X-WC-Webhook-Signature")
        deleted.headers["X-WC-Webhook-Topic"] = "coupon.deleted"
        #expect(try await server.post(path, body: deleted.body, headers: deleted.headers).status == 200)
        let after = try #require(
            try await server.persistence.record(Coupon.self, store: "tokyo-woo", platformID: id))
        #expect(after.vanishedAt != nil)
        try await server.stop()
        await mock.stop()
    }

    @Test func aTrashedOrderIsMarkedVanishedAndARestoredOneIsLiveAgain() async throws {
        let server = try await RunningServer.start([try TestStores.woo()])
        let delivery = try WebhookFixtures.wooOrder()
        #expect(try await server.post(path, body: delivery.body, headers: delivery.headers).status == 200)
        // WooCommerce sends `order.deleted` on trash, with only the id (api-facts §8.4).
        var deleted = delivery.resigned(Data(#"{"id":727}"#.utf8), header: "X-WC-Webhook-Signature")
        deleted.headers["X-WC-Webhook-Topic"] = "order.deleted"
        deleted.headers["X-WC-Webhook-Event"] = "deleted"
        let answer = try await server.post(path, body: deleted.body, headers: deleted.headers)
        #expect(answer.status == 200)
        #expect(answer.body.contains("\"outcome\":\"applied\""))
        let trashed = try #require(
            try await server.persistence.record(Order.self, store: "tokyo-woo", platformID: "727"))
        #expect(trashed.vanishedAt != nil)
        let planned = try await server.persistence.recordPage(
            Order.self, store: "tokyo-woo", after: nil, limit: 10, includeVanished: false)
        #expect(planned.items.isEmpty)

        // `order.restored` carries the order again: live again.
        var restored = delivery
        restored.headers["X-WC-Webhook-Topic"] = "order.restored"
        restored.headers["X-WC-Webhook-ID"] = "44"
        #expect(try await server.post(path, body: restored.body, headers: restored.headers).status == 200)
        let back = try #require(try await server.persistence.record(Order.self, store: "tokyo-woo", platformID: "727"))
        #expect(back.vanishedAt == nil)
        try await server.stop()
    }

    @Test func productTopicIsAcknowledgedAndIgnored() async throws {
        let server = try await RunningServer.start([try TestStores.woo()])
        var delivery = try WebhookFixtures.wooOrder()
        delivery.headers["X-WC-Webhook-Topic"] = "product.updated"
        let answer = try await server.post(path, body: delivery.body, headers: delivery.headers)
        #expect(answer.status == 200)
        #expect(answer.body.contains("ignored"))
        #expect(try await server.persistence.recordCounts().isEmpty)
        try await server.stop()
    }
}
