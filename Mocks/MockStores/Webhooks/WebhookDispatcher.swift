import AsyncHTTPClient
import Crypto
import Foundation
import NIOCore

/// Delivers signed webhooks for data changes, one at a time, in change order.
///
/// WooCommerce: `X-WC-Webhook-*` headers, signature `base64(HMAC-SHA256(body, secret))`.
/// Shopify: `X-Shopify-*` headers, `X-Shopify-Hmac-Sha256` over the raw body.
/// Deliveries are best effort (a failed delivery is dropped, as WooCommerce does).
final class WebhookDispatcher: Sendable {
    let target: MockWebhookTarget
    let platform: MockPlatform
    let source: String
    let shopDomain: String
    let apiVersion: String
    private let stream: AsyncStream<MockChange>
    private let continuation: AsyncStream<MockChange>.Continuation
    private let worker: Task<Void, Never>

    init(
        target: MockWebhookTarget, platform: MockPlatform, source: String, shopDomain: String, apiVersion: String,
        emulator: any PlatformEmulator, clock: @escaping @Sendable () -> Int64
    ) throws {
        guard let url = URL(string: target.url), let host = url.host,
            ["127.0.0.1", "localhost", "::1", "[::1]"].contains(host)
        else {
            throw MockStoreError.webhookNotLoopback(target.url)
        }
        self.target = target
        self.platform = platform
        self.source = source
        self.shopDomain = shopDomain
        self.apiVersion = apiVersion
        (stream, continuation) = AsyncStream.makeStream(of: MockChange.self)
        let stream = self.stream
        let delivery = Delivery(
            target: target, platform: platform, source: source, shopDomain: shopDomain, apiVersion: apiVersion)
        worker = Task {
            var sequence = 0
            for await change in stream {
                sequence += 1
                let body: ByteBuffer
                switch change.kind {
                case _ where change.payload != nil: body = change.payload ?? ByteBuffer()
                case .order: body = emulator.renderOrderPayload(change.index)
                case .customer: body = emulator.renderCustomerPayload(change.index)
                case .coupon: body = emulator.renderCouponPayload(change.index)
                }
                await delivery.send(change, body: body, sequence: sequence, clock: clock())
            }
        }
    }

    func enqueue(_ change: MockChange) { continuation.yield(change) }

    func stop() async {
        continuation.finish()
        worker.cancel()
        _ = await worker.value
    }

    struct Delivery: Sendable {
        let target: MockWebhookTarget
        let platform: MockPlatform
        let source: String
        let shopDomain: String
        let apiVersion: String

        func send(_ change: MockChange, body: ByteBuffer, sequence: Int, clock: Int64) async {
            var request = HTTPClientRequest(url: target.url)
            request.method = .POST
            for (name, value) in headers(change, body: body, sequence: sequence, clock: clock) {
                request.headers.add(name: name, value: value)
            }
            request.body = .bytes(body)
            _ = try? await HTTPClient.shared.execute(request, timeout: .seconds(5))
        }

        func headers(_ change: MockChange, body: ByteBuffer, sequence: Int, clock: Int64) -> [(String, String)] {
            let signature = WebhookSignature.sign(Array(buffer: body), secret: target.secret)
            switch platform {
            case .woocommerce:
                return [
                    ("Content-Type", "application/json"),
                    ("User-Agent", "WooCommerce/10.0.2 Hookshot (WordPress/6.8.3)"),
                    ("X-WC-Webhook-Source", source + "/"),
                    ("X-WC-Webhook-Topic", "\(change.kind.rawValue).\(change.event.rawValue)"),
                    ("X-WC-Webhook-Resource", change.kind.rawValue),
                    ("X-WC-Webhook-Event", change.event.rawValue),
                    ("X-WC-Webhook-Signature", signature),
                    ("X-WC-Webhook-ID", String(["order": 1, "customer": 2, "coupon": 3][change.kind.rawValue] ?? 1)),
                    // Like WooCommerce, the delivery id is derived from the time, so it is not unique.
                    ("X-WC-Webhook-Delivery-ID", String(WebhookSignature.hex("\(clock)").prefix(32))),
                ]
            case .shopify:
                let topic: String
                switch change.kind {
                case .order: topic = change.event == .created ? "orders/create" : "orders/updated"
                case .customer: topic = change.event == .created ? "customers/create" : "customers/update"
                case .coupon: topic = change.event == .created ? "discounts/create" : "discounts/update"
                }
                return [
                    ("Content-Type", "application/json"),
                    ("X-Shopify-Topic", topic),
                    ("X-Shopify-Hmac-Sha256", signature),
                    ("X-Shopify-Shop-Domain", shopDomain),
                    ("X-Shopify-API-Version", apiVersion),
                    ("X-Shopify-Webhook-Id", WebhookSignature.uuid("webhook-\(sequence)-\(clock)")),
                    (
                        "X-Shopify-Event-Id",
                        WebhookSignature.uuid("event-\(change.kind.rawValue)-\(change.index)-\(clock)")
                    ),
                    ("X-Shopify-Triggered-At", CivilTime(epochSeconds: clock).isoLocal + ".000Z"),
                ]
            }
        }
    }
}

/// Webhook signing shared by both platforms.
enum WebhookSignature {
    /// `base64(HMAC-SHA256(key: secret, message: body))`.
    static func sign(_ body: [UInt8], secret: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: body, using: SymmetricKey(data: Data(secret.utf8)))
        return Data(mac).base64EncodedString()
    }

    static func hex(_ text: String) -> String {
        SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// A deterministic UUID-shaped id.
    static func uuid(_ text: String) -> String {
        let h = Array(hex(text).prefix(32))
        return
            "\(String(h[0..<8]))-\(String(h[8..<12]))-4\(String(h[13..<16]))-a\(String(h[17..<20]))-\(String(h[20..<32]))"
    }
}
