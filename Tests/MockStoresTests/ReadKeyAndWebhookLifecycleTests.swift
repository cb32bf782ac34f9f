import Foundation
import NIOHTTP1
import Testing

@testable import MockStores

/// Read-only keys (api-facts §8.5) and the webhook failure lifecycle (§8.6),
/// as a real WooCommerce 10.0.2 store behaves.
@Suite("WooCommerce read keys and webhook lifecycle")
struct ReadKeyAndWebhookLifecycleTests {
    static let refusal =
        #"{"code":"woocommerce_rest_authentication_error","message":"The API key provided does not have write permissions.","data":{"status":401}}"#

    func readKeyStore() -> MockStoreConfiguration {
        .woocommerce(WooCommerceMockOptions(orders: 5, seed: 4, keyPermission: .read))
    }

    @Test func aReadKeyReadsButEveryWriteIsRefusedBeforeRoutingAndNothingIsWritten() async throws {
        try await withMock(readKeyStore()) { mock in
            #expect(try await mock.woo("/orders?per_page=1").status == 200)
            let before = try await mock.woo("/coupons?per_page=100").array.count
            let coupon = #"{"code":"readkey10","discount_type":"percent","amount":"10"}"#
            for (method, path, body) in [
                (HTTPMethod.POST, "/coupons", coupon),
                (.POST, "/orders/\(WooIDs.order(0))/notes", #"{"note":"hi"}"#),
                (.PUT, "/customers/2", #"{"meta_data":[]}"#),
                (.PATCH, "/customers/2", #"{"meta_data":[]}"#),
                (.DELETE, "/coupons/1", nil),
                (.POST, "/aftercart/permission-probe", nil),
                (.POST, "/webhooks", #"{"topic":"order.updated","delivery_url":"http://127.0.0.1:9/x"}"#),
            ] as [(HTTPMethod, String, String?)] {
                let answer = try await mock.woo(path, method: method, body: body)
                #expect(answer.status == 401, "\(method) \(path)")
                #expect(answer.text == Self.refusal, "\(method) \(path)")
            }
            #expect(try await mock.woo("/coupons?per_page=100").array.count == before)
            #expect(try await mock.woo("/webhooks").array.isEmpty)
        }
    }

    @Test func aReadWriteKeyGetsNoRouteForTheProbePath() async throws {
        try await withMock(woo(5)) { mock in
            let answer = try await mock.woo("/aftercart/permission-probe", method: .POST)
            #expect(answer.status == 404)
            #expect(answer.value?["code"]?.text == "rest_no_route")
        }
    }

    @Test func theSeventhFailedDeliveryDisablesAWebhookAndOnlyASuccessResetsTheCount() async throws {
        try await withMock(woo(5)) { mock in
            // The store's own 404 answers fast, where an unanswered port would hold each try until its timeout.
            let created = try await mock.woo(
                "/webhooks", method: .POST,
                body: #"{"topic":"order.updated","delivery_url":"\#(mock.baseURL)/nowhere/hook","secret":"s"}"#)
            #expect(created.status == 201)
            let id = try #require(created.value?["id"]?.int)
            for attempt in 1...6 {
                let outcome = try await deliver(mock, id)
                #expect(outcome?["delivered"]?.bool == false)
                #expect(outcome?["status"]?.text == "active", "attempt \(attempt)")
                #expect(outcome?["failure_count"]?.int == attempt)
            }
            let seventh = try await deliver(mock, id)
            #expect(seventh?["status"]?.text == "disabled")
            #expect(seventh?["failure_count"]?.int == 6)

            // REST shows the status, never the count or the secret.
            let listed = try #require(try await mock.woo("/webhooks").array.first)
            #expect(listed["status"]?.text == "disabled")
            #expect(listed["failure_count"] == nil && listed["secret"] == nil && listed["pending_delivery"] == nil)
            // A disabled webhook gets no deliveries.
            #expect(try await deliver(mock, id)?["failure_count"]?.int == 6)

            // Re-activating keeps the count: one more failure disables it again.
            let put = try await mock.woo("/webhooks/\(id)", method: .PUT, body: #"{"status":"active"}"#)
            #expect(put.status == 200)
            #expect(put.value?["status"]?.text == "active")
            #expect(try await deliver(mock, id)?["status"]?.text == "disabled")

            // A success resets the count: the store's own index answers a POST with 200.
            let healthy = try await mock.woo(
                "/webhooks", method: .POST,
                body: #"{"topic":"order.created","delivery_url":"\#(mock.baseURL)/wp-json/","secret":"s"}"#)
            let healthyID = try #require(healthy.value?["id"]?.int)
            for _ in 1...3 { _ = try await deliver(mock, healthyID) }
            let ok = try await deliver(mock, healthyID)
            #expect(ok?["delivered"]?.bool == true)
            #expect(ok?["failure_count"]?.int == 0)
            #expect(try await mock.woo("/webhooks/999", method: .PUT, body: #"{"status":"active"}"#).status == 404)
        }
    }

    private func deliver(_ mock: MockStoreServer, _ id: Int) async throws -> JSONValue? {
        try await mock.admin("/__mock/webhooks/deliver?id=\(id)", method: .POST).value
    }

}
