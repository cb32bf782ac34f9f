import Foundation
import GRDB

extension SQLiteExecutor {
    /// Turns whatever a database access threw into a ``PersistenceError``
    /// that names the file and the operation. `CancellationError` passes
    /// through: a cancelled task is not a database problem.
    func mapError(_ error: any Error, while operation: String) -> any Error {
        if error is PersistenceError || error is CancellationError { return error }
        let reason = self.reason(error)
        func failed(_ what: String, _ fix: String, _ kind: PersistenceError.Kind = .failed) -> PersistenceError {
            PersistenceError(kind: kind, location: path, what: what, fix: fix)
        }
        switch (error as? DatabaseError)?.resultCode {
        case .SQLITE_BUSY?, .SQLITE_LOCKED?:
            return failed(
                "\(operation): the database stayed locked for more than \(options.busyTimeout)s",
                "another aftercart process is writing to it; retry, or stop the other process", .busy)
        case .SQLITE_CONSTRAINT?:
            return PersistenceError.refusedRow(operation, reason: reason, location: path)
        case .SQLITE_NOTADB?, .SQLITE_CORRUPT?, .SQLITE_CANTOPEN?, .SQLITE_PERM?, .SQLITE_AUTH?:
            return Self.openError(path: path, error)
        case .SQLITE_FULL?:
            return failed("\(operation): the disk is full", "free disk space and retry; nothing was half-written")
        case .SQLITE_READONLY?:
            return failed(
                "\(operation): the database is read-only (\(reason))",
                "give the aftercart user write permission on the file and its directory")
        case .SQLITE_IOERR?:
            return failed(
                "\(operation): disk I/O error (\(reason))", "check the disk and the file system, then retry")
        default:
            return PersistenceError.unexplained(operation, reason: reason, location: path)
        }
    }

    /// The error for a database that can't be opened at all.
    static func openError(path: String, _ error: any Error) -> PersistenceError {
        if let error = error as? PersistenceError { return error }
        let reason = reason(error)
        let (what, fix): (String, String)
        switch (error as? DatabaseError)?.resultCode {
        case nil:
            (what, fix) = (
                "cannot open the database (\(reason))", "check the path in [database] url and its permissions"
            )
        case .SQLITE_NOTADB?, .SQLITE_CORRUPT?:
            (what, fix) = (
                "the file is not an aftercart database or is damaged (\(reason))",
                "point [database] url at another file, or restore this one from a backup"
            )
        case .SQLITE_CANTOPEN?, .SQLITE_PERM?, .SQLITE_AUTH?, .SQLITE_READONLY?:
            (what, fix) = (
                "cannot open the database (\(reason))",
                "check that the path is a file (not a directory) and that aftercart may read and write it"
            )
        default:
            (what, fix) = (
                "cannot open the database (\(reason))",
                "check the path in [database] url, its permissions and free disk space"
            )
        }
        return PersistenceError(kind: .cannotOpen, location: path, what: what, fix: fix)
    }
}
