import Foundation
import Logging
import PostgresNIO

/// Brings a PostgreSQL schema to ``PostgreSQLMigrations/latestVersion`` on
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

    /// An arbitrary constant: the first key of the advisory lock, so the
    /// lock can't collide with another application's.
    static let lockKey: Int32 = 0x4166_7443

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

    private func migrate(on connection: PostgresConnection) async throws {
        let location = endpoint.location
        let latest = PostgreSQLMigrations.latestVersion
        let applied: Set<String>
        do {
            _ = try await connection.query("BEGIN", logger: logger).collect()
            _ = try await connection.query(
                "SELECT pg_advisory_xact_lock(\(Self.lockKey), hashtext(current_schema()))", logger: logger
            ).collect()
            _ = try await connection.query(
                PostgresQuery(unsafeSQL: PostgreSQLMigrations.bookkeeping), logger: logger
            ).collect()
            let rows = try await connection.query("SELECT identifier FROM aftercart_migrations", logger: logger)
                .collect()
            applied = Set(try rows.map { try $0.decode(String.self) })
        } catch {
            _ = try? await connection.query("ROLLBACK", logger: logger).collect()
            throw PostgresErrors.openError(error, location: location)
        }
        let known = Set(PostgreSQLMigrations.all.map(\.identifier))
        let unknown = applied.subtracting(known).sorted()
        guard unknown.isEmpty else {
            _ = try? await connection.query("ROLLBACK", logger: logger).collect()
            throw PersistenceError(
                kind: .schemaTooNew, location: location,
                what: "the database was migrated by a newer aftercart (it has \(unknown.joined(separator: ", ")); "
                    + "this binary knows schema v\(latest))",
                fix: "upgrade aftercart, or point [database] url at another database")
        }
        do {
            for migration in PostgreSQLMigrations.all where !applied.contains(migration.identifier) {
                for statement in migration.statements {
                    _ = try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger).collect()
                }
                _ = try await connection.query(
                    "INSERT INTO aftercart_migrations (identifier) VALUES (\(migration.identifier))", logger: logger
                ).collect()
            }
            _ = try await connection.query("COMMIT", logger: logger).collect()
        } catch {
            _ = try? await connection.query("ROLLBACK", logger: logger).collect()
            throw PersistenceError(
                kind: .migrationFailed, location: location,
                what: "migrating the schema to v\(latest) failed (\(PostgresErrors.reason(error)))",
                fix: "the database is unchanged; check the user's rights on the schema, then retry")
        }
    }
}
