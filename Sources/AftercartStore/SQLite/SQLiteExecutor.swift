import Foundation
import GRDB

/// The SQL core's executor for one SQLite file: a WAL-mode GRDB pool with
/// one writer and several readers.
///
/// A transaction waits for the file's write lock without holding a thread
/// (`BEGIN IMMEDIATE`, up to ``SQLiteOptions/busyTimeout`` while another
/// process writes), then runs its statements and `COMMIT` as synchronous
/// writer accesses: once the lock is held, nothing in the transaction
/// waits for a free thread of the cooperative pool, so the lock is held
/// only as long as the SQL takes, as with a single GRDB write. The whole
/// transaction runs on this file's own queue (``DispatchTaskExecutor``),
/// never on the cooperative pool, whose few threads the rest of the
/// process needs. Transactions of this process take turns (``WriteTurns``).
public struct SQLiteExecutor: SQLExecutor {
    /// The database file path, as given.
    let path: String
    let options: SQLiteOptions
    let pool: DatabasePool
    private let turns = WriteTurns()
    private let transactions = DispatchTaskExecutor(label: "aftercart.sqlite.transactions")

    init(path: String, options: SQLiteOptions, pool: DatabasePool) {
        self.path = path
        self.options = options
        self.pool = pool
    }

    public var location: String { path }

    public var dialect: SQLDialect { .sqlite }

    /// Statements on the writer (inside a transaction) or on a reader.
    public struct Connection: SQLConnection {
        let pool: DatabasePool
        let writes: Bool

        public func query(_ sql: String, _ arguments: [SQLValue]) async throws -> [SQLRow] {
            if writes { return try Self.onWriter(pool) { db in try Self.fetch(db, sql, arguments) } }
            return try await pool.read { db in try Self.fetch(db, sql, arguments) }
        }

        /// A synchronous writer access: in a non-async function only GRDB's
        /// blocking overload applies, which returns without a suspension.
        static func onWriter<T>(_ pool: DatabasePool, _ body: (Database) throws -> T) throws -> T {
            try pool.writeWithoutTransaction(body)
        }

        private static func fetch(_ db: Database, _ sql: String, _ arguments: [SQLValue]) throws -> [SQLRow] {
            let statement = try db.cachedStatement(sql: sql)
            statement.arguments = StatementArguments(arguments.map(databaseValue))
            let cursor = try Row.fetchCursor(statement)
            var rows: [SQLRow] = []
            while let row = try cursor.next() {
                rows.append(SQLRow(row.databaseValues.map(sqlValue)))
            }
            return rows
        }

        private static func databaseValue(_ value: SQLValue) -> DatabaseValue {
            switch value {
            case .null: .null
            case .text(let text): text.databaseValue
            case .integer(let number): number.databaseValue
            case .bool(let flag): flag.databaseValue
            case .time(let date): FixedWidthTime.text(date).databaseValue
            }
        }

        private static func sqlValue(_ value: DatabaseValue) -> SQLValue {
            switch value.storage {
            case .null: .null
            case .int64(let number): .integer(number)
            case .double(let number): .integer(Int64(number))
            case .string(let text): .text(text)
            case .blob(let data): .text(String(decoding: data, as: UTF8.self))
            }
        }
    }

    public func read<T: Sendable>(_ operation: String, _ body: (Connection) async throws -> T) async throws -> T {
        do {
            return try await body(Connection(pool: pool, writes: false))
        } catch {
            throw mapError(error, while: operation)
        }
    }

    public func transaction<T: Sendable>(_ operation: String, _ body: (Connection) async throws -> T) async throws
        -> T
    {
        try await withTaskExecutorPreference(transactions) { try await transactionOnQueue(operation, body) }
    }

    private func transactionOnQueue<T: Sendable>(_ operation: String, _ body: (Connection) async throws -> T)
        async throws -> T
    {
        await turns.begin()
        defer { turns.end() }
        do {
            try await pool.writeWithoutTransaction { db in try db.execute(sql: "BEGIN IMMEDIATE") }
        } catch {
            throw mapError(error, while: operation)
        }
        do {
            let result = try await body(Connection(pool: pool, writes: true))
            try finish("COMMIT")
            return result
        } catch {
            try? finish("ROLLBACK")
            throw mapError(error, while: operation)
        }
    }

    /// Ends the open transaction; synchronous, so a cancelled task still
    /// commits or rolls back and never leaves the writer locked.
    private func finish(_ statement: String) throws {
        try Connection.onWriter(pool) { db in
            if db.isInsideTransaction { try db.execute(sql: statement) }
        }
    }

    public func isConstraintViolation(_ error: any Error) -> Bool {
        (error as? DatabaseError)?.resultCode == .SQLITE_CONSTRAINT
    }

    public func reason(_ error: any Error) -> String { Self.reason(error) }

    /// SQLite's message for `error`, or its result code when it gave none.
    static func reason(_ error: any Error) -> String {
        guard let error = error as? DatabaseError else { return "\(error)" }
        return error.message ?? "\(error.resultCode)"
    }

    /// `VACUUM` rebuilds the file from its live rows, then the WAL is
    /// emptied: old page images stay in neither.
    public func reclaimFreedSpace(_ operation: String) async throws {
        try await withTaskExecutorPreference(transactions) {
            await turns.begin()
            defer { turns.end() }
            do {
                try await pool.writeWithoutTransaction { db in
                    try db.execute(sql: "VACUUM")
                    try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
                }
            } catch {
                throw mapError(error, while: operation)
            }
        }
    }

    public func close() async throws {
        do {
            try pool.close()
        } catch {
            throw mapError(error, while: "closing the database")
        }
    }
}

/// Lets this process's write transactions use the one writer connection
/// one after another, first come first served.
final class WriteTurns: @unchecked Sendable {
    private let lock = NSLock()
    private var taken = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    /// Waits until no other transaction of this process is open.
    func begin() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let now: Bool = lock.withLock {
                guard taken else {
                    taken = true
                    return true
                }
                waiting.append(continuation)
                return false
            }
            if now { continuation.resume() }
        }
    }

    /// Hands the writer to the next transaction waiting, if any.
    func end() {
        let next: CheckedContinuation<Void, Never>? = lock.withLock {
            guard !waiting.isEmpty else {
                taken = false
                return nil
            }
            return waiting.removeFirst()
        }
        next?.resume()
    }
}

/// Runs the jobs of tasks that prefer it on one serial dispatch queue.
final class DispatchTaskExecutor: TaskExecutor, @unchecked Sendable {
    private let queue: DispatchQueue

    init(label: String) {
        queue = DispatchQueue(label: label)
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        queue.async { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}
