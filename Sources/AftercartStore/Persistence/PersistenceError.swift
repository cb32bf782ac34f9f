public import Foundation

/// A failure of the persistence layer, worded for the person who has to fix it.
///
/// Every error names where (a file path, or a database URL without its
/// password), what happened, and what to do. `description` joins the three:
/// `data/aftercart.sqlite: the database was written by a newer aftercart
/// (schema v7, this binary knows v3) — upgrade aftercart, or point
/// [database] url at another file`.
public struct PersistenceError: Error, Sendable, Hashable, CustomStringConvertible, LocalizedError {
    /// The broad class of failure, for code that reacts differently to each.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// The database could not be opened or created (missing directory
        /// permissions, not a database, disk full).
        case cannotOpen = "cannot_open"
        /// The database was migrated by a newer build than this one.
        case schemaTooNew = "schema_too_new"
        /// A schema migration failed; the database is left at the last good version.
        case migrationFailed = "migration_failed"
        /// Another process held the write lock for longer than the busy timeout.
        case busy
        /// A record or outbox entry was rejected by a constraint (empty id, bad state).
        case invalidRecord = "invalid_record"
        /// The caller broke the API's contract (records of another store or
        /// resource than the checkpoint, a non-positive limit).
        case invalidArgument = "invalid_argument"
        /// A stored payload no longer decodes into the model.
        case corruptRecord = "corrupt_record"
        /// Any other database failure.
        case failed
    }

    /// The broad class of failure.
    public var kind: Kind
    /// Where: the database file path or a password-free URL.
    public var location: String
    /// What happened, in a sentence without a trailing period.
    public var what: String
    /// What to do about it.
    public var fix: String

    /// Creates an error; prefer the static constructors of each backend.
    public init(kind: Kind, location: String, what: String, fix: String) {
        self.kind = kind
        self.location = location
        self.what = what
        self.fix = fix
    }

    public var description: String { "\(location): \(what) — \(fix)" }

    public var errorDescription: String? { description }
}

extension PersistenceError {
    /// A constraint refused a row: the code that produced it is wrong.
    static func refusedRow(_ operation: String, reason: String, location: String) -> PersistenceError {
        PersistenceError(
            kind: .invalidRecord, location: location, what: "\(operation): the database refused a row (\(reason))",
            fix: "this is a bug in the code that produced the row; report it with this message")
    }

    /// A failure the database explains no better than `reason`.
    static func unexplained(_ operation: String, reason: String, location: String) -> PersistenceError {
        PersistenceError(
            kind: .failed, location: location, what: "\(operation) failed (\(reason))",
            fix: "retry; if it persists, report it with this message")
    }
}
