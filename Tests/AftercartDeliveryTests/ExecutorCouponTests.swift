import AftercartConnector
import AftercartDelivery
import AftercartModel
import AftercartStore
import Foundation
import Testing

/// Coupons: looked up by their deterministic code before any create, so a
/// crash between creating and recording never yields two coupons.
@Suite struct ExecutorCouponTests {
    @Test(arguments: StorePlatform.allCases)
    func createsAMissingCouponOnceAndRecordsIt(platform: StorePlatform) async throws {
        try await withStore(platform) { harness in
            try await withScratch { scratch in
                let clock = TestClock()
                let code = "AC-REVIEW-\(platform.rawValue.uppercased())-1"
                let coupon = try await harness.couponFor(code)
                try await scratch.persistence.enqueue(
                    DeliveryFixtures.entry(
                        "review/coupon/1", .createCoupon, payload: DeliveryFixtures.json(coupon), store: harness.store),
                    now: clock.now)
                let before = harness.couponsCreated
                let executor = DeliveryExecutor(
                    outbox: scratch.persistence, channel: FileChannel(directory: scratch.outboxFolder),
                    options: DeliveryFixtures.options(), now: clock.closure, logger: DeliveryFixtures.quietLogger)
                let report = try await executor.run(connectors: [harness.store: harness.connector])
                #expect(report.count(.createCoupon, .done) == 1)
                #expect(harness.couponsCreated == before + 1, "\(report.lines.map(\.detail))")
                let row = try #require(try await scratch.persistence.outboxEntry(idempotencyKey: "review/coupon/1"))
                #expect(row.state == .done)
                #expect(row.result?.contains("created") == true)
                let found = try await harness.connector.findCoupon(code: code)
                #expect(found != nil)
            }
        }
    }

    @Test(arguments: StorePlatform.allCases)
    func aCrashBetweenCreateAndRecordFindsTheCouponInsteadOfMakingASecond(platform: StorePlatform) async throws {
        try await withStore(platform) { harness in
            try await withScratch { scratch in
                let clock = TestClock()
                let action = try await harness.couponFor("AC-CRASH-\(platform.rawValue.uppercased())")
                try await scratch.persistence.enqueue(
                    DeliveryFixtures.entry(
                        "review/coupon/crash", .createCoupon, payload: DeliveryFixtures.json(action),
                        store: harness.store),
                    now: clock.now)
                // A worker claims the row, creates the coupon in the store, and dies before recording.
                let claimed = try await scratch.persistence.claimDue(
                    owner: "dead-worker", limit: 10, leaseFor: 300, now: clock.now)
                #expect(claimed.count == 1)
                _ = try await harness.connector.createCoupon(
                    CouponRequest(
                        code: action.code, kind: action.kind, amount: action.amount, expiresAt: action.expiresAt,
                        emailRestrictions: [action.email], customerIDs: action.customerID.map { [$0] } ?? []))
                let afterCrash = harness.couponsCreated
                #expect(afterCrash == 1)
                // Its lease lapses; the next run takes the row over.
                clock.advance(301)
                let executor = DeliveryExecutor(
                    outbox: scratch.persistence, channel: FileChannel(directory: scratch.outboxFolder),
                    options: DeliveryFixtures.options(), now: clock.closure, logger: DeliveryFixtures.quietLogger)
                let report = try await executor.run(connectors: [harness.store: harness.connector])
                #expect(report.count(.createCoupon, .done) == 1)
                #expect(harness.couponsCreated == afterCrash, "\(report.lines.map(\.detail))")
                let row = try #require(try await scratch.persistence.outboxEntry(idempotencyKey: "review/coupon/crash"))
                #expect(row.state == .done)
                #expect(row.result?.contains("exists") == true)
                #expect(row.attempts == 2)
            }
        }
    }

    @Test func aRowOfAStoreWithoutAConnectorFailsSayingSo() async throws {
        try await withScratch { scratch in
            let clock = TestClock()
            try await scratch.persistence.enqueue(
                DeliveryFixtures.entry(
                    "gone/coupon", .createCoupon, payload: DeliveryFixtures.json(DeliveryFixtures.coupon("AC-GONE")),
                    store: "removed-store"),
                now: clock.now)
            let executor = DeliveryExecutor(
                outbox: scratch.persistence, channel: FileChannel(directory: scratch.outboxFolder),
                options: DeliveryFixtures.options(), now: clock.closure, logger: DeliveryFixtures.quietLogger)
            let report = try await executor.run(connectors: [:])
            #expect(report.count(.failed) == 1)
            let row = try #require(try await scratch.persistence.outboxEntry(idempotencyKey: "gone/coupon"))
            #expect(row.state == .failed)
            #expect(row.lastError?.contains("store 'removed-store' is not configured") == true)
        }
    }
}
