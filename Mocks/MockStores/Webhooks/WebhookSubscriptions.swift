import AsyncHTTPClient
import Foundation
import NIOConcurrencyHelpers
import NIOCore

/// The webhook subscriptions created through the platform API
/// (`POST /wp-json/wc/v3/webhooks`, `POST /admin/api/{v}/webhooks.json`),
/// listed back as the platforms list them.
///
/// They are recorded, not delivered to: deliveries go to the target given
/// at start (`MockWebhookTarget`, `--webhook-url`). Creating an active
/// WooCommerce webhook pings its URL once, as WooCommerce does
/// (`WC_Webhook::deliver_ping`).
final class MockWebhookSubscriptions: Sendable {
    struct Subscription: Sendable {
        let id: Int64
        let topic: String
        let address: String
        let secret: String?
        let status: String
        let createdAt: Int64
    }

    private let box = NIOLockedValueBox<[Subscription]>([])

    var all: [Subscription] { box.withLockedValue { $0 } }

    /// Adds a subscription; `nil` when `topic` + `address` already exist (Shopify refuses those).
    func add(topic: String, address: String, secret: String?, status: String, now: Int64, unique: Bool)
        -> Subscription?
    {
        box.withLockedValue { list in
            if unique, list.contains(where: { $0.topic == topic && $0.address == address }) { return nil }
            let subscription = Subscription(
                id: Int64(list.count + 1), topic: topic, address: address, secret: secret, status: status,
                createdAt: now)
            list.append(subscription)
            return subscription
        }
    }

    /// WooCommerce's activation ping: `webhook_id=N`, form-encoded, unsigned.
    static func ping(_ subscription: Subscription) async {
        guard let url = URL(string: subscription.address), let host = url.host,
            ["127.0.0.1", "localhost", "::1", "[::1]"].contains(host)
        else { return }
        var request = HTTPClientRequest(url: subscription.address)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
        request.headers.add(name: "User-Agent", value: "WooCommerce/10.0.2 Hookshot (WordPress/6.8.3)")
        request.body = .bytes(ByteBuffer(string: "webhook_id=\(subscription.id)"))
        _ = try? await HTTPClient.shared.execute(request, timeout: .seconds(5))
    }
}
