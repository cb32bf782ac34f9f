import AftercartConnector
import AftercartDelivery
import AftercartModel
import AftercartStore
import AsyncHTTPClient
import Foundation
import MockStores
import Testing

/// Push-back after a send, and the store channel, against the emulators.
@Suite struct StoreWriteTests {
    func shopifyCustomer(_ harness: StoreHarness, _ id: String, _ suffix: String = "") async throws -> [String: Any] {
        var request = HTTPClientRequest(url: harness.mock.apiBaseURL + "/customers/\(id)\(suffix).json")
        request.headers.add(name: "X-Shopify-Access-Token", value: harness.mock.credentials.accessToken ?? "")
        let response = try await harness.client.execute(request, timeout: .seconds(60))
        let body = try await response.body.collect(upTo: 1 << 20)
        return (try JSONSerialization.jsonObject(with: Data(body.readableBytesView)) as? [String: Any]) ?? [:]
    }

    /// Sends one email about `order` carrying `pushBack` and performs the
    /// store writes it queues, in one executor run.
    func send(
        _ pushBack: EmailAction.PushBack, about order: Order, key: String, _ harness: StoreHarness, _ scratch: Scratch
    ) async throws -> DeliveryReport {
        let clock = TestClock()
        let email = DeliveryFixtures.email(orderID: order.id, customerID: order.customer.id, pushBack: pushBack)
        try await scratch.persistence.enqueue(
            DeliveryFixtures.entry(key, .sendEmail, payload: DeliveryFixtures.json(email), store: harness.store),
            now: clock.now)
        let executor = DeliveryExecutor(
            outbox: scratch.persistence, channel: FileChannel(directory: scratch.outboxFolder),
            options: DeliveryFixtures.options(), now: clock.closure, logger: DeliveryFixtures.quietLogger)
        return try await executor.run(connectors: [harness.store: harness.connector])
    }

    func shopifyTags(_ harness: StoreHarness, _ customerID: String) async throws -> String {
        let customer = try await shopifyCustomer(harness, customerID)
        return ((customer["customer"] as? [String: Any])?["tags"] as? String) ?? ""
    }

    @Test func aSentEmailLeavesAPrivateOrderNoteWithTheSendDateInWooCommerce() async throws {
        try await withStore(.woocommerce) { harness in
            try await withScratch { scratch in
                let clock = TestClock()
                let order = try await harness.firstOrder()
                let email = DeliveryFixtures.email(
                    orderID: order.id, customerID: order.customer.id,
                    pushBack: .init(
                        orderNote: "Aftercart: review request sent {date}", customerTags: ["aftercart-review"]))
                try await scratch.persistence.enqueue(
                    DeliveryFixtures.entry(
                        "review/e/pb", .sendEmail, payload: DeliveryFixtures.json(email), store: harness.store),
                    now: clock.now)
                var options = DeliveryFixtures.options()
                options.timeZones = [harness.store: TimeZone(identifier: "Asia/Tokyo")!]
                let executor = DeliveryExecutor(
                    outbox: scratch.persistence, channel: FileChannel(directory: scratch.outboxFolder),
                    options: options,
                    now: clock.closure, logger: DeliveryFixtures.quietLogger)
                let report = try await executor.run(connectors: [harness.store: harness.connector])
                #expect(report.lines.map(\.action) == [.sendEmail, .addOrderNote, .tagCustomer])
                #expect(report.count(.done) == 2, "\(report.lines.map(\.detail))")
                // WooCommerce customers have no tags: the row ends skipped, not done,
                // and no customer write reaches the store.
                let tag = try #require(report.lines.first { $0.action == .tagCustomer })
                #expect(tag.outcome == .skipped)
                #expect(tag.detail.contains("woocommerce customers have no tags; nothing was written"))
                let tagRow = try #require(
                    try await scratch.persistence.outboxEntry(idempotencyKey: "review/e/pb/push-back-tags"))
                #expect(tagRow.state == .skipped)
                #expect(try await scratch.persistence.outboxCounts()[.skipped] == 1)
                #expect(harness.mock.stats().count(path: "/wp-json/wc/v3/customers/\(order.customer.id ?? "")") == 0)
                let notePath = "/wp-json/wc/v3/orders/\(order.id)/notes"
                #expect(harness.mock.stats().count(path: notePath, status: 201) == 1)
                let note = try #require(
                    try await scratch.persistence.outboxEntry(idempotencyKey: "review/e/pb/push-back-note"))
                let payload = try ModelJSON.decoder().decode(OrderNoteAction.self, from: Data(note.payload.utf8))
                // t0 is 2026-11-18 in UTC and already the 19th in Tokyo.
                #expect(payload.text == "Aftercart: review request sent \(Self.tokyoDate(DeliveryFixtures.t0))")
                #expect(!payload.customerVisible)
                // A second run adds nothing.
                #expect(try await executor.run(connectors: [harness.store: harness.connector]).lines.isEmpty)
                #expect(harness.mock.stats().count(path: notePath, status: 201) == 1)
            }
        }
    }

    static func tokyoDate(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "Asia/Tokyo")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: date)
    }

    @Test func aSentEmailTagsTheShopifyCustomer() async throws {
        try await withStore(.shopify) { harness in
            try await withScratch { scratch in
                let order = try await harness.firstOrder()
                let customerID = try #require(order.customer.id)
                let report = try await send(
                    .init(customerTags: ["aftercart-review-sent"]), about: order, key: "review/e/tag", harness, scratch)
                #expect(report.count(.done) == 2)
                #expect(try await shopifyTags(harness, customerID).contains("aftercart-review-sent"))
            }
        }
    }

    /// What a campaign without `push_back` plans: the order note only, so
    /// the Shopify customer keeps exactly the tags they had.
    @Test func byDefaultTheShopifyCustomerIsNotTagged() async throws {
        try await withStore(.shopify) { harness in
            try await withScratch { scratch in
                let order = try await harness.firstOrder()
                let customerID = try #require(order.customer.id)
                let before = try await shopifyTags(harness, customerID)
                let report = try await send(
                    .init(orderNote: "Aftercart: review-request email sent {date}"), about: order,
                    key: "review/e/default", harness, scratch)
                #expect(report.lines.map(\.action) == [.sendEmail, .addOrderNote])
                #expect(report.count(.done) == 2, "\(report.lines.map(\.detail))")
                let after = try await shopifyTags(harness, customerID)
                #expect(after == before)
                #expect(!after.contains("aftercart-"))
            }
        }
    }

    @Test func theStoreChannelWritesACustomerVisibleNoteInWooCommerce() async throws {
        try await withStore(.woocommerce) { harness in
            let order = try await harness.firstOrder()
            let message = OutgoingMessage(
                from: DeliveryFixtures.sender, to: try MailAddress(address: "hana@example.test"), subject: "Thanks",
                text: "How was it?", html: "<p>How was it?</p>", date: DeliveryFixtures.t0,
                origin: .init(
                    outboxID: 1, idempotencyKey: "k", store: harness.store, campaign: "review", action: .sendEmail,
                    orderID: order.id))
            let receipt = try await StoreChannel().deliver(message, connector: harness.connector)
            #expect(receipt.contains("customer note on order \(order.id)"))
            #expect(harness.mock.stats().count(path: "/wp-json/wc/v3/orders/\(order.id)/notes", status: 201) == 1)
            // Without an order there is nothing to attach the note to: a refusal, not a retry.
            var orphan = message
            orphan.origin.orderID = nil
            await #expect {
                _ = try await StoreChannel().deliver(orphan, connector: harness.connector)
            } throws: { error in
                (error as? ChannelFailure)?.isTransient == false
            }
        }
    }

    @Test func theStoreChannelTagsTheShopifyCustomerAndSetsMetafields() async throws {
        try await withStore(.shopify) { harness in
            let order = try await harness.firstOrder()
            let customerID = try #require(order.customer.id)
            let message = OutgoingMessage(
                from: DeliveryFixtures.sender, to: try MailAddress(address: "hana@example.test"), subject: "Thanks",
                text: "How was it?", html: "<p>How was it?</p>", date: DeliveryFixtures.t0,
                origin: .init(
                    outboxID: 1, idempotencyKey: "k", store: harness.store, campaign: "review", action: .sendEmail,
                    customerID: customerID, couponCode: "AC-1"))
            _ = try await StoreChannel().deliver(message, connector: harness.connector)
            let customer = try await shopifyCustomer(harness, customerID)
            let tags = ((customer["customer"] as? [String: Any])?["tags"] as? String) ?? ""
            #expect(tags.contains(StoreChannel.messageTag))
            #expect(tags.contains("aftercart-review"))
            let metafields = try await shopifyCustomer(harness, customerID, "/metafields")
            let entries = (metafields["metafields"] as? [[String: Any]]) ?? []
            #expect(entries.contains { $0["key"] as? String == "last_subject" && $0["value"] as? String == "Thanks" })
        }
    }
}
