import Foundation
import GRDB

extension SQLiteExecutor {
    /// Turns whatever a database access threw into a ``PersistenceError``
    /// that names the file and the operation. `CancellationError` passes
    /// through: a cancelled task is not a database problem.
    func mapError(_ error: any Error, while operation: String) -> any Error {
        if error is PersistenceError || error is CancellationError { return error }
        guard let databaseError = error as? DatabaseError else {
            return PersistenceError(
                kind: .failed, location: path, what: "\(operation) failed (\(error))",
                fix: "retry; if it persists, report it with this message")
        }
        let reason = databaseError.message ?? "\(databaseError.resultCode)"
        switch databaseError.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return PersistenceError(
                kind: .busy, location: path,
                what: "\(operation): the database stayed locked for more than \(options.busyTimeout)s",
                fix: "another aftercart process is writing to it; retry, or stop the other process")
        case .SQLITE_CONSTRAINT:
            return PersistenceError(
                kind: .invalidRecord, location: path, what: "\(operation): the database refused a row (\(reason))",
                fix: "this is a bug in the code that produced the row; report it with this message")
        case .SQLITE_NOTADB, .SQLITE_CORRUPT, .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_AUTH:
            return Self.openError(path: path, error)
        case .SQLITE_FULL:
            return PersistenceError(
                kind: .failed, location: path, what: "\(operation): the disk is full",
                fix: "free disk space and retry; nothing was half-written")
        case .SQLITE_READONLY:
            return PersistenceError(
                kind: .failed, location: path, what: "\(operation): the database is read-only (\(reason))",
                fix: "give the aftercart user write permission on the file and its directory")
        case .SQLITE_IOERR:
            return PersistenceError(
                kind: .failed, location: path, what: "\(operation): disk I/O error (\(reason))",
                fix: "check the disk and the file system, then retry")
        default:
            return PersistenceError(
                kind: .failed, location: path, what: "\(operation) failed (\(reason))",
                fix: "retry; if it persists, report it with this message")
        }
    }

    /// The error for a database that can't be opened at all.
    static func openError(path: String, _ error: any Error) -> PersistenceError {
        if let error = error as? PersistenceError { return error }
        guard let databaseError = error as? DatabaseError else {
            return PersistenceError(
                kind: .cannotOpen, location: path, what: "cannot open the database (\(error))",
                fix: "check the path in [database] url and its permissions")
        }
        let reason = databaseError.message ?? "\(databaseError.resultCode)"
        switch databaseError.resultCode {
        case .SQLITE_NOTADB, .SQLITE_CORRUPT:
            return PersistenceError(
                kind: .cannotOpen, location: path,
                what: "the file is not an aftercart database or is damaged (\(reason))",
                fix: "point [database] url at another file, or restore this one from a backup")
        case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_AUTH, .SQLITE_READONLY:
            return PersistenceError(
                kind: .cannotOpen, location: path, what: "cannot open the database (\(reason))",
                fix: "check that the path is a file (not a directory) and that aftercart may read and write it")
        default:
            return PersistenceError(
                kind: .cannotOpen, location: path, what: "cannot open the database (\(reason))",
                fix: "check the path in [database] url, its permissions and free disk space")
        }
    }
}
