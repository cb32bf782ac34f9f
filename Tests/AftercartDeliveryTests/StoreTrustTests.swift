import AftercartConnector
import AftercartDelivery
import AftercartModel
import AftercartStore
import Foundation
import MockStores
import Testing

/// What the store really allows decides what is sent: a coupon code that
/// exists under other terms holds back the email promising it, and a
/// read-only key fails each write once with the store's own words.
@Suite struct StoreTrustTests {
    static let promise = "10% off, once, for you"

    @Test(arguments: StorePlatform.allCases)
    func aCodeThatExistsAsAFiftyPercentUnlimitedCouponNeverReachesTheCustomerAsTenPercent(
        platform: StorePlatform
    ) async throws {
        try await withStore(platform) { harness in
            try await withScratch { scratch in
                let clock = TestClock()
                let action = try await harness.couponFor("AC-WELCOME-7")
                // Someone made a 50%, unlimited, unrestricted coupon under the planned code.
                _ = try await harness.connector.createCoupon(
                    CouponRequest(
                        code: action.code.lowercased(), kind: .percent, amount: 50, usageLimit: nil,
                        usageLimitPerCustomer: nil))
                try await scratch.persistence.enqueue(
                    DeliveryFixtures.entry(
                        "welcome/coupon", .createCoupon, payload: DeliveryFixtures.json(action), store: harness.store),
                    now: clock.now)
                let email = DeliveryFixtures.email(
                    to: action.email, subject: Self.promise, after: ["welcome/coupon"], coupon: action.code)
                try await scratch.persistence.enqueue(
                    DeliveryFixtures.entry(
                        "welcome/email", .sendEmail, payload: DeliveryFixtures.json(email), store: harness.store),
                    now: clock.now)
                let executor = DeliveryExecutor(
                    outbox: scratch.persistence, channel: FileChannel(directory: scratch.outboxFolder),
                    options: DeliveryFixtures.options(), now: clock.closure, logger: DeliveryFixtures.quietLogger)
                let report = try await executor.run(connectors: [harness.store: harness.connector])

                let coupon = try #require(try await scratch.persistence.outboxEntry(idempotencyKey: "welcome/coupon"))
                #expect(coupon.state == .failed)
                let reason = coupon.lastError ?? ""
                #expect(reason.contains("already exists in the store with other terms"), "\(reason)")
                #expect(reason.contains("amount 50 instead of 10"))
                #expect(reason.contains("usage limit unlimited instead of 1"))
                let sent = try #require(try await scratch.persistence.outboxEntry(idempotencyKey: "welcome/email"))
                #expect(sent.state == .failed, "\(report.lines.map(\.detail))")
                #expect(sent.lastError?.contains("welcome/coupon") == true)
                // No message was written at all, so none promises 10%.
                let files = (try? FileManager.default.contentsOfDirectory(atPath: scratch.outboxFolder.path)) ?? []
                #expect(files.filter { $0.hasSuffix(".eml") }.isEmpty)
                // Nothing in the store changed: still the one 50% coupon.
                #expect(harness.couponsCreated == 1)
            }
        }
    }

    @Test func aReadOnlyKeyFailsEachNoteOnceWithTheStoresMessageAndIsNotRetried() async throws {
        try await withStore(.woocommerce, keyPermission: .read) { harness in
            try await withScratch { scratch in
                let clock = TestClock()
                let order = try await harness.firstOrder()
                for index in 1...3 {
                    try await scratch.persistence.enqueue(
                        DeliveryFixtures.entry(
                            "note/\(index)", .addOrderNote,
                            payload: DeliveryFixtures.json(
                                OrderNoteAction(orderID: order.id, text: "thanks \(index)", customerVisible: false)),
                            store: harness.store),
                        now: clock.now)
                }
                let executor = DeliveryExecutor(
                    outbox: scratch.persistence, channel: FileChannel(directory: scratch.outboxFolder),
                    options: DeliveryFixtures.options(), now: clock.closure, logger: DeliveryFixtures.quietLogger)
                let report = try await executor.run(connectors: [harness.store: harness.connector])
                #expect(report.count(.addOrderNote, .failed) == 3, "\(report.lines.map(\.detail))")
                for line in report.lines {
                    #expect(line.detail.contains("The API key provided does not have write permissions."))
                    #expect(!line.detail.contains("consumer key rejected"))
                }
                // The first write taught the connector; the other two never reached the store.
                let notes = "/wp-json/wc/v3/orders/\(order.id)/notes"
                #expect(harness.mock.stats().count(path: notes) == 1)
                // Failed for good: a later run retries nothing.
                clock.advance(7_200)
                #expect(try await executor.run(connectors: [harness.store: harness.connector]).lines.isEmpty)
            }
        }
    }
}
