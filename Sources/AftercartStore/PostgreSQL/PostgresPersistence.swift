public import AftercartModel
public import Foundation
import PostgresNIO

/// ``Persistence`` in a PostgreSQL database, shared by several workers on
/// several machines.
///
/// Each process holds a bounded connection pool (at most
/// ``PostgresOptions/maximumConnections``); see ``PostgresExecutor`` for
/// how lost connections are retried. Workers coordinate through rows, with
/// no coordinator process: leases are one atomic upsert, outbox claims
/// take due rows with `SELECT … FOR UPDATE SKIP LOCKED`, so two workers
/// never claim one row and neither waits for the other.
public typealias PostgresPersistence = SQLPersistence<PostgresExecutor>

extension SQLPersistence where Executor == PostgresExecutor {
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
        return SQLPersistence(
            executor: PostgresExecutor(
                location: endpoint.location, options: options,
                client: PostgresClient(configuration: endpoint.clientConfiguration(options))))
    }
}
