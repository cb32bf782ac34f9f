import AftercartModel
import AftercartStore
import Foundation
import Logging
import MockStores
import PostgresNIO
import Testing

/// Three `aftercart run` workers on one PostgreSQL database and ten emulated
/// WooCommerce stores: each store is synced once per tick, and the stores
/// of a SIGKILLed worker are taken over. Runs only with
/// `AFTERCART_TEST_POSTGRES_URL` (`make test`).
@Suite(.enabled(if: FreshDatabase.serverURL != nil, "needs AFTERCART_TEST_POSTGRES_URL"))
struct MultiWorkerTests {
    static let storeCount = 10
    static let interval: TimeInterval = 2

    @Test func threeWorkersSyncEachStoreOncePerTickAndTakeOverAKilledWorkersStores() async throws {
        let database = try await FreshDatabase.create()
        var mocks: [MockStoreServer] = []
        var workers: [RunCommandTests.Daemon] = []
        let cli = try CLIProcess()
        defer { cli.remove() }
        do {
            for index in 0..<Self.storeCount {
                // Every answer takes 30 ms, so a sync lasts long enough to be caught mid-run.
                mocks.append(
                    try await MockStoreServer.start(
                        .woocommerce(
                            WooCommerceMockOptions(
                                orders: 150, seed: UInt64(100 + index),
                                faults: try MockFaultPlan(spec: "slow:1@30ms")))))
            }
            try writeConfig(cli, database: database.url, mocks: mocks)
            let persistence = try await PostgresPersistence.open(url: database.url)
            defer { Task { try? await persistence.close() } }
            for _ in 0..<3 {
                workers.append(
                    try RunCommandTests.Daemon.start(
                        cli,
                        [
                            "--sync-every", "2s", "--resources", "orders", "--lease-ttl", "3s", "--no-engage",
                        ]))
            }

            // 1. Every store's orders arrive.
            #expect(
                try await eventually { try await allStored(persistence, mocks) },
                "\(workers.map(\.output).joined())")

            // 2. Over eight seconds (four ticks) each store syncs about four times, not three times as often.
            let window: TimeInterval = 8
            let before = workers.map(\.output)
            try await Task.sleep(for: .seconds(window))
            let during = zip(workers, before).map { worker, earlier in String(worker.output.dropFirst(earlier.count)) }
            for index in 0..<Self.storeCount {
                let syncs = during.reduce(0) { $0 + $1.components(separatedBy: "store-\(index) orders:").count - 1 }
                #expect(syncs >= 1, "store-\(index) was not synced during the window")
                #expect(
                    syncs <= Int(window / Self.interval) + 2,
                    "store-\(index) synced \(syncs) times in \(window) s at one sync per \(Self.interval) s tick")
            }
            #expect(during.joined().contains("skipping a sync another worker just completed"))

            // 3. SIGKILL a worker while it holds a store; new orders of every store still arrive.
            let victim = workers[0]
            let victimOwner = ":\(victim.process.processIdentifier)"
            var held: [String] = []
            for _ in 0..<400 where held.isEmpty {
                held = try await persistence.leases().filter { $0.owner.hasSuffix(victimOwner) }.map(\.name)
                if held.isEmpty { try await Task.sleep(for: .milliseconds(10)) }
            }
            try #require(!held.isEmpty, "the worker to kill never held a store")
            _ = try await victim.stop(SIGKILL)
            for mock in mocks { _ = mock.advance(orders: 12, seconds: 600) }
            let recovered = try await eventually {
                let leases = try await persistence.leases()
                return try await allStored(persistence, mocks)
                    && !leases.contains { $0.owner.hasSuffix(victimOwner) }
            }
            #expect(recovered, "stores held by the killed worker (\(held)) were not taken over")
            for worker in workers.dropFirst() {
                #expect(try await worker.stop(SIGTERM) == 0, "\(worker.output)")
            }
        } catch {
            for worker in workers { worker.forceKill() }
            for mock in mocks { await mock.stop() }
            try? await database.drop()
            throw error
        }
        for worker in workers { worker.forceKill() }
        for mock in mocks { await mock.stop() }
        try await database.drop()
    }

    /// Whether the database holds every order of every emulated store.
    private func allStored(_ persistence: PostgresPersistence, _ mocks: [MockStoreServer]) async throws -> Bool {
        let counts = try await persistence.recordCounts().filter { $0.resource == .orders }
        return mocks.indices.allSatisfy { index in
            counts.first { $0.store == StoreID("store-\(index)") }?.total == mocks[index].counts.orders
        }
    }

    private func writeConfig(_ cli: CLIProcess, database: URL, mocks: [MockStoreServer]) throws {
        var text = """
            [database]
            url = "\(database.absoluteString)"

            """
        for (index, mock) in mocks.enumerated() {
            text += """

                [[stores]]
                name = "store-\(index)"
                platform = "woocommerce"
                base_url = "\(mock.baseURL)"
                consumer_key = { env = "WOO_KEY" }
                consumer_secret = { env = "WOO_SECRET" }
                timezone = "Europe/Berlin"
                marketing_consent = "unknown"

                """
        }
        try cli.write(text, to: "config/aftercart.toml")
    }

    /// Polls `condition` up to `attempts` times, 100 ms apart.
    private func eventually(_ attempts: Int = 300, _ condition: () async throws -> Bool) async throws -> Bool {
        for _ in 0..<attempts {
            if try await condition() { return true }
            try await Task.sleep(for: .milliseconds(100))
        }
        return false
    }
}

/// A new database on the test server for one test: the CLI's `[database]
/// url` names a database and cannot select a schema.
struct FreshDatabase {
    let name: String
    let url: URL

    /// The test server, or `nil` when the variable is unset.
    static let serverURL: URL? = ProcessInfo.processInfo.environment["AFTERCART_TEST_POSTGRES_URL"]
        .flatMap { $0.isEmpty ? nil : URL(string: $0) }

    private static let logger = Logger(label: "aftercart.tests.multiworker")

    static func create() async throws -> FreshDatabase {
        let server = try #require(FreshDatabase.serverURL)
        let name = "mw_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(20)
        try await admin(server) { connection in
            _ = try await connection.query(PostgresQuery(unsafeSQL: "CREATE DATABASE \(name)"), logger: logger)
                .collect()
        }
        var components = try #require(URLComponents(url: server, resolvingAgainstBaseURL: false))
        components.path = "/\(name)"
        components.queryItems = [URLQueryItem(name: "sslmode", value: "disable")]
        return FreshDatabase(name: String(name), url: try #require(components.url))
    }

    func drop() async throws {
        try await Self.admin(try #require(FreshDatabase.serverURL)) { connection in
            _ = try await connection.query(
                PostgresQuery(unsafeSQL: "DROP DATABASE IF EXISTS \(name) WITH (FORCE)"), logger: Self.logger
            ).collect()
        }
    }

    private static func admin(_ server: URL, _ body: (PostgresConnection) async throws -> Void) async throws {
        let components = try #require(URLComponents(url: server, resolvingAgainstBaseURL: false))
        let configuration = PostgresConnection.Configuration(
            host: components.host ?? "127.0.0.1", port: components.port ?? 5432,
            username: components.user ?? "postgres", password: components.password,
            database: String(components.path.dropFirst()), tls: .disable)
        let connection = try await PostgresConnection.connect(configuration: configuration, id: 1, logger: logger)
        do {
            try await body(connection)
            try await connection.close()
        } catch {
            try? await connection.close()
            throw error
        }
    }
}

/// `aftercart run --lease-ttl` refuses what is not a duration before anything starts.
@Suite struct LeaseTTLOptionTests {
    @Test func aLeaseTTLThatIsNotADurationOfAtLeastASecondIsRefused() async throws {
        let cli = try CLIProcess()
        defer { cli.remove() }
        for value in ["soon", "0s"] {
            let outcome = try await cli.run(["run", "--lease-ttl", value])
            #expect(outcome.status == 64)
            #expect(
                outcome.stderr.contains("--lease-ttl '\(value)' is not a duration of at least 1s"), "\(outcome.stderr)")
        }
    }
}
