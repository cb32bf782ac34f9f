public import AftercartModel
public import Foundation
import Logging
import PostgresNIO

/// ``Persistence`` in a PostgreSQL database, shared by several workers on
/// several machines.
///
/// Each process holds a bounded connection pool (postgres-nio's
/// `PostgresClient`, at most ``PostgresOptions/maximumConnections``). An
/// operation whose connection is lost (a server restart, a terminated
/// backend, a network blip) is run again on a fresh connection, up to
/// ``PostgresOptions/retryAttempts`` times with a growing pause: every
/// operation is one transaction or one statement, so a failed try left
/// nothing behind.
///
/// Workers coordinate through rows, with no coordinator process: leases are
/// one atomic upsert, outbox claims take due rows with
/// `SELECT … FOR UPDATE SKIP LOCKED`, so two workers never claim one row
/// and neither waits for the other.
public final class PostgresPersistence: Persistence {
    public let location: String
    let options: PostgresOptions
    let client: PostgresClient
    let logger = Logger(label: "aftercart.postgres")
    private let runner: Task<Void, Never>
    private let state = Flag()
    /// Whether the planner's table is known to exist.
    let plannerStateReady = Flag()

    private init(location: String, options: PostgresOptions, client: PostgresClient) {
        self.location = location
        self.options = options
        self.client = client
        self.runner = Task { await client.run() }
    }

    /// Connects to the database at `url`, applies pending migrations and
    /// starts the connection pool.
    ///
    /// - Parameters:
    ///   - url: `postgres://user@host:port/database[?sslmode=…]`.
    ///   - password: the password, kept out of the URL (`[database] password`);
    ///     it wins over one written in the URL.
    /// - Throws: ``PersistenceError`` — `.cannotOpen` when the server can't
    ///   be reached, refuses the login, or the database does not exist;
    ///   `.schemaTooNew` when a newer aftercart migrated it;
    ///   `.migrationFailed` when a migration fails (the schema is unchanged).
    public static func open(url: URL, password: Secret? = nil, options: PostgresOptions = PostgresOptions())
        async throws -> PostgresPersistence
    {
        let endpoint = try PostgresEndpoint(url: url, password: password?.revealed())
        try await PostgresMigrator(endpoint: endpoint, options: options).migrate()
        return PostgresPersistence(
            location: endpoint.location, options: options,
            client: PostgresClient(configuration: endpoint.clientConfiguration(options)))
    }

    public func schemaStatus() async throws -> SchemaStatus {
        let applied = try await withConnection("reading the schema version") { connection in
            try await self.rows("SELECT identifier FROM aftercart_migrations ORDER BY identifier", on: connection)
                .map { try $0.decode(String.self) }
        }
        let order = Dictionary(
            uniqueKeysWithValues: PostgreSQLMigrations.all.enumerated().map { ($1.identifier, $0) })
        let sorted = applied.sorted { (order[$0] ?? .max, $0) < (order[$1] ?? .max, $1) }
        return SchemaStatus(
            current: sorted.count, latest: PostgreSQLMigrations.latestVersion, appliedMigrations: sorted)
    }

    public func close() async throws {
        guard state.set() else { return }
        runner.cancel()
        await runner.value
    }

    // MARK: - Access with retry and error mapping

    /// Runs `body` on a pooled connection, again on a fresh one when the
    /// connection is lost, and maps what it finally throws.
    func withConnection<T: Sendable>(
        _ operation: String, _ body: (PostgresConnection) async throws -> T
    ) async throws -> T {
        var retried = 0
        while true {
            guard !state.isSet else {
                throw PersistenceError(
                    kind: .failed, location: location, what: "\(operation): the database was closed",
                    fix: "this is a bug: the database was used after close(); report it with this message")
            }
            do {
                return try await client.withConnection { connection in try await body(connection) }
            } catch {
                guard PostgresErrors.isTransient(error), retried < options.retryAttempts, !state.isSet else {
                    throw PostgresErrors.map(error, location: location, while: operation, retried: retried)
                }
                retried += 1
                let delay = options.delay(beforeRetry: retried)
                logger.warning(
                    "\(location): \(operation): \(PostgresErrors.reason(error)); retry \(retried) in \(delay)s")
                try await Task.sleep(nanoseconds: UInt64(delay * 1_000_000_000))
            }
        }
    }

    /// Runs `body` in one transaction on a pooled connection: committed when
    /// it returns, rolled back when it throws, run again whole when the
    /// connection is lost.
    func transaction<T: Sendable>(
        _ operation: String, _ body: (PostgresConnection) async throws -> T
    ) async throws -> T {
        try await withConnection(operation) { connection in
            try await self.run("BEGIN", on: connection)
            do {
                let result = try await body(connection)
                try await self.run("COMMIT", on: connection)
                return result
            } catch {
                // A lost connection can't roll back; the server does it.
                try? await self.run("ROLLBACK", on: connection)
                throw error
            }
        }
    }

    /// Runs `query` and returns every row (pages are small).
    func rows(_ query: PostgresQuery, on connection: PostgresConnection) async throws -> [PostgresRow] {
        // A query written to a channel that has already closed is never
        // answered; fail it as a lost connection instead, so it is retried.
        guard !connection.isClosed else { throw ConnectionClosedBeforeQuery() }
        return try await connection.query(query, logger: logger).collect()
    }

    /// Runs `query` and discards its rows.
    func run(_ query: PostgresQuery, on connection: PostgresConnection) async throws {
        _ = try await rows(query, on: connection)
    }

    /// Refuses a page of zero rows, which could never advance.
    func checkLimit(_ limit: Int) throws {
        guard limit > 0 else {
            throw PersistenceError(
                kind: .invalidArgument, location: location, what: "a page limit of \(limit) was asked for",
                fix: "this is a bug; ask for at least one row")
        }
    }

    /// Failure texts longer than this are cut: a status line, not a dump.
    static let maximumErrorLength = 2_000
}

/// A pooled connection turned out closed before a query was sent on it.
struct ConnectionClosedBeforeQuery: Error, CustomStringConvertible {
    var description: String { "the server closed the connection" }
}

/// A thread-safe flag that is set once: whether ``PostgresPersistence/close()``
/// ran (operations after it fail instead of waiting on a pool that no
/// longer runs), whether a lazily created table exists.
final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false

    var isSet: Bool { lock.withLock { value } }

    /// Sets the flag; `false` if it already was.
    @discardableResult
    func set() -> Bool {
        lock.withLock {
            defer { value = true }
            return !value
        }
    }
}
