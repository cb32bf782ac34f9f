public import Foundation

/// Where Aftercart keeps its data: a SQLite file (one merchant, one
/// process) or a PostgreSQL database (several workers).
public enum DatabaseURL: Sendable, Hashable, CustomStringConvertible {
    /// `sqlite:PATH`; a relative path is relative to the working directory.
    case sqlite(path: String)
    /// `postgres://user@host:port/database` (`postgresql://` also accepted).
    case postgres(URL)

    /// The default, `sqlite:data/aftercart.sqlite`.
    public static let `default` = DatabaseURL.sqlite(path: "data/aftercart.sqlite")

    /// Parses the config's `url`; `nil` if it is neither form.
    public init?(_ text: String) {
        guard case .success(let url) = DatabaseURL.parse(text) else { return nil }
        self = url
    }

    /// The URL as written, with any password replaced by `<redacted>`.
    public var description: String {
        switch self {
        case .sqlite(let path):
            return "sqlite:\(path)"
        case .postgres(let url):
            guard var components = URLComponents(url: url, resolvingAgainstBaseURL: false) else {
                return "postgres://<unparseable>"
            }
            if components.password != nil { components.password = "<redacted>" }
            return components.string ?? "postgres://<unparseable>"
        }
    }

    /// The parse with a reason on failure.
    static func parse(_ text: String) -> Result<DatabaseURL, DatabaseURLFailure> {
        if text.hasPrefix("sqlite:") {
            var path = String(text.dropFirst("sqlite:".count))
            // Tolerate the URL-ish spelling sqlite://path.
            if path.hasPrefix("//") { path = String(path.dropFirst(2)) }
            guard !path.isEmpty else { return .failure(.emptySQLitePath) }
            return .success(.sqlite(path: path))
        }
        if text.hasPrefix("postgres://") || text.hasPrefix("postgresql://") {
            guard let components = URLComponents(string: text), let url = components.url else {
                return .failure(.malformedPostgres)
            }
            guard let host = components.host, !host.isEmpty else { return .failure(.postgresHost) }
            let database = components.path.drop(while: { $0 == "/" })
            guard !database.isEmpty, !database.contains("/") else { return .failure(.postgresDatabase) }
            return .success(.postgres(url))
        }
        return .failure(.unknownScheme)
    }

    /// The password written in a postgres URL, which should not be there.
    var inlinePassword: Bool {
        if case .postgres(let url) = self {
            return URLComponents(url: url, resolvingAgainstBaseURL: false)?.password != nil
        }
        return false
    }
}

enum DatabaseURLFailure: Error, Sendable, CustomStringConvertible {
    case unknownScheme
    case emptySQLitePath
    case malformedPostgres
    case postgresHost
    case postgresDatabase

    var description: String {
        switch self {
        case .unknownScheme: "must start with \"sqlite:\" or \"postgres://\""
        case .emptySQLitePath: "names no file after \"sqlite:\""
        case .malformedPostgres: "is not a valid URL"
        case .postgresHost: "names no host"
        case .postgresDatabase: "names no database (the path after the port, e.g. /aftercart)"
        }
    }
}
