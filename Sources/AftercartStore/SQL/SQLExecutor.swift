/// One database access as the SQL core sees it: statements with `?`
/// placeholders and ``SQLValue`` arguments, rows back as ``SQLRow``.
///
/// A backend provides this and ``SQLExecutor``; everything the store
/// decides (what to read, what to write, which state may follow which) is
/// written once, in ``SQLPersistence``, over these two protocols.
public protocol SQLConnection: Sendable {
    /// Runs `sql` with `arguments` bound to its `?` placeholders in order
    /// and returns every row it produced (statements end with `RETURNING`
    /// when the caller needs to know which rows they changed).
    func query(_ sql: String, _ arguments: [SQLValue]) async throws -> [SQLRow]
}

extension SQLConnection {
    /// Runs a statement whose rows, if any, are not needed.
    func execute(_ sql: String, _ arguments: [SQLValue] = []) async throws {
        _ = try await query(sql, arguments)
    }

    /// Runs a statement ending in `RETURNING 1` and counts the rows it touched.
    func count(_ sql: String, _ arguments: [SQLValue] = []) async throws -> Int {
        try await query(sql, arguments).count
    }
}

/// The small executor a database backend gives the SQL core: reads,
/// transactions, and what its errors mean.
///
/// Every method maps what the database threw into a ``PersistenceError``
/// naming `operation`, except `CancellationError` and errors that already
/// are one.
public protocol SQLExecutor: Sendable {
    /// The connection a body runs its statements on.
    associatedtype Connection: SQLConnection

    /// Where the data lives, safe to print.
    var location: String { get }

    /// What differs between this database's SQL and the other's.
    var dialect: SQLDialect { get }

    /// Runs `body`, which only reads, on a connection outside any write
    /// transaction (SQLite: a reader, so it never waits for the writer).
    func read<T: Sendable>(_ operation: String, _ body: (Connection) async throws -> T) async throws -> T

    /// Runs `body` in one transaction: committed when it returns, rolled
    /// back when it throws. A backend may run it again whole when the
    /// connection was lost before the commit.
    func transaction<T: Sendable>(_ operation: String, _ body: (Connection) async throws -> T) async throws -> T

    /// Whether `error`, thrown by a statement, says a constraint refused a row.
    func isConstraintViolation(_ error: any Error) -> Bool

    /// The database's own words for `error`, for a message.
    func reason(_ error: any Error) -> String

    /// Releases connections; later calls fail with a ``PersistenceError``.
    func close() async throws

    /// After an erasure: rewrites the database's files so that nothing
    /// deleted or overwritten survives in their free space. A backend whose
    /// files are not read directly (a server's) may do nothing.
    func reclaimFreedSpace(_ operation: String) async throws
}

extension SQLExecutor {
    public func reclaimFreedSpace(_ operation: String) async throws {}
}
