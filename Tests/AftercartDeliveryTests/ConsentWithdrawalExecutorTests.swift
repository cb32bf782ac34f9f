import AftercartConnector
import AftercartDelivery
import AftercartModel
import AftercartStore
import Foundation
import MockStores
import Testing

/// `withdraw_consent` rows performed by the executor against the emulators.
@Suite struct ConsentWithdrawalExecutorTests {
    func withdrawal(_ email: String, store: StoreID, key: String = "consent/1") throws -> NewOutboxEntry {
        DeliveryFixtures.entry(
            key, .withdrawConsent,
            payload: DeliveryFixtures.json(ConsentWithdrawalAction(email: email, requestedAt: DeliveryFixtures.t0)),
            store: store, campaign: "customer_request", subject: .customers, subjectID: email)
    }

    func executor(_ scratch: Scratch, _ clock: TestClock) -> DeliveryExecutor {
        DeliveryExecutor(
            outbox: scratch.persistence, channel: FileChannel(directory: scratch.outboxFolder),
            options: DeliveryFixtures.options(), now: clock.closure, logger: DeliveryFixtures.quietLogger)
    }

    @Test func aWooCommerceRowWritesTheConsentKeyAndSaysWhere() async throws {
        try await withStore(.woocommerce, values: ["consent_meta_key": "marketing_opt_in"]) { harness in
            try await withScratch { scratch in
                let clock = TestClock()
                let order = try await harness.firstOrder()
                let email = try #require(order.customer.email)
                try await scratch.persistence.enqueue(try withdrawal(email, store: harness.store), now: clock.now)
                let report = try await executor(scratch, clock).run(connectors: [harness.store: harness.connector])
                let line = try #require(report.lines.first)
                #expect(line.outcome == .done, "\(line.detail)")
                #expect(line.detail.hasPrefix("consent withdrawn: customer \(order.customer.id ?? "")"))
                #expect(line.detail.contains("order "))
            }
        }
    }

    @Test func withoutAConsentFieldTheRowIsSkippedNotFailed() async throws {
        try await withStore(.woocommerce) { harness in
            try await withScratch { scratch in
                let clock = TestClock()
                try await scratch.persistence.enqueue(
                    try withdrawal("ann@example.test", store: harness.store), now: clock.now)
                let report = try await executor(scratch, clock).run(connectors: [harness.store: harness.connector])
                let line = try #require(report.lines.first)
                #expect(line.outcome == .skipped)
                #expect(try await scratch.persistence.outboxEntry(id: line.id)?.state == .skipped)
                #expect(line.detail.contains("consent_meta_key"))
            }
        }
    }

    @Test func aStoreThatIsDownGetsTheWriteOnALaterSend() async throws {
        try await withStore(.shopify) { harness in
            try await withScratch { scratch in
                let clock = TestClock()
                let order = try await harness.firstOrder()
                let email = try #require(order.customer.email)
                try await scratch.persistence.enqueue(try withdrawal(email, store: harness.store), now: clock.now)
                // Every request answers 503 while the store is down.
                harness.mock.setFaults(try MockFaultPlan(spec: "503:1"))
                let executor = executor(scratch, clock)
                let down = try await executor.run(connectors: [harness.store: harness.connector])
                #expect(down.lines.map(\.outcome) == [.retrying], "\(down.lines.map(\.detail))")
                #expect(try await scratch.persistence.outboxCounts()[.pending] == 1)

                harness.mock.setFaults(.none)
                clock.advance(3_600)
                let up = try await executor.run(connectors: [harness.store: harness.connector])
                let line = try #require(up.lines.first)
                #expect(line.outcome == .done, "\(line.detail)")
                #expect(line.detail == "consent withdrawn: customer \(order.customer.id ?? "")")
            }
        }
    }
}
