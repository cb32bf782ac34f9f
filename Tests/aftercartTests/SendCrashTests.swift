import AftercartModel
import AftercartStore
import Foundation
import MockStores
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `aftercart send` killed with SIGKILL at random instants, again and again,
/// against a WooCommerce emulator and a real SMTP server: coupons are
/// created once, emails delivered at most once, and every row ends settled.
@Suite struct SendCrashTests {
    static let secrets = [
        "WOO_KEY": "ck_mock_0123456789abcdef0123456789abcdef01234567",
        "WOO_SECRET": "cs_mock_0123456789abcdef0123456789abcdef01234567",
    ]
    /// Long past, so every row is due whenever the test runs.
    static let past = Date(timeIntervalSince1970: 1_700_000_000)
    static let pairs = 150
    static let trials = 24
    static let database = "data/aftercart.sqlite"

    private func writeConfig(_ cli: CLIProcess, mock: MockStoreServer, smtp: LocalSMTPServer) throws {
        try cli.write(
            """
            [database]
            url = "sqlite:\(Self.database)"

            [delivery]
            channel = "smtp"
            smtp_url = "\(smtp.url)"
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

    static func code(_ index: Int) -> String { "AC-CRASH-\(index)" }
    static func recipient(_ index: Int) -> String { "buyer\(index)@example.test" }

    private func databasePath(_ cli: CLIProcess) -> String {
        cli.directory.appendingPathComponent(Self.database).path
    }

    /// `pairs` coupons, each named by an email that must wait for it.
    private func seedOutbox(_ cli: CLIProcess) async throws {
        try FileManager.default.createDirectory(
            at: cli.directory.appendingPathComponent("data"), withIntermediateDirectories: true)
        let persistence = try await SQLitePersistence.open(path: databasePath(cli))
        var rows: [NewOutboxEntry] = []
        for index in 0..<Self.pairs {
            let coupon = CouponAction(
                code: Self.code(index), kind: .percent, amount: 10, currency: nil,
                expiresAt: Date(timeIntervalSince1970: 2_000_000_000), email: Self.recipient(index), customerID: nil,
                description: "crash test")
            let email = EmailAction(
                to: Self.recipient(index), toName: "Buyer \(index)", subject: "10% off: \(Self.code(index))",
                text: "Use \(Self.code(index))", html: "<p>\(Self.code(index))</p>", transactional: false,
                after: ["crash/coupon/\(index)"], couponCode: Self.code(index))
            for (key, action, payload) in [
                ("crash/coupon/\(index)", OutboxAction.createCoupon, try json(coupon)),
                ("crash/email/\(index)", .sendEmail, try json(email)),
            ] {
                rows.append(
                    NewOutboxEntry(
                        idempotencyKey: key, store: "tokyo-woo", campaign: "winback", subjectKind: .customers,
                        subjectID: "\(index + 1)", action: action, payload: payload, notBefore: Self.past))
            }
        }
        try await persistence.enqueue(rows, now: Self.past)
        try await persistence.close()
    }

    private func json(_ value: some Encodable) throws -> String {
        String(decoding: try ModelJSON.encoder().encode(value), as: UTF8.self)
    }

    /// What an operator's next cron run finds once the dead worker's
    /// 5-minute lease has run out, without waiting 5 minutes: the clock is a
    /// parameter of the outbox, so a claim dated an hour ahead expires every
    /// lease (a row caught mid-send turns `unknown`), and each row it took is
    /// handed back as due, its attempt count unchanged.
    ///
    /// - Returns: the rows the dead worker held, and how many turned unknown.
    private func expireDeadLeases(_ cli: CLIProcess) async throws -> (taken: Int, unknown: Int) {
        let persistence = try await SQLitePersistence.open(path: databasePath(cli))
        do {
            let later = Date().addingTimeInterval(3_600)
            let unknownBefore = try await persistence.outboxCounts()[.unknown] ?? 0
            let claims = try await persistence.claimDue(owner: "cron-later", limit: 1_000, leaseFor: 60, now: later)
            for claim in claims {
                try await persistence.postpone(
                    id: claim.entry.id, owner: "cron-later", until: Self.past, reason: "lease expired", now: later)
            }
            let unknownAfter = try await persistence.outboxCounts()[.unknown] ?? 0
            try await persistence.close()
            return (claims.filter { $0.expiredOwner != nil }.count, unknownAfter - unknownBefore)
        } catch {
            try? await persistence.close()
            throw error
        }
    }

    private func outboxRows(_ cli: CLIProcess) async throws -> [OutboxEntry] {
        let persistence = try await SQLitePersistence.open(path: databasePath(cli))
        var rows: [OutboxEntry] = []
        do {
            for try await entry in persistence.allOutboxEntries() { rows.append(entry) }
        } catch {
            try? await persistence.close()
            throw error
        }
        try await persistence.close()
        return rows
    }

    /// The emulator's own answer: how many coupons carry `code`, and its total.
    private func couponListing(_ mock: MockStoreServer, code: String? = nil) async throws -> (items: Int, total: Int) {
        var components = try #require(URLComponents(string: "\(mock.apiBaseURL)/coupons"))
        components.queryItems = [
            URLQueryItem(name: "consumer_key", value: mock.credentials.consumerKey),
            URLQueryItem(name: "consumer_secret", value: mock.credentials.consumerSecret),
            URLQueryItem(name: "per_page", value: "100"),
        ]
        if let code { components.queryItems?.append(URLQueryItem(name: "code", value: code)) }
        var request = URLRequest(url: try #require(components.url))
        request.setValue("https", forHTTPHeaderField: "X-Forwarded-Proto")
        let (data, response) = try await URLSession.shared.data(for: request)
        let http = try #require(response as? HTTPURLResponse)
        #expect(http.statusCode == 200, "\(String(decoding: data, as: UTF8.self))")
        let items = try JSONSerialization.jsonObject(with: data) as? [[String: Any]] ?? []
        let matching = code.map { wanted in
            items.filter { ($0["code"] as? String)?.lowercased() == wanted.lowercased() }
        }
        let total = Int(http.value(forHTTPHeaderField: "X-WP-Total") ?? "") ?? -1
        return ((matching ?? items).count, total)
    }

    @Test func aSendKilledAtRandomInstantsCreatesNoCouponTwiceAndSendsNoEmailTwice() async throws {
        let mock = try await MockStoreServer.start(.woocommerce(WooCommerceMockOptions(orders: 5, seed: 3)))
        let smtp: LocalSMTPServer
        do { smtp = try await LocalSMTPServer.start() } catch {
            await mock.stop()
            throw error
        }
        let cli = try CLIProcess()
        defer { cli.remove() }
        do {
            try writeConfig(cli, mock: mock, smtp: smtp)
            try await seedOutbox(cli)
            let couponsBefore = try await couponListing(mock).total
            let path = "/wp-json/wc/v3/coupons"

            var generator = SystemRandomNumberGenerator()
            var killedRunning = 0
            var takenOver = 0
            var interrupted = 0
            var midSend = 0
            for _ in 0..<Self.trials {
                let process = try cli.start(["send"], environment: Self.secrets, capture: false)
                try await Task.sleep(for: .milliseconds(Int.random(in: 20...400, using: &generator)))
                if process.isRunning { killedRunning += 1 }
                kill(process.processIdentifier, SIGKILL)
                // Poll instead of waitUntilExit: blocking a concurrency thread would starve the emulator.
                while process.isRunning { try await Task.sleep(for: .milliseconds(10)) }
                let expired = try await expireDeadLeases(cli)
                takenOver += expired.taken
                if expired.taken > 0 { interrupted += 1 }
                midSend += expired.unknown
            }

            let openBeforeFinal = try await outboxRows(cli).filter { $0.state == .pending }.count
            let final = try await cli.run(["send"], environment: Self.secrets)
            #expect(final.status == 0, "\(final.stdout)\n\(final.stderr)")
            let again = try await cli.run(["send"], environment: Self.secrets)
            #expect(again.status == 0, "\(again.stderr)")
            #expect(again.stdout.contains("nothing due"), "\(again.stdout)")

            // Coupons: each code created once, and the store holds it once.
            #expect(mock.stats().count(path: path, status: 201) == Self.pairs)
            let listing = try await couponListing(mock)
            #expect(listing.total == couponsBefore + Self.pairs)
            for index in 0..<Self.pairs {
                #expect(try await couponListing(mock, code: Self.code(index)).items == 1, "\(Self.code(index))")
            }

            // Rows: all settled; coupons done, emails sent or left unknown.
            let rows = try await outboxRows(cli)
            #expect(rows.count == 2 * Self.pairs)
            let settled: Set<OutboxState> = [.done, .failed, .unknown]
            for row in rows {
                #expect(settled.contains(row.state), "\(row.idempotencyKey) is \(row.state)")
                if row.action == .createCoupon {
                    #expect(row.state == .done, "\(row.idempotencyKey): \(row.lastError ?? "")")
                }
            }

            // Emails: none received twice; each sent one received once; an
            // unknown one at most once (it was never sent again).
            let received = smtp.messages
            let ids = received.compactMap(\.messageID)
            #expect(ids.count == received.count)
            #expect(Set(ids).count == ids.count, "a Message-ID arrived twice: \(ids.sorted())")
            var perRecipient: [String: Int] = [:]
            for message in received {
                for address in message.recipients { perRecipient[address, default: 0] += 1 }
            }
            let expected = Set((0..<Self.pairs).map(Self.recipient))
            #expect(Set(perRecipient.keys).isSubset(of: expected), "\(perRecipient.keys.sorted())")
            let emails = rows.filter { $0.action == .sendEmail }
            for row in emails {
                let index = try #require(Int(row.idempotencyKey.split(separator: "/").last ?? ""))
                let count = perRecipient[Self.recipient(index)] ?? 0
                switch row.state {
                case .done: #expect(count == 1, "\(row.idempotencyKey) done but received \(count) times")
                default: #expect(count <= 1, "\(row.idempotencyKey) \(row.state) received \(count) times")
                }
            }
            let unknown = emails.filter { $0.state == .unknown }.count
            print(
                "send crash: \(Self.trials) trials, \(killedRunning) killed while running, "
                    + "\(interrupted) holding leases, "
                    + "\(takenOver) leased rows taken over, \(midSend) kills mid-send, \(unknown) emails unknown, "
                    + "\(received.count)/\(Self.pairs) emails received, \(openBeforeFinal) rows left for the final run")
            #expect(midSend == unknown)
        } catch {
            await smtp.stop()
            await mock.stop()
            throw error
        }
        await smtp.stop()
        await mock.stop()
    }
}
