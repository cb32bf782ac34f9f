import Foundation
import GRDB

/// ``Persistence`` in one SQLite file: a WAL-mode connection pool with one
/// writer and several readers, migrated to the latest schema when opened.
///
/// One process with this backend serves a merchant; several processes may
/// share the file (a `status` during a `run`), writes then wait up to
/// ``SQLiteOptions/busyTimeout`` for each other.
public typealias SQLitePersistence = SQLPersistence<SQLiteExecutor>

extension SQLPersistence where Executor == SQLiteExecutor {
    /// The database file path, as given.
    public var path: String { executor.path }

    /// Opens (creating it and its directory if needed) the database at
    /// `path` and applies pending migrations.
    ///
    /// - Throws: ``PersistenceError`` — `.cannotOpen` when the file can't be
    ///   created or is not a database, `.schemaTooNew` when a newer
    ///   aftercart migrated it, `.migrationFailed` when a migration fails
    ///   (the database stays at its previous version).
    public static func open(path: String, options: SQLiteOptions = SQLiteOptions()) async throws -> SQLitePersistence {
        try createDirectory(for: path)
        // Processes opening a new file at once (a `run` and an `export`)
        // race. Switching it to WAL, and the first read, can meet
        // SQLITE_BUSY without the busy handler being consulted; and GRDB
        // reads the applied migrations outside a transaction, so the loser
        // fails on a migration the winner just committed. Both pass at once:
        // every migration is one transaction, so a failed attempt changed
        // nothing, and the next one re-reads what is applied.
        var attempt = 0
        while true {
            attempt += 1
            var opened: DatabasePool?
            do {
                let pool = try makePool(path: path, options: options)
                opened = pool
                try await migrate(pool, path: path)
                return SQLPersistence(executor: SQLiteExecutor(path: path, options: options, pool: pool))
            } catch {
                try? opened?.close()
                let busy = (error as? DatabaseError)?.resultCode == .SQLITE_BUSY
                guard busy || error is MigrationRunFailed, attempt < openAttempts else {
                    guard let failed = error as? MigrationRunFailed else {
                        throw SQLiteExecutor.openError(path: path, error)
                    }
                    throw SchemaMigrations.failed(
                        failed.error, reason: (failed.error as? DatabaseError)?.message ?? "\(failed.error)",
                        location: path,
                        fix: "the database is unchanged; check free disk space and permissions, then retry")
                }
                try? await Task.sleep(for: .milliseconds(20 * attempt))
            }
        }
    }

    /// Enough for a loser to collide with a racing opener on each migration
    /// once and still finish.
    private static var openAttempts: Int { max(8, SchemaMigrations.latestVersion + 2) }

    private static func createDirectory(for path: String) throws {
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw PersistenceError(
                kind: .cannotOpen, location: path,
                what: "cannot create the directory \(directory.path) (\(error.localizedDescription))",
                fix: "create it or point [database] url at a writable place")
        }
    }

    private static func makePool(path: String, options: SQLiteOptions) throws -> DatabasePool {
        var configuration = Configuration()
        configuration.label = "aftercart"
        configuration.journalMode = .wal
        configuration.busyMode = .timeout(options.busyTimeout)
        configuration.foreignKeysEnabled = true
        configuration.maximumReaderCount = max(1, options.maximumReaderCount)
        // The SQL core's transactions span several writer accesses
        // (SQLiteExecutor.transaction), each statement its own hop.
        configuration.allowsUnsafeTransactions = true
        return try DatabasePool(path: path, configuration: configuration)
    }

    private static func migrate(_ pool: DatabasePool, path: String) async throws {
        let migrator = SQLiteMigrator.migrator
        // Errors here are raw: `open` retries SQLITE_BUSY and maps the rest.
        let applied = try await pool.read { db in try migrator.appliedIdentifiers(db) }
        try SchemaMigrations.refuseUnknown(applied, location: path, target: "file")
        do {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                migrator.asyncMigrate(pool) { result in continuation.resume(with: result.map { _ in () }) }
            }
        } catch {
            throw MigrationRunFailed(error: error)
        }
    }

    /// A migration failed; `open` runs the migrator again while another
    /// opener may be making progress.
    private struct MigrationRunFailed: Error {
        let error: any Error
    }
}
