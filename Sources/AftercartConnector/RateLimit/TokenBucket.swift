/// A token bucket, which is also the leaky bucket Shopify describes: up to
/// `capacity` requests in a burst, then `refillPerSecond` requests per second.
///
/// Waiters are served in arrival order: each `acquire()` takes a token at
/// once, letting the balance go negative, and sleeps until its token would
/// have refilled, so no waiter can overtake another and the actor is never
/// held while sleeping.
///
/// **Following the store.** When the store reports its bucket in a
/// `used/limit` header, every answer replaces the local count with the
/// store's, in both directions: the requests the store has not seen yet
/// (sent or waiting to be) are taken off what it says is free. So another
/// app spending the same budget slows this one down, and a bucket that
/// drained faster than the configured rate lets it go faster. The header
/// also gives the bucket's size; with `refillPerCapacity` (Shopify: every
/// plan leaks a twentieth of its bucket per second) the rate follows the
/// size until one was configured. A 429 the count did not foresee means the
/// rate is too high: it drops by a tenth, so a wrong rate costs a few 429s
/// and then none.
///
/// Configure per platform, e.g. Shopify standard plans:
/// `TokenBucket(capacity: 40, refillPerSecond: 2, usageHeader: "X-Shopify-Shop-Api-Call-Limit")`.
public actor TokenBucket: RateLimiter {
    /// Burst size; adopted from the usage header's limit when the store reports one.
    public private(set) var capacity: Double
    /// Requests per second once the burst is spent; follows the reported
    /// capacity (``refillPerCapacity``) and drops after an unforeseen 429.
    public private(set) var refillPerSecond: Double
    /// A `used/limit` header that reports the store's view of the bucket.
    public let usageHeader: String?
    /// When set, a reported capacity sets the rate to `capacity × this`.
    public let refillPerCapacity: Double?
    private var tokens: Double
    /// Acquired tokens whose answer has not come back: the store has not
    /// counted them in the header it sent last.
    private var unanswered = 0
    private var updatedAt: Duration
    private var blockedUntil: Duration?
    private let clock: any TransportClock

    public init(
        capacity: Int, refillPerSecond: Double, usageHeader: String? = nil, refillPerCapacity: Double? = nil,
        clock: any TransportClock = SystemClock()
    ) {
        precondition(capacity > 0 && refillPerSecond > 0, "a token bucket needs capacity and a refill rate")
        self.capacity = Double(capacity)
        self.refillPerSecond = refillPerSecond
        self.usageHeader = usageHeader
        self.refillPerCapacity = refillPerCapacity.flatMap { $0 > 0 ? $0 : nil }
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
        unanswered += 1
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
            unanswered = max(unanswered - 1, 0)
            throw error
        }
    }

    public func observe(_ feedback: RateLimitFeedback) async {
        refill()
        unanswered = max(unanswered - 1, 0)
        let usage = usageHeader.flatMap { CallLimit(header: feedback.headers[$0]) }
        if let usage {
            if Double(usage.limit) != capacity, let refillPerCapacity {
                refillPerSecond = Double(usage.limit) * refillPerCapacity
            }
            capacity = Double(usage.limit)
        }
        if feedback.status == 429 {
            // Refused although the count said there was room: the rate is too high.
            if tokens >= 0 { refillPerSecond *= 0.9 }
            tokens = usage.map { Double($0.remaining) - Double(unanswered) } ?? min(tokens, 0)
            if let retryAfter = feedback.retryAfter {
                let until = clock.now + retryAfter
                if blockedUntil.map({ until > $0 }) ?? true { blockedUntil = until }
            }
        } else if let usage, feedback.status > 0 {
            // The store's count is the truth, less what it has not seen yet.
            tokens = Double(usage.remaining) - Double(unanswered)
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
