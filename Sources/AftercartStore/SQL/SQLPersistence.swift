import Foundation
import NIOConcurrencyHelpers

/// ``Persistence`` written once in SQL, over the small executor a database
/// backend provides: ``SQLitePersistence`` for one process with a file,
/// ``PostgresPersistence`` for several workers sharing a server.
///
/// The rules live here, once: a page and its checkpoint commit together,
/// the newer record wins, the outbox moves only along
/// ``OutboxTransition``'s allowed edges, a lease is one atomic statement.
/// What differs between the databases is the executor's (connections,
/// transactions, error meanings) and the ``SQLDialect``'s (column types,
/// row locks, time precision).
public final class SQLPersistence<Executor: SQLExecutor>: Persistence, PlanningStore, WebhookInbox {
    let executor: Executor
    /// Whether the planner's table is known to exist.
    let plannerStateReady = NIOLockedValueBox(false)
    /// The secret forgotten addresses are hashed with, once read (it never changes).
    let forgetSecretCache = NIOLockedValueBox<String?>(nil)

    init(executor: Executor) {
        self.executor = executor
    }

    public var location: String { executor.location }

    var dialect: SQLDialect { executor.dialect }

    public func schemaStatus() async throws -> SchemaStatus {
        let applied = try await executor.read("reading the schema version") { connection in
            try await connection.query("SELECT identifier FROM \(self.dialect.migrationsTable)", []).map {
                try $0.text(0)
            }
        }.sorted { (SchemaMigrations.position($0), $0) < (SchemaMigrations.position($1), $1) }
        return SchemaStatus(current: applied.count, latest: SchemaMigrations.latestVersion, appliedMigrations: applied)
    }

    public func close() async throws {
        try await executor.close()
    }

    // MARK: - Shared checks

    /// Failure texts longer than this are cut: a status line, not a dump.
    static var maximumErrorLength: Int { 2_000 }

    /// Rows per multi-row statement and ids per `IN` list: SQLite binds at
    /// most 32,766 parameters and PostgreSQL 65,535; a record row binds at
    /// most 13.
    static var maximumRowsPerStatement: Int { 500 }

    /// A page of zero rows could never advance; refuse it instead of looping.
    func checkLimit(_ limit: Int) throws {
        guard limit > 0 else {
            throw PersistenceError(
                kind: .invalidArgument, location: location, what: "a page limit of \(limit) was asked for",
                fix: "this is a bug; ask for at least one row")
        }
    }

    /// `?, ?, ?` for a list of `count` values.
    static func placeholders(_ count: Int) -> String {
        Array(repeating: "?", count: count).joined(separator: ", ")
    }
}

extension NIOLockedValueBox<Bool> {
    /// Whether the flag was set.
    var isSet: Bool { withLockedValue { $0 } }

    /// Sets the flag; `false` if it already was.
    @discardableResult
    func set() -> Bool {
        withLockedValue { flag in
            defer { flag = true }
            return !flag
        }
    }
}

extension Array {
    func chunked(_ size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}
