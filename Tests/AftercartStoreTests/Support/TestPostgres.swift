import AftercartStore
import Foundation
import Logging
import PostgresNIO

/// The PostgreSQL server the store tests also run against, named by
/// `AFTERCART_TEST_POSTGRES_URL` (`make test` starts one; see
/// scripts/with-test-postgres.sh). Each test gets a fresh schema, dropped
/// afterwards, so tests run in parallel on one database.
enum TestPostgres {
    /// The server's URL, or `nil` when the variable is unset.
    static let url: URL? = ProcessInfo.processInfo.environment["AFTERCART_TEST_POSTGRES_URL"]
        .flatMap { $0.isEmpty ? nil : URL(string: $0) }

    /// Says once per test process that the PostgreSQL half is skipped.
    static let skipNote: Void = {
        FileHandle.standardError.write(
            Data(
                ("note: AFTERCART_TEST_POSTGRES_URL is not set, so the store tests ran on SQLite only; "
                    + "'make test' (scripts/with-test-postgres.sh) runs them on PostgreSQL too\n").utf8))
    }()

    private static let logger = Logger(label: "aftercart.tests.postgres")

    /// Opens a persistence on a new schema of the test server and drops the
    /// schema afterwards, whatever happens.
    static func withPersistence<T>(
        options: PostgresOptions = PostgresOptions(), _ body: (PostgresPersistence) async throws -> T
    ) async throws -> T {
        try await withSchema { schema in
            let store = try await open(schema: schema, options: options)
            do {
                let result = try await body(store)
                try await store.close()
                return result
            } catch {
                try? await store.close()
                throw error
            }
        }
    }

    /// A persistence on `schema` of the test server, as another worker
    /// would open it; its connections are named after the schema.
    static func open(schema: String, options: PostgresOptions = PostgresOptions()) async throws -> PostgresPersistence {
        var options = options
        options.schema = schema
        options.applicationName = applicationName(schema)
        return try await PostgresPersistence.open(url: try requireURL(), options: options)
    }

    /// The `application_name` of the connections of persistences on `schema`.
    static func applicationName(_ schema: String) -> String { "aftercart-test-\(schema)" }

    /// Terminates every server connection of persistences on `schema`
    /// (what a server restart or a network cut does to them).
    ///
    /// - Returns: how many were terminated.
    @discardableResult
    static func terminateConnections(schema: String) async throws -> Int {
        try await admin { connection in
            try await connection.query(
                """
                SELECT pg_terminate_backend(pid) FROM pg_stat_activity
                WHERE application_name = \(applicationName(schema)) AND pid <> pg_backend_pid()
                """, logger: logger
            ).collect().count
        }
    }

    /// Runs `body` with the name of a new, empty schema, dropped afterwards.
    static func withSchema<T>(_ body: (String) async throws -> T) async throws -> T {
        let schema = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(20)
        try await admin { connection in
            _ = try await connection.query(PostgresQuery(unsafeSQL: "CREATE SCHEMA \(schema)"), logger: logger)
                .collect()
        }
        do {
            let result = try await body(schema)
            try await dropSchema(schema)
            return result
        } catch {
            try? await dropSchema(schema)
            throw error
        }
    }

    private static func dropSchema(_ schema: String) async throws {
        try await admin { connection in
            _ = try await connection.query(
                PostgresQuery(unsafeSQL: "DROP SCHEMA IF EXISTS \(schema) CASCADE"), logger: logger
            ).collect()
        }
    }

    /// Runs `body` on a direct connection of its own (not through the
    /// persistence's pool), e.g. to terminate the pool's backends.
    static func admin<T>(_ body: (PostgresConnection) async throws -> T) async throws -> T {
        let connection = try await PostgresConnection.connect(
            configuration: try configuration(), id: 1, logger: logger)
        do {
            let result = try await body(connection)
            try await connection.close()
            return result
        } catch {
            try? await connection.close()
            throw error
        }
    }

    static func requireURL() throws -> URL {
        guard let url else { throw TestPostgresUnavailable() }
        return url
    }

    /// The URL's parts, for a direct connection.
    static func configuration() throws -> PostgresConnection.Configuration {
        guard let components = URLComponents(url: try requireURL(), resolvingAgainstBaseURL: false),
            let host = components.host
        else { throw TestPostgresUnavailable() }
        return PostgresConnection.Configuration(
            host: host, port: components.port ?? 5432, username: components.user ?? "postgres",
            password: components.password, database: String(components.path.dropFirst()), tls: .disable)
    }
}

struct TestPostgresUnavailable: Error, CustomStringConvertible {
    var description: String { "AFTERCART_TEST_POSTGRES_URL is not set or is not a postgres:// URL" }
}
