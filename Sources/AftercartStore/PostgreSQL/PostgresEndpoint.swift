import Foundation
import NIOCore
import NIOSSL
import PostgresNIO

/// Where and how to connect, read from a `postgres://user@host:port/database`
/// URL and a password kept outside it.
///
/// `?sslmode=disable|prefer|require` chooses TLS (default `prefer`: TLS
/// when the server offers it, with certificate verification);
/// `?pool_size=N` overrides ``PostgresOptions/maximumConnections``.
struct PostgresEndpoint: Sendable {
    enum TLSMode: String, Sendable {
        case disable, prefer, require
    }

    let host: String
    let port: Int
    let username: String
    let password: String?
    let database: String
    let tlsMode: TLSMode
    let poolSize: Int?

    /// The URL without its password, for messages and `status`.
    let location: String

    /// Reads `url`; `password` wins over one written in the URL.
    init(url: URL, password: String?) throws(PersistenceError) {
        let shown = Self.redacted(url)
        func refuse(_ what: String, _ fix: String) -> PersistenceError {
            PersistenceError(kind: .cannotOpen, location: shown, what: what, fix: fix)
        }
        guard let components = URLComponents(url: url, resolvingAgainstBaseURL: false),
            components.scheme == "postgres" || components.scheme == "postgresql"
        else {
            throw refuse("not a postgres:// URL", "write [database] url as postgres://user@host:5432/database")
        }
        guard let host = components.host, !host.isEmpty else {
            throw refuse("the URL names no host", "write [database] url as postgres://user@host:5432/database")
        }
        let database = String(components.path.drop(while: { $0 == "/" }))
        guard !database.isEmpty, !database.contains("/") else {
            throw refuse("the URL names no database", "add the database after the port, e.g. .../aftercart")
        }
        var tlsMode = TLSMode.prefer
        var poolSize: Int?
        for item in components.queryItems ?? [] {
            switch item.name {
            case "sslmode":
                guard let mode = item.value.flatMap(TLSMode.init(rawValue:)) else {
                    throw refuse(
                        "sslmode \"\(item.value ?? "")\" is not one of disable, prefer, require", "use ?sslmode=require"
                    )
                }
                tlsMode = mode
            case "pool_size":
                guard let size = item.value.flatMap(Int.init), size > 0 else {
                    throw refuse(
                        "pool_size \"\(item.value ?? "")\" is not a positive number", "use e.g. ?pool_size=10")
                }
                poolSize = size
            default:
                throw refuse(
                    "the URL has an unknown option \"\(item.name)\"",
                    "only ?sslmode=disable|prefer|require and ?pool_size=N are understood")
            }
        }
        self.host = host
        self.port = components.port ?? 5432
        self.username = components.user?.removingPercentEncoding ?? components.user ?? "postgres"
        self.password = password ?? components.password?.removingPercentEncoding ?? components.password
        self.database = database.removingPercentEncoding ?? database
        self.tlsMode = tlsMode
        self.poolSize = poolSize
        self.location = shown
    }

    /// The pool's configuration.
    func clientConfiguration(_ options: PostgresOptions) -> PostgresClient.Configuration {
        let tls: PostgresClient.Configuration.TLS =
            switch tlsMode {
            case .disable: .disable
            case .prefer: .prefer(.makeClientConfiguration())
            case .require: .require(.makeClientConfiguration())
            }
        var configuration = PostgresClient.Configuration(
            host: host, port: port, username: username, password: password, database: database, tls: tls)
        configuration.options.maximumConnections = max(1, poolSize ?? options.maximumConnections)
        configuration.options.minimumConnections = 0
        configuration.options.connectTimeout = .milliseconds(Int64(options.connectTimeout * 1_000))
        configuration.options.additionalStartupParameters = startupParameters(options)
        return configuration
    }

    /// The configuration of a single connection, used to migrate on open:
    /// unlike the pool, which retries a failing server quietly, it reports
    /// a wrong password or an unreachable host at once.
    func connectionConfiguration(_ options: PostgresOptions) throws -> PostgresConnection.Configuration {
        let tls: PostgresConnection.Configuration.TLS =
            switch tlsMode {
            case .disable: .disable
            case .prefer: .prefer(try NIOSSLContext(configuration: .makeClientConfiguration()))
            case .require: .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
            }
        var configuration = PostgresConnection.Configuration(
            host: host, port: port, username: username, password: password, database: database, tls: tls)
        configuration.options.connectTimeout = .milliseconds(Int64(options.connectTimeout * 1_000))
        configuration.options.additionalStartupParameters = startupParameters(options)
        return configuration
    }

    private func startupParameters(_ options: PostgresOptions) -> [(String, String)] {
        var parameters = [("application_name", options.applicationName)]
        if let schema = options.schema {
            // Quoted so a schema name is taken as written, never as a list.
            parameters.append(("search_path", "\"" + schema.replacingOccurrences(of: "\"", with: "\"\"") + "\""))
        }
        return parameters
    }

    /// `url` as text without its password, if it had one.
    static func redacted(_ url: URL) -> String {
        guard var components = URLComponents(url: url, resolvingAgainstBaseURL: false) else {
            return "postgres://<unparseable>"
        }
        components.password = nil
        return components.string ?? "postgres://<unparseable>"
    }
}
