import Foundation
import PostgresNIO
import _ConnectionPoolModule

/// How the PostgreSQL backend tells a lost connection, worth running the
/// operation again, from a failure to report, and how it words the latter.
///
/// Messages are built from the server's message and SQLSTATE and from
/// network errors only: never from the query's bound values or the
/// connection configuration, so no password or payload reaches a log.
enum PostgresErrors {
    /// SQLSTATEs after which the same operation on a fresh connection may succeed.
    private static let transientStates: Set<String> = [
        "57P01",  // admin_shutdown: server stopping, or pg_terminate_backend
        "57P02",  // crash_shutdown
        "57P03",  // cannot_connect_now: server starting up or in recovery
        "40001",  // serialization_failure
        "40P01",  // deadlock_detected
        "53300",  // too_many_connections
    ]

    /// Whether `error` means the connection (not the request) failed.
    static func isTransient(_ error: any Error) -> Bool {
        if let error = error as? PSQLError {
            switch error.code {
            // clientClosedConnection: the pool closed a connection it found
            // broken while this operation held it (our own close() is
            // checked before retrying).
            case .serverClosedConnection, .connectionError, .uncleanShutdown, .clientClosedConnection:
                return true
            case .server:
                guard let state = error.serverInfo?[.sqlState] else { return false }
                return state.hasPrefix("08") || transientStates.contains(state)
            default:
                return false
            }
        }
        if error is ChannelError || error is IOError || error is ConnectionClosedBeforeQuery { return true }
        return false
    }

    /// The SQLSTATE of a server error, or `nil`.
    static func sqlState(_ error: any Error) -> String? {
        (error as? PSQLError)?.serverInfo?[.sqlState]
    }

    /// A short, password-free account of `error`.
    static func reason(_ error: any Error) -> String {
        guard let error = error as? PSQLError else {
            if let error = error as? ConnectionPoolError, error == .connectionCreationCircuitBreakerTripped {
                return "no connection could be opened for a minute"
            }
            return "\(error)"
        }
        if let info = error.serverInfo, let message = info[.message] {
            let state = info[.sqlState].map { " [\($0)]" } ?? ""
            return message + state
        }
        switch error.code {
        case .serverClosedConnection, .uncleanShutdown: return "the server closed the connection"
        case .connectionError:
            return "cannot connect" + (error.underlying.map { " (\($0))" } ?? "")
        case .clientClosedConnection: return "the connection was closed"
        case .poolClosed: return "the database was closed"
        case .queryCancelled: return "the query was cancelled"
        case .tooManyParameters: return "too many bound parameters in one statement"
        case .sslUnsupported: return "the server does not offer TLS, but sslmode=require asks for it"
        case .unsupportedAuthMechanism, .authMechanismRequiresPassword, .saslError:
            return "authentication failed (\(error.code))"
        default:
            return "\(error.code)" + (error.underlying.map { " (\($0))" } ?? "")
        }
    }

    /// Turns whatever an operation threw into a ``PersistenceError`` naming
    /// `location` and the operation. `CancellationError` passes through.
    static func map(_ error: any Error, location: String, while operation: String, retried: Int) -> any Error {
        if error is PersistenceError || error is CancellationError { return error }
        let reason = reason(error)
        let state = sqlState(error) ?? ""
        if state.hasPrefix("23") {
            return PersistenceError.refusedRow(operation, reason: reason, location: location)
        }
        if ["55P03", "40001", "40P01", "57014"].contains(state) {
            return PersistenceError(
                kind: .busy, location: location, what: "\(operation): the database was busy (\(reason))",
                fix: "another worker holds the rows; retry")
        }
        if state.hasPrefix("28") || state == "3D000" {
            return openError(error, location: location)
        }
        if isTransient(error) || error is ConnectionPoolError {
            let tries = retried > 0 ? " after \(retried + 1) tries" : ""
            return PersistenceError(
                kind: .failed, location: location,
                what: "\(operation): lost the database connection\(tries) (\(reason))",
                fix: "check that PostgreSQL is running and reachable; nothing was half-written")
        }
        if state.hasPrefix("42") {
            return PersistenceError(
                kind: .failed, location: location, what: "\(operation) failed (\(reason))",
                fix: "the schema may have been changed by hand; check 'aftercart status' and the server log")
        }
        return PersistenceError.unexplained(operation, reason: reason, location: location)
    }

    /// The error for a database that can't be opened at all.
    static func openError(_ error: any Error, location: String) -> PersistenceError {
        if let error = error as? PersistenceError { return error }
        let reason = reason(error)
        let state = sqlState(error) ?? ""
        if state.hasPrefix("28") {
            return PersistenceError(
                kind: .cannotOpen, location: location, what: "the server refused the login (\(reason))",
                fix: "check the user in [database] url and the password in [database] password")
        }
        if state == "3D000" {
            return PersistenceError(
                kind: .cannotOpen, location: location, what: "the database does not exist (\(reason))",
                fix: "create it (createdb) or fix the database name in [database] url")
        }
        if state == "3F000" {
            return PersistenceError(
                kind: .cannotOpen, location: location, what: "the schema does not exist (\(reason))",
                fix: "create it (CREATE SCHEMA) or choose another one")
        }
        return PersistenceError(
            kind: .cannotOpen, location: location, what: "cannot open the database (\(reason))",
            fix: "check that PostgreSQL runs at the host and port in [database] url and accepts connections")
    }
}
