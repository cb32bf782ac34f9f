import Foundation
import GRDB

/// ``Persistence`` in one SQLite file: a WAL-mode connection pool with one
/// writer and several readers, migrated to the latest schema when opened.
///
/// One process with this backend serves a merchant; several processes may
/// share the file (a `status` during a `run`), writes then wait up to
/// ``SQLiteOptions/busyTimeout`` for each other.
public final class SQLitePersistence: Persistence {
    /// The database file path, as given.
    public let path: String
    let options: SQLiteOptions
    let pool: DatabasePool

    public var location: String { path }

    private init(path: String, options: SQLiteOptions, pool: DatabasePool) {
        self.path = path
        self.options = options
        self.pool = pool
    }

    /// Opens (creating it and its directory if needed) the database at
    /// `path` and applies pending migrations.
    ///
    /// - Throws: ``PersistenceError`` — `.cannotOpen` when the file can't be
    ///   created or is not a database, `.schemaTooNew` when a newer
    ///   aftercart migrated it, `.migrationFailed` when a migration fails
    ///   (the database stays at its previous version).
    public static func open(path: String, options: SQLiteOptions = SQLiteOptions()) async throws -> SQLitePersistence {
        try createDirectory(for: path)
        // Switching a new file to WAL, and the first read, can meet
        // SQLITE_BUSY without the busy handler being consulted when another
        // process opens the same new file at that instant; it passes at once.
        var attempt = 0
        while true {
            attempt += 1
            var opened: DatabasePool?
            do {
                let pool = try makePool(path: path, options: options)
                opened = pool
                let persistence = SQLitePersistence(path: path, options: options, pool: pool)
                try await persistence.migrate()
                return persistence
            } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY && attempt < openAttempts {
                try? opened?.close()
                try? await Task.sleep(for: .milliseconds(20 * attempt))
            } catch {
                try? opened?.close()
                throw openError(path: path, error)
            }
        }
    }

    private static let openAttempts = 8

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
        return try DatabasePool(path: path, configuration: configuration)
    }

    private func migrate() async throws {
        let migrator = SQLiteMigrations.migrator
        // Errors here are raw: `open` retries SQLITE_BUSY and maps the rest.
        let unknown = try await pool.read { db in
            let known = Set(migrator.migrations)
            return try migrator.appliedIdentifiers(db).filter { !known.contains($0) }.sorted()
        }
        if !unknown.isEmpty {
            throw PersistenceError(
                kind: .schemaTooNew, location: path,
                what: "the database was migrated by a newer aftercart (it has \(unknown.joined(separator: ", ")); "
                    + "this binary knows schema v\(SQLiteMigrations.latestVersion))",
                fix: "upgrade aftercart, or point [database] url at another file")
        }
        // Processes opening a new file at once (a `run` and an `export`)
        // race: GRDB reads the applied list outside a transaction, so the
        // loser fails on a migration the winner just committed. Every
        // migration is one transaction, so a failed attempt changed nothing;
        // try again (the applied list is re-read) while someone else is
        // making progress, and give up only on an error that persists.
        var attempt = 0
        while true {
            attempt += 1
            do {
                try await runMigrator(migrator)
                return
            } catch {
                let completed = try? await pool.read { db in try migrator.hasCompletedMigrations(db) }
                if completed == true { return }
                if attempt < Self.migrationAttempts {
                    try? await Task.sleep(for: .milliseconds(20 * attempt))
                    continue
                }
                let reason = (error as? DatabaseError)?.message ?? "\(error)"
                throw PersistenceError(
                    kind: .migrationFailed, location: path,
                    what: "migrating the schema to v\(SQLiteMigrations.latestVersion) failed (\(reason))",
                    fix: "the database is unchanged; check free disk space and permissions, then retry")
            }
        }
    }

    /// One more than the migrations: enough for a loser to collide with a
    /// racing opener on each migration once and still finish.
    private static var migrationAttempts: Int { SQLiteMigrations.latestVersion + 2 }

    private func runMigrator(_ migrator: DatabaseMigrator) async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            migrator.asyncMigrate(pool) { result in
                continuation.resume(with: result.map { _ in () })
            }
        }
    }

    public func schemaStatus() async throws -> SchemaStatus {
        let migrator = SQLiteMigrations.migrator
        let applied = try await read("reading the schema version") { db in try migrator.appliedMigrations(db) }
        return SchemaStatus(current: applied.count, latest: SQLiteMigrations.latestVersion, appliedMigrations: applied)
    }

    public func close() async throws {
        do {
            try pool.close()
        } catch {
            throw mapError(error, while: "closing the database")
        }
    }

    // MARK: - Access with error mapping

    /// Runs `body` in a write transaction; any thrown error rolls it back.
    func write<T: Sendable>(_ operation: String, _ body: @Sendable (Database) throws -> T) async throws -> T {
        do {
            return try await pool.write(body)
        } catch {
            throw mapError(error, while: operation)
        }
    }

    /// Runs `body` on a read-only snapshot.
    func read<T: Sendable>(_ operation: String, _ body: @Sendable (Database) throws -> T) async throws -> T {
        do {
            return try await pool.read(body)
        } catch {
            throw mapError(error, while: operation)
        }
    }
}
