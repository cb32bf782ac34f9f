import AftercartDelivery
import AftercartModel
import AftercartStore
import AsyncHTTPClient
import Crypto
import Foundation
import Testing

/// The webhook channel against a Hummingbird server on 127.0.0.1 that
/// checks the HMAC-SHA256 signature itself.
@Suite struct WebhookChannelTests {
    static let secret = Secret("whsec_test_4f1c2b")

    /// What the receiving side does: recompute the HMAC over the raw body.
    static func signatureIsValid(_ request: ReceivedRequest) -> Bool {
        guard let header = request.headers["x-aftercart-signature"], header.hasPrefix("sha256=") else { return false }
        let key = SymmetricKey(data: Data(secret.revealed().utf8))
        let expected = HMAC<SHA256>.authenticationCode(for: request.body, using: key)
            .map { String(format: "%02x", $0) }.joined()
        return header == "sha256=" + expected
    }

    func withWebhook(
        secret: Secret? = WebhookChannelTests.secret, answer: @escaping @Sendable (ReceivedRequest, Int) -> Int,
        _ body: (HTTPTestServer, WebhookChannel) async throws -> Void
    ) async throws {
        let server = try await HTTPTestServer.start(answer)
        let client = HTTPClient(eventLoopGroupProvider: .singleton)
        let channel = WebhookChannel(url: server.url, secret: secret, client: client)
        do {
            try await body(server, channel)
            try await client.shutdown()
            await server.stop()
        } catch {
            try? await client.shutdown()
            await server.stop()
            throw error
        }
    }

    static func message() throws -> OutgoingMessage {
        OutgoingMessage(
            from: DeliveryFixtures.sender, to: try MailAddress(address: "hana@example.test", name: "佐藤 花"),
            subject: "10% off your next mug", text: "Use AC-HANA-10", html: "<p>Use <b>AC-HANA-10</b></p>",
            date: DeliveryFixtures.t0,
            origin: .init(
                outboxID: 3, idempotencyKey: "winback/test-woo/customer/77", store: "test-woo", campaign: "winback",
                action: .sendEmail, orderID: "1001", customerID: "77", couponCode: "AC-HANA-10"))
    }

    @Test func postsASignedEventTheReceiverVerifies() async throws {
        try await withWebhook(answer: { request, _ in Self.signatureIsValid(request) ? 204 : 401 }) { server, channel in
            let receipt = try await channel.deliver(try Self.message(), connector: nil)
            #expect(receipt.contains("204"))
            let request = try #require(server.requests.first)
            #expect(request.method == "POST")
            #expect(request.path == "/hooks/aftercart")
            #expect(request.headers["x-aftercart-delivery"] == "winback/test-woo/customer/77")
            #expect(
                WebhookSignature.isValid(
                    request.headers["x-aftercart-signature"] ?? "", body: request.body, secret: Self.secret))
            let event = try ModelJSON.decoder().decode(WebhookEvent.self, from: request.body)
            #expect(event.action == "send_email")
            #expect(event.customer.email == "hana@example.test")
            #expect(event.customer.name == "佐藤 花")
            #expect(event.customer.id == "77")
            #expect(event.order?.id == "1001")
            #expect(event.coupon?.code == "AC-HANA-10")
            #expect(event.content.subject == "10% off your next mug")
            #expect(event.content.html.contains("<b>AC-HANA-10</b>"))
            #expect(event.sentAt == DeliveryFixtures.t0)
        }
    }

    @Test func aWrongSecretIsRefusedForGood() async throws {
        try await withWebhook(
            secret: Secret("not-the-shared-secret"),
            answer: { request, _ in Self.signatureIsValid(request) ? 204 : 401 }
        ) { _, channel in
            await #expect {
                _ = try await channel.deliver(try Self.message(), connector: nil)
            } throws: { error in
                guard let failure = error as? ChannelFailure else { return false }
                return !failure.isTransient && failure.message.contains("401")
            }
        }
    }

    @Test func a500IsRetriedWithBackoffUntilTheExecutorGivesUp() async throws {
        try await withWebhook(answer: { _, _ in 500 }) { server, channel in
            try await withScratch { scratch in
                let clock = TestClock()
                try await scratch.persistence.enqueue(
                    DeliveryFixtures.entry(
                        "e/webhook", .sendEmail, payload: DeliveryFixtures.json(DeliveryFixtures.email())),
                    now: clock.now)
                let executor = DeliveryExecutor(
                    outbox: scratch.persistence, channel: channel, options: DeliveryFixtures.options(maxAttempts: 3),
                    now: clock.closure, logger: DeliveryFixtures.quietLogger)
                let first = try await executor.run(connectors: [:])
                #expect(first.count(.retrying) == 1)
                var row = try #require(try await scratch.persistence.outboxEntry(idempotencyKey: "e/webhook"))
                #expect(row.state == .pending)
                #expect(row.notBefore == clock.now.addingTimeInterval(60))
                #expect(row.lastError?.contains("answered 500") == true)
                // Not due yet: nothing happens.
                clock.advance(59)
                #expect(try await executor.run(connectors: [:]).lines.isEmpty)
                clock.advance(1)
                let second = try await executor.run(connectors: [:])
                #expect(second.count(.retrying) == 1)
                row = try #require(try await scratch.persistence.outboxEntry(idempotencyKey: "e/webhook"))
                #expect(row.notBefore == clock.now.addingTimeInterval(120))
                clock.advance(120)
                let third = try await executor.run(connectors: [:])
                #expect(third.count(.failed) == 1)
                row = try #require(try await scratch.persistence.outboxEntry(idempotencyKey: "e/webhook"))
                #expect(row.state == .failed)
                #expect(row.attempts == 3)
                #expect(row.lastError?.hasPrefix("gave up after 3 attempts: webhook") == true)
                #expect(server.requests.count == 3)
                // A failed row is left alone afterwards.
                clock.advance(86_400)
                #expect(try await executor.run(connectors: [:]).lines.isEmpty)
                #expect(server.requests.count == 3)
            }
        }
    }

    @Test func aRecoveredTargetGetsTheEventOnTheRetry() async throws {
        try await withWebhook(answer: { request, index in index == 1 ? 503 : 200 }) { server, channel in
            try await withScratch { scratch in
                let clock = TestClock()
                try await scratch.persistence.enqueue(
                    DeliveryFixtures.entry(
                        "e/webhook-2", .sendEmail, payload: DeliveryFixtures.json(DeliveryFixtures.email())),
                    now: clock.now)
                let executor = DeliveryExecutor(
                    outbox: scratch.persistence, channel: channel, options: DeliveryFixtures.options(),
                    now: clock.closure, logger: DeliveryFixtures.quietLogger)
                #expect(try await executor.run(connectors: [:]).count(.retrying) == 1)
                clock.advance(60)
                #expect(try await executor.run(connectors: [:]).count(.done) == 1)
                #expect(server.requests.count == 2)
                #expect(Set(server.requests.map { $0.headers["x-aftercart-delivery"] }) == ["e/webhook-2"])
            }
        }
    }
}
