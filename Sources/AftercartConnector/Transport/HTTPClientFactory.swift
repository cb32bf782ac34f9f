public import AsyncHTTPClient
import NIOCore

/// The one `HTTPClient` a process shares across stores, for connection
/// pooling. The owner (the CLI) shuts it down with
/// `try await client.shutdown()` after the last transport is done.
public enum HTTPClientFactory {
    /// A client with redirects disabled and the given pool-level timeouts.
    ///
    /// Redirects are not followed: a redirect could carry credentials to
    /// another host or turn a POST into a GET, and a store that redirects
    /// (http to https, bare to `www`) is better fixed in `base_url`, which
    /// the resulting error says. Per-request timeouts are enforced by
    /// ``HTTPTransport`` on top of these ceilings.
    public static func makeClient(
        connectTimeout: Duration = .seconds(10), readTimeout: Duration = .seconds(60),
        maxConnectionsPerHost: Int = 8
    ) -> HTTPClient {
        var configuration = HTTPClient.Configuration(
            redirectConfiguration: .disallow,
            timeout: .init(connect: timeAmount(connectTimeout), read: timeAmount(readTimeout)))
        configuration.connectionPool = .init(
            idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: maxConnectionsPerHost)
        // A failed connection fails the request at once: ``HTTPTransport``
        // decides what to retry (a refused connection, with backoff) and
        // what not (an untrusted certificate), instead of the pool silently
        // reconnecting until the request's deadline.
        configuration.connectionPool.retryConnectionEstablishment = false
        return HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    }

    static func timeAmount(_ duration: Duration) -> TimeAmount {
        .nanoseconds(Int64(duration.seconds * 1e9))
    }
}
