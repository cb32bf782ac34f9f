import AftercartDelivery
import AftercartModel
import Foundation
import MockStores
import Testing

/// The SMTP channel against a real aiosmtpd on 127.0.0.1.
@Suite struct SMTPChannelTests {
    static let origin = OutgoingMessage.Origin(
        outboxID: 7, idempotencyKey: "review/test-woo/order/7", store: "test-woo", campaign: "review",
        action: .sendEmail, orderID: "7")

    static func message(to: String = "hana@example.test", name: String? = "Hana Sato", subject: String = "Thanks!")
        throws -> OutgoingMessage
    {
        OutgoingMessage(
            from: DeliveryFixtures.sender, to: try MailAddress(address: to, name: name), subject: subject,
            text: "Plain part: ありがとう", html: "<p>HTML part: ありがとう</p>", date: DeliveryFixtures.t0, origin: origin)
    }

    func withServer(
        login: (user: String, password: String)? = nil, _ body: (SMTPTestServer) async throws -> Void
    ) async throws {
        let server = try await SMTPTestServer.start(login: login)
        do {
            try await body(server)
            await server.stop()
        } catch {
            await server.stop()
            throw error
        }
    }

    @Test func deliversHeadersBothPartsAndAUTF8Subject() async throws {
        try await withServer { server in
            let channel = SMTPChannel(settings: SMTPSettings(url: server.url))
            let subject = "マグカップはいかがですか？ Your mug"
            let receipt = try await channel.deliver(try Self.message(subject: subject), connector: nil)
            await channel.shutdown()
            #expect(receipt.hasPrefix("250"))
            let received = try #require(server.messages.first)
            #expect(server.messages.count == 1)
            #expect(received.recipients == ["hana@example.test"])
            #expect(received.mailFrom == "hello@mugs.example")
            let parsed = try await PythonEmail.parse(received.raw)
            #expect(parsed["subject"] as? String == subject)
            #expect(parsed["to"] as? String == "Hana Sato <hana@example.test>")
            #expect(parsed["content_type"] as? String == "multipart/alternative")
            let parts = try #require(parsed["parts"] as? [[String: String]])
            #expect(parts.map { $0["type"] } == ["text/plain", "text/html"])
            #expect(parts.first?["body"] == "Plain part: ありがとう")
            #expect(parts.last?["body"] == "<p>HTML part: ありがとう</p>")
        }
    }

    @Test func hostileDisplayNameAddsNoHeaderAndNoRecipient() async throws {
        try await withServer { server in
            let channel = SMTPChannel(settings: SMTPSettings(url: server.url))
            let name = "Zoë \"the boss\" O'Neil\r\nBcc: x@evil.example"
            _ = try await channel.deliver(try Self.message(name: name), connector: nil)
            await channel.shutdown()
            let received = try #require(server.messages.first)
            #expect(received.recipients == ["hana@example.test"])
            let parsed = try await PythonEmail.parse(received.raw)
            #expect(parsed["bcc"] == nil || parsed["bcc"] is NSNull)
            let to = try #require(parsed["to"] as? String)
            #expect(to.hasSuffix("<hana@example.test>"))
            #expect(to.contains("Zoë"))
            #expect(!to.contains("\r") && !to.contains("\n"))
        }
    }

    @Test func oneConnectionCarriesABatch() async throws {
        try await withServer { server in
            let channel = SMTPChannel(settings: SMTPSettings(url: server.url))
            for index in 0..<3 {
                _ = try await channel.deliver(try Self.message(to: "buyer\(index)@example.test"), connector: nil)
            }
            await channel.shutdown()
            #expect(server.messages.count == 3)
            #expect(server.sessions == 1)
        }
    }

    @Test func a5xxIsARefusalWithTheServersText() async throws {
        try await withServer { server in
            let channel = SMTPChannel(settings: SMTPSettings(url: server.url))
            await #expect {
                _ = try await channel.deliver(try Self.message(to: "reject@example.test"), connector: nil)
            } throws: { error in
                guard let failure = error as? ChannelFailure else { return false }
                return !failure.isTransient && failure.message.contains("550 5.1.1")
                    && failure.message.contains("mailbox unavailable")
            }
            // The connection is still usable for the next message.
            _ = try await channel.deliver(try Self.message(), connector: nil)
            await channel.shutdown()
            #expect(server.messages.count == 1)
        }
    }

    @Test func a4xxAndADroppedConnectionAreTransient() async throws {
        try await withServer { server in
            let channel = SMTPChannel(settings: SMTPSettings(url: server.url))
            for address in ["defer@example.test", "drop@example.test"] {
                await #expect {
                    _ = try await channel.deliver(try Self.message(to: address), connector: nil)
                } throws: { error in
                    (error as? ChannelFailure)?.isTransient == true
                }
            }
            // The dropped recipient goes through on the next attempt, on a new connection.
            _ = try await channel.deliver(try Self.message(to: "drop@example.test"), connector: nil)
            await channel.shutdown()
            #expect(server.messages.map(\.recipients) == [["drop@example.test"]])
        }
    }

    @Test func authenticatesWithTheConfiguredUserAndRefusesAWrongPassword() async throws {
        try await withServer(login: ("shop", "s3cret")) { server in
            let good = SMTPChannel(settings: SMTPSettings(url: server.url, user: "shop", password: Secret("s3cret")))
            _ = try await good.deliver(try Self.message(), connector: nil)
            await good.shutdown()
            #expect(server.messages.count == 1)
            // aiosmtpd stalls after a refused AUTH instead of answering 535, so
            // only "not delivered" is checked here; a 535 is a 5xx refusal.
            let bad = SMTPChannel(
                settings: SMTPSettings(url: server.url, user: "shop", password: Secret("wrong"), messageTimeout: 3))
            await #expect(throws: ChannelFailure.self) {
                _ = try await bad.deliver(try Self.message(), connector: nil)
            }
            await bad.shutdown()
            #expect(server.messages.count == 1)
        }
    }

    @Test func requiredSTARTTLSRefusesAServerWithoutIt() async throws {
        try await withServer { server in
            let channel = SMTPChannel(settings: SMTPSettings(url: server.url, startTLS: .required))
            await #expect {
                _ = try await channel.deliver(try Self.message(), connector: nil)
            } throws: { error in
                guard let failure = error as? ChannelFailure else { return false }
                return !failure.isTransient && failure.message.contains("STARTTLS")
            }
            await channel.shutdown()
            #expect(server.messages.isEmpty)
        }
    }

    @Test func anUnreachableServerIsTransient() async throws {
        // Bound but never listening, so no other test's server can take it meanwhile.
        let closed = try ClosedPort()
        let channel = SMTPChannel(
            settings: SMTPSettings(url: URL(string: "smtp://127.0.0.1:\(closed.port)")!, connectTimeout: 2))
        await #expect {
            _ = try await channel.deliver(try Self.message(), connector: nil)
        } throws: { error in
            (error as? ChannelFailure)?.isTransient == true
        }
        await channel.shutdown()
        withExtendedLifetime(closed) {}
    }
}
