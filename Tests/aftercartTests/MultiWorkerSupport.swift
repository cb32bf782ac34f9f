import AftercartModel
import AftercartStore
import Foundation
import Logging
import MockStores
import PostgresNIO
import Testing

/// Emulated WooCommerce stores `store-0` … `store-N` and the config that
/// names them, for tests of several `aftercart run` workers on one database.
struct WorkerStores {
    let mocks: [MockStoreServer]

    /// Starts `count` emulators of `orders` orders each; every answer takes
    /// `latency`, so a sync lasts long enough to be caught mid-run.
    static func start(count: Int, orders: Int, latency: String = "30ms") async throws -> WorkerStores {
        let mocks = try await MockStoreServer.startSlowWooCommerceStores(
            count: count, orders: orders, firstSeed: 100, latency: latency)
        return WorkerStores(mocks: mocks)
    }

    func stop() async {
        for mock in mocks { await mock.stop() }
    }

    /// `[database]`, then `extra` (e.g. a `[delivery]` table), then one `[[stores]]` per emulator.
    func config(database: URL, extra: String = "") -> String {
        var text = """
            [database]
            url = "\(database.absoluteString)"

            \(extra)

            """
        for (index, mock) in mocks.enumerated() {
            text += mock.aftercartStoreTable(name: "store-\(index)", timeZone: "Europe/Berlin")
        }
        return text
    }

    /// Whether the database holds every order of every emulated store.
    func allStored(_ persistence: PostgresPersistence) async throws -> Bool {
        let counts = try await persistence.recordCounts().filter { $0.resource == .orders }
        return mocks.indices.allSatisfy { index in
            counts.first { $0.store == StoreID("store-\(index)") }?.total == mocks[index].counts.orders
        }
    }
}

/// Polls `condition` up to `attempts` times, 100 ms apart.
func eventually(_ attempts: Int = 300, _ condition: () async throws -> Bool) async throws -> Bool {
    for _ in 0..<attempts {
        if try await condition() { return true }
        try await Task.sleep(for: .milliseconds(100))
    }
    return false
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

    /// Runs `body` on one connection to the database `server` names.
    static func admin(_ server: URL, _ body: (PostgresConnection) async throws -> Void) async throws {
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
