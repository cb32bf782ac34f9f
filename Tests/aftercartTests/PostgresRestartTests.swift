import AftercartModel
import AftercartStore
import ChildProcessTesting
import Foundation
import MockStores
import Testing

/// `aftercart sync` into a PostgreSQL server that is stopped in the middle of
/// the sync and started again a few seconds later: the sync waits, resumes
/// and completes, and every order arrives once.
///
/// The server is the test's own (`scripts/test-postgres-cluster.sh`, named
/// by `AFTERCART_TEST_POSTGRES_CLUSTER` under `make test`): stopping the
/// shared one would fail the other suites running at the same time.
@Suite(.enabled(if: PrivatePostgres.script != nil, "needs AFTERCART_TEST_POSTGRES_CLUSTER (make test)"))
struct PostgresRestartTests {
    static let orders = 2_400

    @Test func aSyncDuringWhichPostgreSQLRestartsResumesAndCompletes() async throws {
        let server = try await PrivatePostgres.start()
        // 150 ms a page: the 19 pages after the fifth take ~3 s, time enough for `pg_ctl stop`
        // on a loaded machine before the sync could finish without noticing.
        let mock = try await MockStoreServer.start(
            .woocommerce(
                WooCommerceMockOptions(
                    orders: Self.orders, seed: 11, faults: try MockFaultPlan(spec: "slow:1@150ms"))))
        let cli = try CLIProcess()
        defer { cli.remove() }
        do {
            try cli.write(
                """
                [database]
                url = "\(server.url.absoluteString)"

                [[stores]]
                name = "berlin-woo"
                platform = "woocommerce"
                base_url = "\(mock.baseURL)"
                consumer_key = { env = "WOO_KEY" }
                consumer_secret = { env = "WOO_SECRET" }
                timezone = "Europe/Berlin"
                marketing_consent = "unknown"
                """, to: "config/aftercart.toml")
            let sync = Task {
                try await cli.run(
                    ["sync", "--resources", "orders", "--page-concurrency", "1"], environment: RunCommandTests.secrets)
            }

            // Stop the server once a few pages are in, keep it down past the first retries.
            let path = "/wp-json/wc/v3/orders"
            var waited = 0
            while mock.stats().count(path: path) < 5, waited < 600 {
                try await Task.sleep(for: .milliseconds(50))
                waited += 1
            }
            try #require(mock.stats().count(path: path) >= 5, "the sync never started paging")
            try await server.stop()
            let pagesWhenStopped = mock.stats().count(path: path)
            try await Task.sleep(for: .seconds(3))
            let pagesWhenRestarted = mock.stats().count(path: path)
            try await server.start()

            let outcome = try await sync.value
            #expect(outcome.status == 0, "\(outcome.stdout)\n\(outcome.stderr)")
            // It was mid-run and it waited: a page fetched needs a commit before the next one.
            #expect(pagesWhenRestarted < Self.orders / 100, "the sync finished while the server was down")
            #expect(pagesWhenRestarted - pagesWhenStopped <= 2, "the sync paged on without its database")

            let persistence = try await PostgresPersistence.open(url: server.url)
            let count = try await persistence.recordCount(store: "berlin-woo", resource: .orders)
            let checkpoint = try await persistence.checkpoint(store: "berlin-woo", resource: .orders)
            try await persistence.close()
            #expect(count.total == Self.orders)
            #expect(checkpoint?.lastCompletedAt != nil, "\(String(describing: checkpoint))")
        } catch {
            await mock.stop()
            try? await server.remove()
            throw error
        }
        await mock.stop()
        try await server.remove()
    }
}

/// A PostgreSQL cluster of one test's own, which the test may stop and start.
struct PrivatePostgres {
    /// `scripts/test-postgres-cluster.sh`, or `nil` outside `make test`.
    static let script: String? = ProcessInfo.processInfo.environment["AFTERCART_TEST_POSTGRES_CLUSTER"]
        .flatMap { $0.isEmpty ? nil : $0 }

    let folder: URL
    let port: Int
    let url: URL

    /// Creates the cluster in a new folder under /tmp (passable for the
    /// `postgres` user when the tests run as root) and starts it.
    static func start() async throws -> PrivatePostgres {
        let folder = URL(fileURLWithPath: "/tmp/aftercart-pg-\(UUID().uuidString.prefix(8))", isDirectory: true)
        let password = "restart-\(UUID().uuidString.prefix(12))"
        try await run(["init", folder.path, password])
        var lastError: (any Error)?
        for _ in 0..<10 {
            // Below Linux's ephemeral range (32768-60999): while the server is down for the
            // restart, no outgoing connection can be given its port.
            let port = Int.random(in: 20_000..<32_768)
            let url = try #require(URL(string: "postgres://aftercart:\(password)@127.0.0.1:\(port)/postgres"))
            let server = PrivatePostgres(folder: folder, port: port, url: url)
            do {
                try await server.start()
                return server
            } catch {
                lastError = error
            }
        }
        try? FileManager.default.removeItem(at: folder)
        throw lastError ?? PrivatePostgresError(description: "could not start PostgreSQL")
    }

    func start() async throws { try await Self.run(["start", folder.path, "\(port)"]) }

    func stop() async throws { try await Self.run(["stop", folder.path]) }

    /// Stops the server and deletes its files.
    func remove() async throws {
        try? await stop()
        try FileManager.default.removeItem(at: folder)
    }

    private static func run(_ arguments: [String]) async throws {
        let script = try #require(script)
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("pg-\(UUID().uuidString).log").path
        defer { try? FileManager.default.removeItem(atPath: log) }
        let status = try await ChildProcess.run(
            "/bin/bash", arguments: [script] + arguments, environment: ProcessInfo.processInfo.environment,
            directory: FileManager.default.temporaryDirectory.path, stdout: "/dev/null", stderr: log,
            limit: .seconds(300))
        guard status == 0 else {
            let stderr = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
            throw PrivatePostgresError(
                description: "test-postgres-cluster.sh \(arguments.first ?? "") exited \(status): \(stderr.suffix(400))"
            )
        }
    }
}

struct PrivatePostgresError: Error, CustomStringConvertible {
    var description: String
}
