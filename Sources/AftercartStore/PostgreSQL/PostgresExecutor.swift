import Foundation
import Logging
import NIOConcurrencyHelpers
import PostgresNIO

/// The SQL core's executor for a PostgreSQL database: postgres-nio's
/// bounded `PostgresClient` pool.
///
/// An operation whose connection is lost (a server restart, a terminated
/// backend, a network blip) is run again on a fresh connection, up to
/// ``PostgresOptions/retryAttempts`` times with a growing pause: every
/// operation is one transaction, so a failed try left nothing behind.
public struct PostgresExecutor: SQLExecutor {
    public let location: String
    let options: PostgresOptions
    let client: PostgresClient
    private let runner: Task<Void, Never>
    private let closed = NIOLockedValueBox(false)
    private let logger = Logger(label: "aftercart.postgres")

    init(location: String, options: PostgresOptions, client: PostgresClient) {
        self.location = location
        self.options = options
        self.client = client
        self.runner = Task { await client.run() }
    }

    public var dialect: SQLDialect { .postgres }

    /// Statements on one pooled connection; `?` placeholders become `$1`, `$2`, ….
    public struct Connection: SQLConnection {
        let connection: PostgresConnection
        let logger: Logger

        public func query(_ sql: String, _ arguments: [SQLValue]) async throws -> [SQLRow] {
            // A query written to a channel that has already closed is never
            // answered; fail it as a lost connection instead, so it is retried.
            guard !connection.isClosed else { throw ConnectionClosedBeforeQuery() }
            var bindings = PostgresBindings(capacity: arguments.count)
            for argument in arguments {
                switch argument {
                case .null: bindings.appendNull()
                case .text(let text): bindings.append(text)
                case .integer(let number): bindings.append(number)
                case .bool(let flag): bindings.append(flag)
                case .time(let date): bindings.append(date)
                }
            }
            let query = PostgresQuery(unsafeSQL: Self.numberingPlaceholders(sql), binds: bindings)
            var rows: [SQLRow] = []
            for try await row in try await connection.query(query, logger: logger) {
                rows.append(SQLRow(try row.map(Self.value(of:))))
            }
            return rows
        }

        /// `?` → `$1`, `$2`, … outside quoted text.
        static func numberingPlaceholders(_ sql: String) -> String {
            var numbered = ""
            numbered.reserveCapacity(sql.utf8.count + 16)
            var index = 0
            var quoted = false
            for character in sql {
                if character == "'" { quoted.toggle() }
                if character == "?" && !quoted {
                    index += 1
                    numbered += "$\(index)"
                } else {
                    numbered.append(character)
                }
            }
            return numbered
        }

        private static func value(of cell: PostgresCell) throws -> SQLValue {
            guard cell.bytes != nil else { return .null }
            switch cell.dataType {
            case .bool: return .bool(try cell.decode(Bool.self))
            case .int2: return .integer(Int64(try cell.decode(Int16.self)))
            case .int4: return .integer(Int64(try cell.decode(Int32.self)))
            case .int8: return .integer(try cell.decode(Int64.self))
            case .timestamptz, .timestamp: return .time(try cell.decode(Date.self))
            default: return .text(try cell.decode(String.self))
            }
        }
    }

    public func transaction<T: Sendable>(_ operation: String, _ body: (Connection) async throws -> T) async throws
        -> T
    {
        try await read(operation) { connection in
            try await connection.execute("BEGIN")
            do {
                let result = try await body(connection)
                try await connection.execute("COMMIT")
                return result
            } catch {
                // A lost connection can't roll back; the server does it.
                try? await connection.execute("ROLLBACK")
                throw error
            }
        }
    }

    /// Runs `body` on a pooled connection, again on a fresh one when the
    /// connection is lost, and maps what it finally throws.
    public func read<T: Sendable>(_ operation: String, _ body: (Connection) async throws -> T) async throws -> T {
        var retried = 0
        while true {
            guard !closed.isSet else {
                throw PersistenceError(
                    kind: .failed, location: location, what: "\(operation): the database was closed",
                    fix: "this is a bug: the database was used after close(); report it with this message")
            }
            do {
                return try await client.withConnection { connection in
                    try await body(Connection(connection: connection, logger: logger))
                }
            } catch {
                guard PostgresErrors.isTransient(error), retried < options.retryAttempts, !closed.isSet else {
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

    public func isConstraintViolation(_ error: any Error) -> Bool {
        PostgresErrors.sqlState(error)?.hasPrefix("23") == true
    }

    public func reason(_ error: any Error) -> String {
        PostgresErrors.reason(error)
    }

    public func close() async throws {
        guard closed.set() else { return }
        runner.cancel()
        await runner.value
    }
}

/// A pooled connection turned out closed before a query was sent on it.
struct ConnectionClosedBeforeQuery: Error, CustomStringConvertible {
    var description: String { "the server closed the connection" }
}
