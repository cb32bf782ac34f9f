import Foundation
import NIOHTTP1
import Testing

@testable import MockStores

/// Trash, force delete, restore and review moderation as a real
/// WooCommerce 10.0.2 store does them (api-facts §8.4).
@Suite("WooCommerce trash, delete, restore, review moderation")
struct WooTrashAndModerationTests {
    private func ids(_ result: HTTPResult) -> Set<Int> { Set(result.array.compactMap { $0["id"]?.int }) }

    @Test("trashing answers with the order as it was, then lists it only under status=trash")
    func trash() async throws {
        let receiver = try await WebhookReceiver.start()
        let target = MockWebhookTarget(url: receiver.url, secret: "s3cret")
        try await withMock(woo(20, webhook: target)) { mock in
            let all = try await mock.woo("/orders?per_page=100")
            let order = try #require(all.array.first { $0["status"]?.text != "pending" })
            let id = try #require(order["id"]?.int)
            let before = try #require(order["date_modified_gmt"]?.text)
            let since = mock.clock.addingTimeInterval(-1)

            let trashed = try await mock.woo("/orders/\(id)", method: .DELETE)
            #expect(trashed.status == 200)
            #expect(trashed.value?["status"]?.text == order["status"]?.text)
            #expect(trashed.value?["date_modified_gmt"]?.text == before)

            let after = try await mock.woo("/orders/\(id)")
            #expect(after.value?["status"]?.text == "trash")
            #expect(after.value?["date_modified_gmt"]?.text != before)
            let meta = after.value?["meta_data"]?.array ?? []
            let keys = Set(meta.compactMap { $0["key"]?.text })
            #expect(keys.isSuperset(of: ["_wp_trash_meta_status", "_wp_trash_meta_time"]))
            #expect(
                meta.first { $0["key"]?.text == "_wp_trash_meta_status" }?["value"]?.text
                    == "wc-\(order["status"]?.text ?? "")")

            let stamp = Self.gmt(since)
            let changed = try await mock.woo("/orders?per_page=100&dates_are_gmt=true&modified_after=\(stamp)")
            #expect(!ids(changed).contains(id))
            #expect(!ids(try await mock.woo("/orders?per_page=100")).contains(id))
            let trash = try await mock.woo("/orders?status=trash&dates_are_gmt=true&modified_after=\(stamp)")
            #expect(ids(trash) == [id])
            #expect(ids(try await mock.woo("/orders?status=trash,processing&per_page=100")).contains(id))
            #expect(ids(try await mock.woo("/orders?status%5B%5D=trash&per_page=100")).contains(id))

            let deliveries = try await receiver.wait(count: 1)
            let deleted = try #require(deliveries.first)
            #expect(deleted.headers["x-wc-webhook-topic"] == "order.deleted")
            #expect(String(decoding: deleted.body, as: UTF8.self) == "{\"id\":\(id)}")

            // Trashing twice is refused; a force delete makes it gone, silently.
            #expect(try await mock.woo("/orders/\(id)", method: .DELETE).status == 410)
            #expect(try await mock.woo("/orders/\(id)?force=true", method: .DELETE).status == 200)
            let gone = try await mock.woo("/orders/\(id)")
            #expect(gone.status == 404)
            #expect(gone.value?["code"]?.text == "woocommerce_rest_shop_order_invalid_id")
            #expect(!ids(try await mock.woo("/orders?status=trash&per_page=100")).contains(id))
            try await Task.sleep(for: .milliseconds(300))
            #expect(try await receiver.wait(count: 0).count == 1)
        }
        await receiver.stop()
    }

    @Test("a status PUT restores a trashed order without a webhook; the trash meta stays")
    func restore() async throws {
        let receiver = try await WebhookReceiver.start()
        let target = MockWebhookTarget(url: receiver.url, secret: "s3cret")
        try await withMock(woo(5, webhook: target)) { mock in
            let id = try #require(try await mock.woo("/orders?per_page=1").array.first?["id"]?.int)
            _ = try await mock.woo("/orders/\(id)", method: .DELETE)
            _ = try await receiver.wait(count: 1)
            let restored = try await mock.woo("/orders/\(id)", method: .PUT, body: #"{"status":"processing"}"#)
            #expect(restored.status == 200)
            #expect(restored.value?["status"]?.text == "processing")
            let keys = Set((restored.value?["meta_data"]?.array ?? []).compactMap { $0["key"]?.text })
            #expect(keys.contains("_wp_trash_meta_status"))
            #expect(ids(try await mock.woo("/orders?per_page=100")).contains(id))
            try await Task.sleep(for: .milliseconds(300))
            #expect(try await receiver.wait(count: 0).count == 1)
        }
        await receiver.stop()
    }

    @Test("a trashed coupon reads back as trash, frees its code and fires coupon.deleted with only its id")
    func couponTrash() async throws {
        let receiver = try await WebhookReceiver.start()
        let target = MockWebhookTarget(url: receiver.url, secret: "s3cret")
        try await withMock(woo(5, coupons: 4, webhook: target)) { mock in
            let coupon = try #require(try await mock.woo("/coupons?per_page=100").array.first)
            let id = try #require(coupon["id"]?.int)
            let code = try #require(coupon["code"]?.text)
            let trashed = try await mock.woo("/coupons/\(id)", method: .DELETE)
            #expect(trashed.status == 200)
            #expect(trashed.value?["status"]?.text == "publish")
            #expect(try await mock.woo("/coupons/\(id)").value?["status"]?.text == "trash")
            #expect(!ids(try await mock.woo("/coupons?per_page=100")).contains(id))
            #expect(ids(try await mock.woo("/coupons?status=trash")) == [id])
            #expect(try await mock.woo("/coupons?code=\(code)").array.isEmpty)
            let again = try await mock.woo(
                "/coupons", method: .POST, body: #"{"code":"\#(code)","discount_type":"percent","amount":"5"}"#)
            #expect(again.status == 201)
            let deliveries = try await receiver.wait(count: 1)
            let deleted = deliveries.first { $0.headers["x-wc-webhook-topic"] == "coupon.deleted" }
            #expect(deleted.map { String(decoding: $0.body, as: UTF8.self) } == "{\"id\":\(id)}")
        }
        await receiver.stop()
    }

    @Test("a held review is listed only with status=all or hold; approving it moves its product's date_modified")
    func moderation() async throws {
        try await withMock(woo(5, reviews: 60)) { mock in
            let approved = ids(try await mock.woo("/products/reviews?per_page=100"))
            let all = try await mock.woo("/products/reviews?per_page=100&status=all")
            let held = try #require(all.array.first { $0["status"]?.text == "hold" })
            let id = try #require(held["id"]?.int)
            let product = try #require(held["product_id"]?.int)
            #expect(!approved.contains(id))
            #expect(ids(try await mock.woo("/products/reviews?per_page=100&status=hold")).contains(id))
            // modified_after means nothing to reviews: silently ignored.
            let ignored = try await mock.woo("/products/reviews?per_page=100&modified_after=2100-01-01T00:00:00")
            #expect(ids(ignored) == approved)

            let since = Self.gmt(mock.clock)
            let changedBefore = try await mock.woo("/products?dates_are_gmt=true&modified_after=\(since)")
            #expect(!ids(changedBefore).contains(product))
            let put = try await mock.woo("/products/reviews/\(id)", method: .PUT, body: #"{"status":"approved"}"#)
            #expect(put.status == 200)
            #expect(ids(try await mock.woo("/products/reviews?per_page=100")).contains(id))
            let changed = try await mock.woo("/products?dates_are_gmt=true&modified_after=\(since)")
            #expect(ids(changed).subtracting(ids(changedBefore)) == [product])
        }
    }

    static func gmt(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate, .withTime, .withColonSeparatorInTime, .withDashSeparatorInDate]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }
}
