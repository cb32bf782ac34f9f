public import Foundation

/// Tuning for ``PostgresPersistence``; the defaults suit one worker among a few.
///
/// Each worker process opens at most ``maximumConnections`` connections, so
/// a PostgreSQL server serving N workers needs `max_connections` of at least
/// N × ``maximumConnections`` plus what administrators and other clients use.
public struct PostgresOptions: Sendable, Hashable {
    /// The most connections this process keeps open at once (the pool's
    /// hard limit); further operations wait for a free one.
    public var maximumConnections: Int
    /// How long opening one connection may take before it counts as failed.
    public var connectTimeout: TimeInterval
    /// How many times an operation that lost its connection (server
    /// restart, network blip, a terminated backend) is run again before
    /// its failure is reported.
    public var retryAttempts: Int
    /// The wait before the first retry; it doubles on each further retry,
    /// up to 5 seconds.
    public var retryDelay: TimeInterval
    /// The schema the tables live in (PostgreSQL's `search_path`), or `nil`
    /// for the server's default (`public`). Several Aftercart installations
    /// can share one database with one schema each; the schema must exist.
    public var schema: String?
    /// How this process's connections are named in `pg_stat_activity`, so
    /// an operator can tell workers apart.
    public var applicationName: String

    /// Creates options.
    public init(
        maximumConnections: Int = 10, connectTimeout: TimeInterval = 10, retryAttempts: Int = 8,
        retryDelay: TimeInterval = 0.1, schema: String? = nil, applicationName: String = "aftercart"
    ) {
        self.maximumConnections = maximumConnections
        self.connectTimeout = connectTimeout
        self.retryAttempts = retryAttempts
        self.retryDelay = retryDelay
        self.schema = schema
        self.applicationName = applicationName
    }

    /// The wait before retry number `attempt` (1-based).
    func delay(beforeRetry attempt: Int) -> TimeInterval {
        min(5, retryDelay * pow(2, Double(max(0, attempt - 1))))
    }
}
