import AftercartModel
import AftercartStore
import ArgumentParser
import Foundation
import Logging
import MockStores
import PostgresNIO

/// `aftercart-bench workers`: stores per minute that 1, 2, 3 `aftercart run`
/// workers sync against one PostgreSQL database.
///
/// The emulators (one WooCommerce store each, with a fixed per-request
/// latency standing in for the network) run in this process; each worker
/// count gets a fresh database, and the clock runs from the workers' launch
/// until every order of every store is stored.
struct WorkersBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "workers",
        abstract: "Stores/minute synced by N 'aftercart run' workers sharing one PostgreSQL database.")

    @Option(help: "Emulated WooCommerce stores.")
    var stores: Int = 50

    @Option(help: "Orders per store (100 per page).")
    var orders: Int = 500

    @Option(help: "Worker counts to measure, comma-separated.")
    var workers: String = "1,2,3"

    @Option(help: "Latency the emulators add to every answer, in milliseconds.")
    var latencyMs: Int = 50

    @Option(help: "How many stores each worker syncs at once (aftercart run --concurrency).")
    var concurrency: Int = 4

    @Option(help: "A PostgreSQL server URL whose user may CREATE DATABASE. Default: $AFTERCART_TEST_POSTGRES_URL.")
    var postgresURL: String?

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        guard let server = (postgresURL ?? environment["AFTERCART_TEST_POSTGRES_URL"]).flatMap(URL.init(string:))
        else {
            throw BenchmarkError("no PostgreSQL: pass --postgres-url or run under scripts/with-test-postgres.sh")
        }
        let counts = workers.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        let mocks = try await MockStoreServer.startSlowWooCommerceStores(
            count: stores, orders: orders, firstSeed: 1_000, latency: "\(latencyMs)ms")
        print(
            "\(stores) WooCommerce emulators x \(orders) orders, \(latencyMs) ms per answer; "
                + "aftercart run --concurrency \(concurrency) --resources orders per worker\n")
        let table = BenchmarkTable(columns: ["workers", "seconds to sync all", "stores/minute", "orders/s"])
        table.header()
        for count in counts {
            let seconds = try await measure(workers: count, server: server, mocks: mocks)
            table.row([
                "\(count)", seconds.twoDecimals, (Double(stores) / seconds * 60).grouped,
                (Double(stores * orders) / seconds).grouped,
            ])
        }
        for mock in mocks { await mock.stop() }
    }

    /// Seconds from launching `workers` workers on a fresh database until
    /// every order of every store is stored.
    private func measure(workers count: Int, server: URL, mocks: [MockStoreServer]) async throws -> Double {
        let database = try await BenchDatabase.create(on: server)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bench-workers-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let config = folder.appendingPathComponent("aftercart.toml")
        try Data(configText(database: database.url, mocks: mocks).utf8).write(to: config)
        let credentials = mocks[0].credentials
        var environment = ProcessInfo.processInfo.environment
        environment["WOO_KEY"] = credentials.consumerKey
        environment["WOO_SECRET"] = credentials.consumerSecret
        let persistence = try await PostgresPersistence.open(url: database.url)
        let started = Date()
        var processes: [Process] = []
        for _ in 0..<count {
            let process = Process()
            process.executableURL = MockProcess.sibling("aftercart")
            process.arguments = [
                "run", "--config", config.path, "--sync-every", "10s", "--resources", "orders",
                "--concurrency", "\(concurrency)", "--log-level", "warning", "--no-engage",
            ]
            process.environment = environment
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            processes.append(process)
        }
        var elapsed: Double?
        while elapsed == nil, Date().timeIntervalSince(started) < 600 {
            let stored = try await persistence.recordCounts().filter { $0.resource == .orders }
            if stored.count == mocks.count, stored.allSatisfy({ $0.total == orders }) {
                elapsed = Date().timeIntervalSince(started)
            } else {
                try await Task.sleep(for: .milliseconds(50))
            }
        }
        for process in processes where process.isRunning { process.terminate() }
        while processes.contains(where: \.isRunning) { try await Task.sleep(for: .milliseconds(20)) }
        try await persistence.close()
        try await database.drop()
        guard let elapsed else { throw BenchmarkError("\(count) workers did not sync every store in 10 minutes") }
        return elapsed
    }

    private func configText(database: URL, mocks: [MockStoreServer]) -> String {
        var text = "[database]\nurl = \"\(database.absoluteString)\"\n"
        for (index, mock) in mocks.enumerated() { text += mock.aftercartStoreTable(name: "store-\(index)") }
        return text
    }
}

/// A database of its own on the benchmark's server, dropped afterwards.
private struct BenchDatabase {
    let server: URL
    let name: String
    let url: URL

    private static let logger = Logger(label: "aftercart.bench.workers")

    static func create(on server: URL) async throws -> BenchDatabase {
        let name = "bench_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
        try await admin(server, "CREATE DATABASE \(name)")
        guard var components = URLComponents(url: server, resolvingAgainstBaseURL: false) else {
            throw BenchmarkError("\(server) is not a URL")
        }
        components.path = "/\(name)"
        components.queryItems = [URLQueryItem(name: "sslmode", value: "disable")]
        guard let url = components.url else { throw BenchmarkError("cannot build the database URL") }
        return BenchDatabase(server: server, name: String(name), url: url)
    }

    func drop() async throws {
        try await Self.admin(server, "DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
    }

    private static func admin(_ server: URL, _ sql: String) async throws {
        guard let components = URLComponents(url: server, resolvingAgainstBaseURL: false) else {
            throw BenchmarkError("\(server) is not a URL")
        }
        let configuration = PostgresConnection.Configuration(
            host: components.host ?? "127.0.0.1", port: components.port ?? 5432,
            username: components.user ?? "postgres", password: components.password,
            database: String(components.path.dropFirst()), tls: .disable)
        let connection = try await PostgresConnection.connect(configuration: configuration, id: 1, logger: logger)
        do {
            _ = try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger).collect()
            try await connection.close()
        } catch {
            try? await connection.close()
            throw error
        }
    }
}
