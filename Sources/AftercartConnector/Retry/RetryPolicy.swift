/// When and how long to wait before trying a request again.
///
/// Backoff is exponential with full jitter: before retry `n` the wait is a
/// uniform random duration in `0...min(maxDelay, baseDelay * 2^(n-1))`,
/// which spreads many clients hitting one store instead of synchronising
/// them. A `Retry-After` from the store replaces the computed wait.
///
/// A refused connection has its own, shorter budget
/// (``refusedAttempts``, ``refusedDelay``): nothing listening at the
/// address rarely changes within seconds, so waiting long for it only
/// delays the error, while a slow or failing store may well recover.
public struct RetryPolicy: Sendable, Hashable {
    /// Attempts in total, the first included; `1` disables retries.
    public var maxAttempts: Int
    /// The backoff ceiling before the first retry; it doubles per attempt.
    public var baseDelay: Duration
    /// The largest backoff ceiling.
    public var maxDelay: Duration
    /// Statuses worth another attempt. 500 is among them: PHP stores answer
    /// transient 500s routinely. Non-idempotent requests are never resent
    /// after a 5xx, since the store may have acted on them.
    public var retryableStatuses: Set<Int>
    /// A `Retry-After` longer than this is not waited for: the request fails
    /// with ``ConnectorError/rateLimited(retryAfter:_:)`` and the next sync retries.
    public var maxRetryAfter: Duration
    /// Whether an attempt that timed out is tried again (idempotent requests only).
    public var retryTimeouts: Bool
    /// Attempts in total, the first included, when the connection is
    /// refused (nothing listens at the address); at most ``maxAttempts``.
    public var refusedAttempts: Int
    /// The backoff ceiling before the first retry of a refused connection;
    /// it doubles per attempt like ``baseDelay``.
    public var refusedDelay: Duration

    public init(
        maxAttempts: Int = 5, baseDelay: Duration = .milliseconds(500), maxDelay: Duration = .seconds(30),
        retryableStatuses: Set<Int> = [429, 500, 502, 503, 504], maxRetryAfter: Duration = .seconds(120),
        retryTimeouts: Bool = false, refusedAttempts: Int = 3, refusedDelay: Duration = .milliseconds(250)
    ) {
        self.maxAttempts = max(1, maxAttempts)
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.retryableStatuses = retryableStatuses
        self.maxRetryAfter = maxRetryAfter
        self.retryTimeouts = retryTimeouts
        self.refusedAttempts = min(max(1, refusedAttempts), self.maxAttempts)
        self.refusedDelay = refusedDelay
    }

    /// No retries at all.
    public static let none = RetryPolicy(maxAttempts: 1)

    /// The jittered wait before attempt `attempt + 1`, after `attempt` failed.
    public func backoff(afterAttempt attempt: Int) -> Duration {
        var generator = SystemRandomNumberGenerator()
        return backoff(afterAttempt: attempt, using: &generator)
    }

    /// ``backoff(afterAttempt:)`` with a given random source, for tests.
    public func backoff(afterAttempt attempt: Int, using generator: inout some RandomNumberGenerator) -> Duration {
        jittered(afterAttempt: attempt, base: baseDelay, using: &generator)
    }

    /// The jittered wait before attempt `attempt + 1` after a refused connection.
    public func refusedBackoff(afterAttempt attempt: Int) -> Duration {
        var generator = SystemRandomNumberGenerator()
        return jittered(afterAttempt: attempt, base: refusedDelay, using: &generator)
    }

    private func jittered(
        afterAttempt attempt: Int, base: Duration, using generator: inout some RandomNumberGenerator
    ) -> Duration {
        let exponent = min(max(attempt - 1, 0), 30)
        let ceiling = min(maxDelay.seconds, base.seconds * Double(1 << exponent))
        guard ceiling > 0 else { return .zero }
        return .seconds(double: Double.random(in: 0...ceiling, using: &generator))
    }
}
