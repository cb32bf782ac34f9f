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
        var status: String
        let createdAt: Int64
        /// Consecutive failed deliveries, kept in the database only: REST
        /// never shows it (api-facts §8.6).
        var failureCount = 0
    }

    /// More than this many consecutive failures disable a webhook
    /// (WooCommerce's `woocommerce_max_webhook_delivery_failures`, default 5).
    static let maxDeliveryFailures = 5

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

    /// The subscription with `id`, if any.
    func subscription(id: Int64) -> Subscription? {
        box.withLockedValue { list in list.first { $0.id == id } }
    }

    /// Sets a subscription's status, as `PUT /webhooks/{id}` does; the
    /// failure count is left alone, so a re-activated webhook that fails
    /// once more is disabled again.
    func update(id: Int64, status: String) -> Subscription? {
        box.withLockedValue { list in
            guard let index = list.firstIndex(where: { $0.id == id }) else { return nil }
            list[index].status = status
            return list[index]
        }
    }

    /// Records one delivery's outcome the way `WC_Webhook::failed_delivery`
    /// does: a success resets the count; a failure past the limit disables
    /// the webhook and leaves the count where it was (the 7th failure in a
    /// row disables it with the count at 6).
    func recordDelivery(id: Int64, succeeded: Bool) -> Subscription? {
        box.withLockedValue { list in
            guard let index = list.firstIndex(where: { $0.id == id }) else { return nil }
            if succeeded {
                list[index].failureCount = 0
            } else if list[index].failureCount > Self.maxDeliveryFailures {
                list[index].status = "disabled"
            } else {
                list[index].failureCount += 1
            }
            return list[index]
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
