import Crypto
import Foundation
import Hummingbird
import NIOCore
import Testing

@testable import MockStores

@Suite("Time advance, stats, reset, webhooks")
struct AdvanceAndWebhookTests {
    @Test("WooCommerce: advance(orders:) changes orders that modified_after then finds exactly")
    func wooAdvance() async throws {
        try await withMock(woo(2_000)) { (mock: MockStoreServer) async throws in
            let result = mock.advance(orders: 7)
            #expect(result.changedOrderIDs.count == 7)
            let since = CivilTime(epochSeconds: Int64(result.previousClock.timeIntervalSince1970)).isoLocal
            let found = try await mock.woo("/orders?per_page=100&dates_are_gmt=true&modified_after=\(since)")
            #expect(Set(found.array.compactMap { $0["id"]?.int64 }) == Set(result.changedOrderIDs))
            #expect(found.header("X-WP-Total") == "7")

            let byTime = mock.advance(seconds: 3 * 86_400)
            let since2 = CivilTime(epochSeconds: Int64(byTime.previousClock.timeIntervalSince1970)).isoLocal
            var ids = Set<Int64>()
            var page = 1
            while true {
                let r = try await mock.woo(
                    "/orders?per_page=100&dates_are_gmt=true&modified_after=\(since2)&page=\(page)")
                ids.formUnion(r.array.compactMap { $0["id"]?.int64 })
                if r.links["next"] == nil { break }
                page += 1
            }
            #expect(!byTime.changedOrderIDs.isEmpty)
            #expect(ids == Set(byTime.changedOrderIDs))
        }
    }

    @Test("Shopify: advance over HTTP, updated_at_min finds exactly the changed orders, reset restores")
    func shopifyAdvance() async throws {
        try await withMock(shopify(1_500)) { (mock: MockStoreServer) async throws in
            let before = try await mock.shopify("/orders.json?status=any&limit=5").body
            let r = try await mock.admin("/__mock/advance?orders=5", method: .POST)
            #expect(r.status == 200)
            let changed = Set((r.value?["changed_order_ids"]?.array ?? []).compactMap(\.int64))
            #expect(changed.count == 5)
            let previous = try #require(r.value?["previous_clock"]?.text)
            let parsed = try #require(ParsedTimestamp.parse(previous))
            let min = CivilTime(epochSeconds: parsed.wallSeconds + 1).isoLocal + "Z"
            let found = try await mock.shopify("/orders.json?status=any&limit=250&updated_at_min=\(min)")
            #expect(Set((found.value?["orders"]?.array ?? []).compactMap { $0["id"]?.int64 }) == changed)

            let stats = try await mock.admin("/__mock/stats")
            #expect(stats.value?["total"]?.int == 2)
            #expect(try await mock.admin("/__mock/reset", method: .POST).status == 200)
            #expect(try await mock.shopify("/orders.json?status=any&limit=5").body == before)
            #expect(mock.stats().total == 1)
        }
    }

    @Test("webhook signatures match the constructed fixtures (known answer)")
    func knownAnswer() throws {
        for (file, header) in [
            ("woocommerce_webhook_order_updated_constructed.json", "X-WC-Webhook-Signature"),
            ("shopify_webhook_orders_updated_constructed.json", "X-Shopify-Hmac-Sha256"),
        ] {
            let f = try fixture(file)
            let body = Array(f["raw_body"]!.text!.utf8)
            #expect(WebhookSignature.sign(body, secret: f["secret"]!.text!) == f["headers"]![header]!.text!)
        }
    }

    @Test("changes are delivered as signed webhooks", arguments: [MockPlatform.woocommerce, .shopify])
    func delivery(platform: MockPlatform) async throws {
        let receiver = try await WebhookReceiver.start()
        let target = MockWebhookTarget(url: receiver.url, secret: "s3cret")
        let config = platform == .woocommerce ? woo(50, webhook: target) : shopify(50, webhook: target)
        try await withMock(config) { (mock: MockStoreServer) async throws in
            let changed = mock.advance(orders: 2)
            let deliveries = try await receiver.wait(count: 2)
            for d in deliveries {
                let signatureHeader = platform == .woocommerce ? "x-wc-webhook-signature" : "x-shopify-hmac-sha256"
                #expect(d.headers[signatureHeader] == WebhookSignature.sign(d.body, secret: "s3cret"))
                let id = JSONValue.parse(d.body)?["id"]?.int64
                #expect(id.map { changed.changedOrderIDs.contains($0) } == true)
                if platform == .woocommerce {
                    #expect(d.headers["x-wc-webhook-topic"] == "order.updated")
                    #expect(d.headers["x-wc-webhook-source"] == mock.homeURL + "/")
                    #expect(d.headers["x-wc-webhook-delivery-id"] != nil && d.headers["x-wc-webhook-id"] != nil)
                } else {
                    #expect(d.headers["x-shopify-topic"] == "orders/updated")
                    for h in [
                        "x-shopify-shop-domain", "x-shopify-api-version", "x-shopify-webhook-id", "x-shopify-event-id",
                        "x-shopify-triggered-at",
                    ] {
                        #expect(d.headers[h] != nil, "\(h)")
                    }
                }
            }
        }
        await receiver.stop()
    }

    @Test("a webhook URL off loopback is refused")
    func loopbackOnly() async throws {
        await #expect(throws: MockStoreError.self) {
            _ = try await MockStoreServer.start(
                woo(1, webhook: MockWebhookTarget(url: "http://example.com/hook", secret: "x")))
        }
    }
}

/// A tiny loopback HTTP server that records POSTs.
final class WebhookReceiver: Sendable {
    struct Delivery: Sendable {
        let headers: [String: String]
        let body: [UInt8]
    }

    let url: String
    private let task: Task<Void, any Error>
    private let inbox: Inbox

    actor Inbox {
        var items: [Delivery] = []
        func add(_ d: Delivery) { items.append(d) }
    }

    private init(url: String, task: Task<Void, any Error>, inbox: Inbox) {
        self.url = url
        self.task = task
        self.inbox = inbox
    }

    static func start() async throws -> WebhookReceiver {
        let inbox = Inbox()
        let router = Router()
        router.post("hook") { request, context -> HTTPResponse.Status in
            var request = request
            let body = try await request.collectBody(upTo: 10_000_000)
            var headers: [String: String] = [:]
            for f in request.headers { headers[f.name.canonicalName] = f.value }
            await inbox.add(Delivery(headers: headers, body: Array(buffer: body)))
            return .ok
        }
        let (stream, continuation) = AsyncStream.makeStream(of: Int.self)
        let app = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: {
                continuation.yield($0.localAddress?.port ?? 0)
                continuation.finish()
            })
        let task = Task { try await app.run() }
        var port = 0
        for await p in stream { port = p }
        return WebhookReceiver(url: "http://127.0.0.1:\(port)/hook", task: task, inbox: inbox)
    }

    /// Up to 30 s: deliveries are asynchronous, and a loaded machine delays them.
    func wait(count: Int) async throws -> [Delivery] {
        for _ in 0..<1_200 {
            let items = await inbox.items
            if items.count >= count { return items }
            try await Task.sleep(for: .milliseconds(25))
        }
        return await inbox.items
    }

    func stop() async {
        task.cancel()
        _ = try? await task.value
    }
}
