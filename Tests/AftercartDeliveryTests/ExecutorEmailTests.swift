import AftercartConnector
import AftercartDelivery
import AftercartModel
import AftercartStore
import Foundation
import Testing

/// Emails at most once, linked actions in order, bad payloads.
@Suite struct ExecutorEmailTests {
    func executor(
        _ scratch: Scratch, _ clock: TestClock, owner: String = "worker-a", merchant: String? = "support@mugs.example"
    )
        -> DeliveryExecutor
    {
        DeliveryExecutor(
            outbox: scratch.persistence, channel: FileChannel(directory: scratch.outboxFolder),
            options: DeliveryFixtures.options(owner: owner, merchantEmail: merchant), now: clock.closure,
            logger: DeliveryFixtures.quietLogger)
    }

    func emlFiles(_ scratch: Scratch) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: scratch.outboxFolder.path)) ?? [])
            .filter { $0.hasSuffix(".eml") }
    }

    @Test func anEmailLeftInSendingBecomesUnknownIsNotResentAndCanBeResentDeliberately() async throws {
        try await withScratch { scratch in
            let clock = TestClock()
            try await scratch.persistence.enqueue(
                DeliveryFixtures.entry(
                    "review/email/1", .sendEmail, payload: DeliveryFixtures.json(DeliveryFixtures.email())),
                now: clock.now)
            // A worker marks the row sending and dies: nobody knows whether the message left.
            let claim = try #require(
                try await scratch.persistence.claimDue(owner: "dead-worker", limit: 1, leaseFor: 300, now: clock.now)
                    .first)
            #expect(try await scratch.persistence.markSending(id: claim.entry.id, owner: "dead-worker", now: clock.now))
            clock.advance(301)
            let first = try await executor(scratch, clock).run(connectors: [:])
            #expect(first.count(.unknown) == 1)
            #expect(first.hasFailures)
            #expect(emlFiles(scratch).isEmpty)
            var row = try #require(try await scratch.persistence.outboxEntry(id: claim.entry.id))
            #expect(row.state == .unknown)
            #expect(row.lastError?.contains("not resent automatically") == true)
            // Later runs leave it alone.
            clock.advance(86_400)
            let second = try await executor(scratch, clock).run(connectors: [:])
            #expect(second.lines.isEmpty)
            #expect(emlFiles(scratch).isEmpty)
            // The operator resends it on purpose.
            #expect(try await executor(scratch, clock).resend(id: claim.entry.id))
            let third = try await executor(scratch, clock).run(connectors: [:])
            #expect(third.count(.sendEmail, .done) == 1)
            #expect(emlFiles(scratch).count == 1)
            row = try #require(try await scratch.persistence.outboxEntry(id: claim.entry.id))
            #expect(row.state == .done)
        }
    }

    @Test func aRowWhoseWorkerDiedBeforeSendingIsSentOnce() async throws {
        try await withScratch { scratch in
            let clock = TestClock()
            try await scratch.persistence.enqueue(
                DeliveryFixtures.entry(
                    "review/email/2", .sendEmail, payload: DeliveryFixtures.json(DeliveryFixtures.email())),
                now: clock.now)
            _ = try await scratch.persistence.claimDue(owner: "dead-worker", limit: 1, leaseFor: 300, now: clock.now)
            clock.advance(301)
            let report = try await executor(scratch, clock).run(connectors: [:])
            #expect(report.count(.sendEmail, .done) == 1)
            #expect(emlFiles(scratch).count == 1)
            let again = try await executor(scratch, clock).run(connectors: [:])
            #expect(again.lines.isEmpty)
            #expect(emlFiles(scratch).count == 1)
        }
    }

    @Test func anEmailWaitsForItsCouponWithoutUsingAnAttemptThenFollowsIt() async throws {
        try await withStore(.woocommerce) { harness in
            try await withScratch { scratch in
                let clock = TestClock()
                let couponKey = "review/coupon/linked"
                // The email is due first; the coupon only an hour later.
                try await scratch.persistence.enqueue(
                    [
                        DeliveryFixtures.entry(
                            "review/email/linked", .sendEmail,
                            payload: DeliveryFixtures.json(
                                DeliveryFixtures.email(after: [couponKey], coupon: "AC-LINKED")),
                            store: harness.store),
                        DeliveryFixtures.entry(
                            couponKey, .createCoupon,
                            payload: DeliveryFixtures.json(DeliveryFixtures.coupon("AC-LINKED")),
                            store: harness.store, notBefore: clock.now.addingTimeInterval(3_600)),
                    ], now: clock.now)
                let connectors: [StoreID: any StoreConnector] = [harness.store: harness.connector]
                let first = try await executor(scratch, clock).run(connectors: connectors)
                #expect(first.count(.sendEmail, .waiting) == 1)
                #expect(emlFiles(scratch).isEmpty)
                var email = try #require(
                    try await scratch.persistence.outboxEntry(idempotencyKey: "review/email/linked"))
                #expect(email.state == .pending)
                #expect(email.attempts == 0)
                #expect(email.lastError?.contains("waiting for create_coupon") == true)
                // It looks again no earlier than when the coupon is due.
                #expect(email.notBefore >= clock.now.addingTimeInterval(3_600))
                clock.advance(3_600)
                let second = try await executor(scratch, clock).run(connectors: connectors)
                #expect(second.lines.map(\.action) == [.createCoupon, .sendEmail])
                #expect(second.count(.done) == 2)
                email = try #require(try await scratch.persistence.outboxEntry(idempotencyKey: "review/email/linked"))
                #expect(email.state == .done)
                #expect(emlFiles(scratch).count == 1)
            }
        }
    }

    @Test func anEmailWhoseCouponFailedFailsWithTheReason() async throws {
        try await withScratch { scratch in
            let clock = TestClock()
            try await scratch.persistence.enqueue(
                [
                    DeliveryFixtures.entry("c/bad", .createCoupon, payload: #"{"code": 42}"#),
                    DeliveryFixtures.entry(
                        "e/after-bad", .sendEmail,
                        payload: DeliveryFixtures.json(DeliveryFixtures.email(after: ["c/bad"]))),
                ], now: clock.now)
            let store = try await withStore(.woocommerce) { harness in
                try await executor(scratch, clock).run(connectors: [DeliveryFixtures.store: harness.connector])
            }
            #expect(store.count(.failed) == 2)
            let email = try #require(try await scratch.persistence.outboxEntry(idempotencyKey: "e/after-bad"))
            #expect(email.state == .failed)
            #expect(email.lastError?.contains("it needs create_coupon row") == true)
            #expect(emlFiles(scratch).isEmpty)
        }
    }

    @Test func aMalformedPayloadFailsItsRowClearlyKeepsItAndOthersStillGo() async throws {
        try await withScratch { scratch in
            let clock = TestClock()
            let broken = #"{"to": "hana@example.test", "subject": "Hi"#
            try await scratch.persistence.enqueue(
                [
                    DeliveryFixtures.entry("e/broken", .sendEmail, payload: broken),
                    DeliveryFixtures.entry(
                        "e/missing-field", .sendEmail, payload: #"{"to": "hana@example.test", "subject": "Hi"}"#),
                    DeliveryFixtures.entry(
                        "e/bad-address", .sendEmail,
                        payload: DeliveryFixtures.json(
                            DeliveryFixtures.email(to: "hana@example.test\r\nBcc: x@evil.example"))),
                    DeliveryFixtures.entry(
                        "e/good", .sendEmail, payload: DeliveryFixtures.json(DeliveryFixtures.email())),
                ], now: clock.now)
            let report = try await executor(scratch, clock).run(connectors: [:])
            #expect(report.count(.failed) == 3)
            #expect(report.count(.done) == 1)
            let row = try #require(try await scratch.persistence.outboxEntry(idempotencyKey: "e/broken"))
            #expect(row.state == .failed)
            #expect(row.payload == broken)
            #expect(row.lastError?.contains("is not a valid EmailAction") == true)
            let missing = try #require(try await scratch.persistence.outboxEntry(idempotencyKey: "e/missing-field"))
            #expect(missing.lastError?.contains("'text' is missing") == true)
            let address = try #require(try await scratch.persistence.outboxEntry(idempotencyKey: "e/bad-address"))
            #expect(address.lastError?.contains("is not a usable email address") == true)
            #expect(emlFiles(scratch).count == 1)
        }
    }

    @Test func aSupportAlertGoesToTheMerchantAndFailsClearlyWithoutAnAddress() async throws {
        try await withScratch { scratch in
            let clock = TestClock()
            let alert = SupportAlertAction(
                reason: "A 1-star review", customerEmail: "ken@example.test", customerName: "Ken", orderID: "9",
                reviewID: "5", rating: 1)
            try await scratch.persistence.enqueue(
                DeliveryFixtures.entry("alert/1", .supportAlert, payload: DeliveryFixtures.json(alert)), now: clock.now)
            let failed = try await executor(scratch, clock, merchant: nil).run(connectors: [:])
            #expect(failed.count(.failed) == 1)
            var row = try #require(try await scratch.persistence.outboxEntry(idempotencyKey: "alert/1"))
            #expect(row.lastError?.contains("set merchant_email in [engage]") == true)
            #expect(try await executor(scratch, clock).resend(id: row.id))
            let sent = try await executor(scratch, clock).run(connectors: [:])
            #expect(sent.count(.supportAlert, .done) == 1)
            row = try #require(try await scratch.persistence.outboxEntry(idempotencyKey: "alert/1"))
            #expect(row.state == .done)
            let file = try #require(emlFiles(scratch).first)
            let raw = try Data(contentsOf: scratch.outboxFolder.appendingPathComponent(file))
            let parsed = try await PythonEmail.parse(raw)
            #expect(parsed["to"] as? String == "support@mugs.example")
            #expect((parsed["subject"] as? String)?.contains("Ken") == true)
        }
    }

    /// An alert the planner rendered from the store's template is sent as
    /// rendered, in the store's language, with no English words from code.
    @Test func aRenderedSupportAlertIsSentAsThePlannerWroteIt() async throws {
        try await withScratch { scratch in
            let clock = TestClock()
            let message = SupportAlertAction.RenderedAlert(
                subject: "【要対応】お届け不可（注文番号 9）：田中 健 様", text: "配送業者がお届けできませんでした。\n",
                html: "<p>配送業者がお届けできませんでした。</p>")
            let alert = SupportAlertAction(
                reason: message.subject, customerEmail: "ken@example.test", customerName: "田中 健", orderID: "9",
                message: message)
            try await scratch.persistence.enqueue(
                DeliveryFixtures.entry("alert/2", .supportAlert, payload: DeliveryFixtures.json(alert)), now: clock.now)
            let sent = try await executor(scratch, clock).run(connectors: [:])
            #expect(sent.count(.supportAlert, .done) == 1)
            let file = try #require(emlFiles(scratch).first)
            let parsed = try await PythonEmail.parse(
                try Data(contentsOf: scratch.outboxFolder.appendingPathComponent(file)))
            #expect(parsed["subject"] as? String == message.subject)
            let parts = try #require(parsed["parts"] as? [[String: String]])
            #expect(parts.first?["body"] == message.text)
            #expect(parts.last?["body"]?.contains(message.html) == true)
        }
    }
}
