import AsyncHTTPClient
import Foundation
import NIOCore

/// `POST /__mock/webhooks/deliver?id=N`: one WooCommerce delivery to a
/// subscription's own address, signed with its own secret, counted the way
/// WooCommerce counts failures (``MockWebhookSubscriptions/recordDelivery(id:succeeded:)``).
///
/// Tests use it to drive a webhook into the `disabled` state the real store
/// reaches after repeated failures (api-facts §8.6). The answer, unlike the
/// REST listing, shows the failure count: it is a test control.
enum WebhookSubscriptionDelivery {
    static func handle(_ req: MockRequest, core: ServerCore) async -> MockResponse {
        guard core.platform == .woocommerce, let emulator = core.emulator else {
            return .jsonText(404, #"{"error":"webhook deliveries to subscriptions are emulated for WooCommerce only"}"#)
        }
        guard let id = req.param("id").flatMap(Int64.init),
            let result = await deliver(
                id: id, index: req.param("index").flatMap(Int.init) ?? 0, emulator: emulator, core: core)
        else {
            return .jsonText(404, #"{"error":"pass id=N of an existing webhook subscription"}"#)
        }
        return answer(result.0, delivered: result.delivered)
    }

    /// One delivery attempt to subscription `id`, recorded; `nil` when there is no such subscription.
    static func deliver(id: Int64, index: Int, emulator: any PlatformEmulator, core: ServerCore) async
        -> (MockWebhookSubscriptions.Subscription, delivered: Bool)?
    {
        guard let subscription = core.webhookSubscriptions.subscription(id: id) else { return nil }
        // WooCommerce queues deliveries for active webhooks only.
        guard subscription.status == "active" else { return (subscription, false) }
        let resource = subscription.topic.split(separator: ".").first.map(String.init) ?? "order"
        let body: ByteBuffer
        switch resource {
        case "customer": body = emulator.renderCustomerPayload(index)
        case "coupon": body = emulator.renderCouponPayload(index)
        default: body = emulator.renderOrderPayload(index)
        }
        let succeeded = await send(subscription, body: body, core: core)
        guard let updated = core.webhookSubscriptions.recordDelivery(id: id, succeeded: succeeded) else { return nil }
        return (updated, succeeded)
    }

    /// A 2xx answer is a success; anything else, or no answer, a failure.
    private static func send(_ s: MockWebhookSubscriptions.Subscription, body: ByteBuffer, core: ServerCore) async
        -> Bool
    {
        guard let url = URL(string: s.address), let host = url.host,
            ["127.0.0.1", "localhost", "::1", "[::1]"].contains(host)
        else { return false }
        let parts = s.topic.split(separator: ".").map(String.init)
        var request = HTTPClientRequest(url: s.address)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.headers.add(name: "User-Agent", value: "WooCommerce/10.0.2 Hookshot (WordPress/6.8.3)")
        request.headers.add(name: "X-WC-Webhook-Topic", value: s.topic)
        request.headers.add(name: "X-WC-Webhook-Resource", value: parts.first ?? "")
        request.headers.add(name: "X-WC-Webhook-Event", value: parts.last ?? "")
        request.headers.add(name: "X-WC-Webhook-ID", value: String(s.id))
        request.headers.add(
            name: "X-WC-Webhook-Delivery-ID",
            value: String(WebhookSignature.hex("\(core.state.snapshot().now)").prefix(32)))
        if let secret = s.secret {
            request.headers.add(
                name: "X-WC-Webhook-Signature", value: WebhookSignature.sign(Array(buffer: body), secret: secret))
        }
        request.body = .bytes(body)
        guard let response = try? await HTTPClient.shared.execute(request, timeout: .seconds(5)) else { return false }
        _ = try? await response.body.collect(upTo: 1 << 20)
        return (200...299).contains(response.status.code)
    }

    private static func answer(_ s: MockWebhookSubscriptions.Subscription, delivered: Bool) -> MockResponse {
        var w = JSONWriter(style: .plain, capacity: 128)
        w.beginObject()
        w.field("id", s.id)
        w.field("delivered", delivered)
        w.field("status", s.status)
        w.field("failure_count", s.failureCount)
        w.endObject()
        return .json(200, w)
    }
}
