import AftercartModel
import AftercartStore
import Foundation
import MockStores
import Testing

/// `aftercart send` as an operator runs it: a real process, a WooCommerce
/// emulator on loopback, a real SQLite outbox, the file channel.
@Suite struct SendCommandTests {
    static let secrets = [
        "WOO_KEY": "ck_mock_0123456789abcdef0123456789abcdef01234567",
        "WOO_SECRET": "cs_mock_0123456789abcdef0123456789abcdef01234567",
    ]
    /// Long past, so every row is due whenever the test runs.
    static let past = Date(timeIntervalSince1970: 1_700_000_000)

    func writeConfig(_ cli: CLIProcess, mock: MockStoreServer) throws {
        try cli.write(
            """
            [database]
            url = "sqlite:data/aftercart.sqlite"

            [delivery]
            channel = "file"
            file_dir = "data/outbox"
            from = "Tokyo Mugs <hello@mugs.example>"

            [[stores]]
            name = "tokyo-woo"
            platform = "woocommerce"
            base_url = "\(mock.baseURL)"
            consumer_key = { env = "WOO_KEY" }
            consumer_secret = { env = "WOO_SECRET" }
            timezone = "Asia/Tokyo"
            marketing_consent = "unknown"
            """, to: "config/aftercart.toml")
    }

    private func json(_ value: some Encodable) throws -> String {
        String(decoding: try ModelJSON.encoder().encode(value), as: UTF8.self)
    }

    /// A coupon, an email that names it, and an email whose sender died mid-send.
    private func seedOutbox(_ cli: CLIProcess) async throws -> Int64 {
        let folder = cli.directory.appendingPathComponent("data")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let persistence = try await SQLitePersistence.open(path: folder.appendingPathComponent("aftercart.sqlite").path)
        let coupon = CouponAction(
            code: "AC-CLI-1", kind: .percent, amount: 10, currency: nil,
            expiresAt: Date(timeIntervalSince1970: 2_000_000_000),
            email: "hana@example.test", customerID: nil, description: "cli test")
        let email = EmailAction(
            to: "hana@example.test", toName: "Hana", subject: "10% off: AC-CLI-1", text: "Use AC-CLI-1",
            html: "<p>AC-CLI-1</p>",
            transactional: false, after: ["cli/coupon"], couponCode: "AC-CLI-1")
        let stuck = EmailAction(
            to: "ken@example.test", toName: "Ken", subject: "Stuck", text: "t", html: "<p>t</p>", transactional: false)
        func row(_ key: String, _ action: OutboxAction, _ payload: String) -> NewOutboxEntry {
            NewOutboxEntry(
                idempotencyKey: key, store: "tokyo-woo", campaign: "winback", subjectKind: .customers, subjectID: "1",
                action: action, payload: payload, notBefore: Self.past)
        }
        try await persistence.enqueue(
            [
                row("cli/stuck", .sendEmail, try json(stuck)), row("cli/coupon", .createCoupon, try json(coupon)),
                row("cli/email", .sendEmail, try json(email)),
            ], now: Self.past)
        let claim = try #require(
            try await persistence.claimDue(owner: "dead", limit: 1, leaseFor: 60, now: Self.past).first)
        #expect(claim.entry.idempotencyKey == "cli/stuck")
        #expect(try await persistence.markSending(id: claim.entry.id, owner: "dead", now: Self.past))
        try await persistence.close()
        return claim.entry.id
    }

    private func emlFiles(_ cli: CLIProcess) -> [String] {
        let folder = cli.directory.appendingPathComponent("data/outbox")
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter {
            $0.hasSuffix(".eml")
        }
    }

    @Test func sendsDueActionsListsTheUnknownOneAndResendsItOnRequest() async throws {
        let mock = try await MockStoreServer.start(.woocommerce(WooCommerceMockOptions(orders: 5, seed: 3)))
        let cli = try CLIProcess()
        defer { cli.remove() }
        do {
            try writeConfig(cli, mock: mock)
            let stuckID = try await seedOutbox(cli)
            let coupons = mock.stats().count(path: "/wp-json/wc/v3/coupons", status: 201)

            let preview = try await cli.run(["send", "--dry-run"], environment: Self.secrets)
            #expect(preview.status == 0, "\(preview.stderr)")
            #expect(preview.stdout.contains("coupon AC-CLI-1"))
            #expect(preview.stdout.contains("email to hana@example.test"))
            #expect(preview.stdout.contains("nothing was sent"))
            #expect(emlFiles(cli).isEmpty)
            #expect(mock.stats().count(path: "/wp-json/wc/v3/coupons", status: 201) == coupons)

            let send = try await cli.run(["send"], environment: Self.secrets)
            #expect(send.status == 1, "\(send.stdout)\n\(send.stderr)")
            #expect(send.stdout.contains("#\(stuckID) tokyo-woo send_email unknown"))
            #expect(send.stdout.contains("done 2 (create_coupon 1, send_email 1)"))
            #expect(mock.stats().count(path: "/wp-json/wc/v3/coupons", status: 201) == coupons + 1)
            #expect(emlFiles(cli).count == 1)
            #expect(
                FileManager.default.fileExists(
                    atPath: cli.directory.appendingPathComponent("data/outbox/index.html").path))

            let status = try await cli.run(["status"], environment: Self.secrets)
            #expect(status.status == 0, "\(status.stderr)")
            #expect(status.stdout.contains("#\(stuckID) unknown send_email"))
            #expect(status.stdout.contains("aftercart send --resend \(stuckID)"))

            let again = try await cli.run(["send"], environment: Self.secrets)
            #expect(again.status == 0, "\(again.stderr)")
            #expect(again.stdout.contains("nothing due"))
            #expect(emlFiles(cli).count == 1)

            let resend = try await cli.run(["send", "--resend", "\(stuckID)"], environment: Self.secrets)
            #expect(resend.status == 0, "\(resend.stderr)")
            let refused = try await cli.run(["send", "--resend", "\(stuckID)"], environment: Self.secrets)
            #expect(refused.status == 1)
            #expect(refused.stderr.contains("it is pending"))
            let final = try await cli.run(["send"], environment: Self.secrets)
            #expect(final.status == 0, "\(final.stderr)")
            #expect(emlFiles(cli).count == 2)
        } catch {
            await mock.stop()
            throw error
        }
        await mock.stop()
    }

    @Test func anUnknownStoreIsAConfigError() async throws {
        let mock = try await MockStoreServer.start(.woocommerce(WooCommerceMockOptions(orders: 1, seed: 3)))
        let cli = try CLIProcess()
        defer { cli.remove() }
        try writeConfig(cli, mock: mock)
        let outcome = try await cli.run(["send", "--store", "nope"], environment: Self.secrets)
        await mock.stop()
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("--store nope: no store of that name"))
    }
}
