/// A token bucket, which is also the leaky bucket Shopify describes: up to
/// `capacity` requests in a burst, then `refillPerSecond` requests per second.
///
/// Waiters are served in arrival order: each `acquire()` takes a token at
/// once, letting the balance go negative, and sleeps until its token would
/// have refilled, so no waiter can overtake another and the actor is never
/// held while sleeping.
///
/// Configure per platform, e.g. Shopify standard plans:
/// `TokenBucket(capacity: 40, refillPerSecond: 2, usageHeader: "X-Shopify-Shop-Api-Call-Limit")`.
public actor TokenBucket: RateLimiter {
    /// Burst size; adopted from the usage header's limit when the store reports one.
    public private(set) var capacity: Double
    /// Requests per second once the burst is spent.
    public let refillPerSecond: Double
    /// A `used/limit` header that reports the store's view of the bucket.
    public let usageHeader: String?
    private var tokens: Double
    private var updatedAt: Duration
    private var blockedUntil: Duration?
    private let clock: any TransportClock

    public init(
        capacity: Int, refillPerSecond: Double, usageHeader: String? = nil,
        clock: any TransportClock = SystemClock()
    ) {
        precondition(capacity > 0 && refillPerSecond > 0, "a token bucket needs capacity and a refill rate")
        self.capacity = Double(capacity)
        self.refillPerSecond = refillPerSecond
        self.usageHeader = usageHeader
        self.tokens = Double(capacity)
        self.clock = clock
        self.updatedAt = clock.now
    }

    /// Tokens available now (negative while waiters are queued).
    public var available: Double {
        refill()
        return tokens
    }

    public func acquire() async throws {
        try Task.checkCancellation()
        refill()
        tokens -= 1
        var wait = tokens < 0 ? Duration.seconds(double: -tokens / refillPerSecond) : .zero
        if let blockedUntil {
            let remaining = blockedUntil - clock.now
            if remaining > wait { wait = remaining }
        }
        guard wait > .zero else { return }
        do {
            try await clock.sleep(for: wait)
        } catch {
            // The reserved token was never used; give it back to the queue.
            refill()
            tokens = min(tokens + 1, capacity)
            throw error
        }
    }

    public func observe(_ feedback: RateLimitFeedback) async {
        refill()
        if let usageHeader, let usage = CallLimit(header: feedback.headers[usageHeader]) {
            // The store's bucket is shared with every other app and process
            // using these credentials: trust it when it says less is left.
            capacity = Double(usage.limit)
            tokens = min(tokens, Double(usage.remaining))
        }
        if feedback.status == 429 {
            tokens = min(tokens, 0)
            if let retryAfter = feedback.retryAfter {
                let until = clock.now + retryAfter
                if blockedUntil.map({ until > $0 }) ?? true { blockedUntil = until }
            }
        }
    }

    private func refill() {
        let now = clock.now
        let elapsed = (now - updatedAt).seconds
        updatedAt = now
        if elapsed > 0 { tokens = min(capacity, tokens + elapsed * refillPerSecond) }
        if let blockedUntil, blockedUntil <= now { self.blockedUntil = nil }
    }
}
