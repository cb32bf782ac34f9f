import Foundation
import Logging
import PostgresNIO

/// Brings a PostgreSQL schema to ``SchemaMigrations/latestVersion`` on
/// one direct connection, so a wrong password, host or database name is
/// reported at once instead of being retried by the pool.
///
/// Everything runs in one transaction under an advisory lock keyed by the
/// schema: workers starting together migrate one after the other, and a
/// failed migration leaves the schema as it was.
struct PostgresMigrator {
    let endpoint: PostgresEndpoint
    let options: PostgresOptions
    private let logger = Logger(label: "aftercart.postgres.migrate")

    /// Where the applied migrations are recorded.
    static let bookkeeping = """
        CREATE TABLE IF NOT EXISTS aftercart_migrations (
            identifier TEXT PRIMARY KEY,
            applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
        )
        """

    init(endpoint: PostgresEndpoint, options: PostgresOptions) {
        self.endpoint = endpoint
        self.options = options
    }

    func migrate() async throws {
        let connection = try await connect()
        do {
            try await migrate(on: connection)
            try? await connection.close()
        } catch {
            try? await connection.close()
            throw error
        }
    }

    private func connect() async throws -> PostgresConnection {
        var retried = 0
        while true {
            do {
                let configuration = try endpoint.connectionConfiguration(options)
                return try await PostgresConnection.connect(configuration: configuration, id: 0, logger: logger)
            } catch {
                // Only a server that is starting or stopping is worth waiting for here.
                let state = PostgresErrors.sqlState(error) ?? ""
                guard ["57P01", "57P03"].contains(state), retried < options.retryAttempts else {
                    throw PostgresErrors.openError(error, location: endpoint.location)
                }
                retried += 1
                try await Task.sleep(nanoseconds: UInt64(options.delay(beforeRetry: retried) * 1_000_000_000))
            }
        }
    }

    private func migrate(on raw: PostgresConnection) async throws {
        let connection = PostgresExecutor.Connection(connection: raw, logger: logger)
        let migrations = SchemaMigrations.all(.postgres)
        let applied: Set<String>
        do {
            try await connection.execute("BEGIN")
            try await connection.execute(SQLDialect.postgres.schemaLock ?? "")
            try await connection.execute(Self.bookkeeping)
            applied = Set(
                try await connection.query("SELECT identifier FROM aftercart_migrations", []).map { try $0.text(0) })
        } catch {
            try? await connection.execute("ROLLBACK")
            throw PostgresErrors.openError(error, location: endpoint.location)
        }
        do {
            try SchemaMigrations.refuseUnknown(applied, location: endpoint.location, target: "database")
            for migration in migrations where !applied.contains(migration.identifier) {
                for statement in migration.statements { try await connection.execute(statement) }
                try await connection.execute(
                    "INSERT INTO aftercart_migrations (identifier) VALUES (?)", [.text(migration.identifier)])
            }
            try await connection.execute("COMMIT")
        } catch {
            try? await connection.execute("ROLLBACK")
            throw SchemaMigrations.failed(
                error, reason: PostgresErrors.reason(error), location: endpoint.location,
                fix: "the database is unchanged; check the user's rights on the schema, then retry")
        }
    }
}
