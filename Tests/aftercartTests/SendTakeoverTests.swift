import AftercartModel
import AftercartStore
import Foundation
import MockStores
import Testing

/// A real `aftercart send` SIGKILLed while it holds outbox rows: `status`
/// names the dead worker and when its lease lapses, and the next `send` on
/// this host performs the rows at once instead of after the 5-minute lease
/// (issue 18), on SQLite and on PostgreSQL.
@Suite struct SendTakeoverTests {
    static let past = Date(timeIntervalSince1970: 1_700_000_000)
    static let coupons = 4

    enum Backend: String, CaseIterable {
        case sqlite, postgres
    }

    /// The database a test's CLI and the test itself share.
    struct Database {
        var url: String
        var open: @Sendable () async throws -> any Persistence
        var drop: @Sendable () async throws -> Void
    }

    private func makeDatabase(_ backend: Backend, in cli: CLIProcess) async throws -> Database? {
        switch backend {
        case .sqlite:
            let path = cli.directory.appendingPathComponent("data/aftercart.sqlite").path
            try FileManager.default.createDirectory(
                at: cli.directory.appendingPathComponent("data"), withIntermediateDirectories: true)
            return Database(
                url: "sqlite:data/aftercart.sqlite", open: { try await SQLitePersistence.open(path: path) },
                drop: {})
        case .postgres:
            guard FreshDatabase.serverURL != nil else {
                print("SendTakeoverTests: PostgreSQL skipped (set AFTERCART_TEST_POSTGRES_URL)")
                return nil
            }
            let database = try await FreshDatabase.create()
            return Database(
                url: database.url.absoluteString, open: { try await PostgresPersistence.open(url: database.url) },
                drop: { try await database.drop() })
        }
    }

    private func withPersistence<T>(_ database: Database, _ body: (any Persistence) async throws -> T) async throws
        -> T
    {
        let persistence = try await database.open()
        do {
            let value = try await body(persistence)
            try await persistence.close()
            return value
        } catch {
            try? await persistence.close()
            throw error
        }
    }

    private func seed(_ persistence: any Persistence) async throws {
        let rows = try (0..<Self.coupons).map { index in
            let coupon = CouponAction(
                code: "AC-TAKEOVER-\(index)", kind: .percent, amount: 10, currency: nil,
                expiresAt: Date(timeIntervalSince1970: 2_000_000_000), email: "buyer\(index)@example.test",
                customerID: nil, description: "takeover test")
            return NewOutboxEntry(
                idempotencyKey: "takeover/coupon/\(index)", store: "tokyo-woo", campaign: "winback",
                subjectKind: .customers, subjectID: "\(index + 1)", action: .createCoupon,
                payload: String(decoding: try ModelJSON.encoder().encode(coupon), as: UTF8.self),
                notBefore: Self.past)
        }
        try await persistence.enqueue(rows, now: Self.past)
    }

    @Test(arguments: Backend.allCases)
    func aKilledSendsRowsAreListedAndTheNextSendPerformsThemAtOnce(backend: Backend) async throws {
        // Every answer takes half a minute: the first `send` claims its batch and hangs on the first request.
        let mock = try await MockStoreServer.start(
            .woocommerce(WooCommerceMockOptions(orders: 5, seed: 3, faults: try MockFaultPlan(spec: "slow:1@30s"))))
        let cli = try CLIProcess()
        defer { cli.remove() }
        guard let database = try await makeDatabase(backend, in: cli) else { return await mock.stop() }
        do {
            try cli.write(
                """
                [database]
                url = "\(database.url)"

                [delivery]
                channel = "file"
                from = "Tokyo Mugs <hello@mugs.example>"
                """ + mock.aftercartStoreTable(name: "tokyo-woo", timeZone: "Asia/Tokyo"),
                to: "config/aftercart.toml")
            try await withPersistence(database) { try await seed($0) }

            let process = try cli.start(["send"], environment: SendCrashTests.secrets, capture: false)
            let owner = "\(ProcessInfo.processInfo.hostName):\(process.processIdentifier):"
            var held: [OutboxEntry] = []
            for _ in 0..<3_000 where held.count < Self.coupons {
                held = try await withPersistence(database) { persistence in
                    var rows: [OutboxEntry] = []
                    for try await row in persistence.allOutboxEntries()
                    where row.state == .leased && row.leaseOwner?.hasPrefix(owner) == true {
                        rows.append(row)
                    }
                    return rows
                }
                if held.count < Self.coupons { try await Task.sleep(for: .milliseconds(20)) }
            }
            kill(process.processIdentifier, SIGKILL)
            // Poll instead of waitUntilExit: blocking a concurrency thread would starve the emulator.
            while process.isRunning { try await Task.sleep(for: .milliseconds(10)) }
            try #require(held.count == Self.coupons, "the send to kill never claimed its rows")
            let leaseEnd = try #require(held.compactMap(\.leaseExpiresAt).max())
            let heldBy = try #require(held.first?.leaseOwner)

            // While the lease runs, status says who holds the rows and until when.
            let status = try await cli.run(["status"])
            #expect(status.stdout.contains("leased \(Self.coupons)"), "\(status.stdout)")
            #expect(status.stdout.contains("outbox (\(Self.coupons) rows)  \(heldBy)"), "\(status.stdout)")
            #expect(status.stdout.contains("its process is gone"), "\(status.stdout)")
            #expect(!status.stdout.contains("leases: none"), "\(status.stdout)")
            let json = try await cli.run(["status", "--json"])
            let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
            let lease = (object?["leases"] as? [[String: Any]])?.first { $0["name"] as? String == "outbox" }
            #expect(lease?["owner"] as? String == heldBy)
            #expect(lease?["rows"] as? Int == Self.coupons)
            #expect(lease?["expires_at"] is String)
            #expect(lease?["owner_gone"] as? Bool == true)

            mock.setFaults(.none)
            let next = try await cli.run(["send"], environment: SendCrashTests.secrets)
            #expect(next.status == 0, "\(next.stdout)\(next.stderr)")
            #expect(!next.stdout.contains("nothing due"), "\(next.stdout)")
            // Long before the dead worker's lease would have lapsed.
            #expect(Date() < leaseEnd)
            let states = try await withPersistence(database) { persistence in
                var states: [OutboxState] = []
                for try await row in persistence.allOutboxEntries() { states.append(row.state) }
                return states
            }
            #expect(states == Array(repeating: .done, count: Self.coupons))
            #expect(mock.stats().count(path: "/wp-json/wc/v3/coupons", status: 201) == Self.coupons)
            let after = try await cli.run(["status"])
            #expect(after.stdout.contains("leases: none"), "\(after.stdout)")
        } catch {
            await mock.stop()
            try? await database.drop()
            throw error
        }
        await mock.stop()
        try await database.drop()
    }
}
