/// Paces requests to one store, shared by every request the store's
/// transport sends (sync pages, coupons, notes), so concurrent work never
/// outruns the store's budget.
public protocol RateLimiter: Sendable {
    /// Waits until one request may be sent; throws `CancellationError` when cancelled.
    func acquire() async throws
    /// Learns from a response: a usage header, a 429 and its `Retry-After`.
    /// Called once for every ``acquire()`` whose request was sent, also when
    /// no answer came (status 0).
    func observe(_ feedback: RateLimitFeedback) async
}

/// What a response says about the store's budget.
public struct RateLimitFeedback: Sendable {
    /// The response status (429 is the one that matters most); 0 when the
    /// request got no answer (a timeout, a reset connection).
    public var status: Int
    /// Every response header.
    public var headers: HeaderFields
    /// The parsed `Retry-After`, if any.
    public var retryAfter: Duration?

    public init(status: Int, headers: HeaderFields, retryAfter: Duration?) {
        self.status = status
        self.headers = headers
        self.retryAfter = retryAfter
    }

    /// A request that was never answered (or never sent after its token was taken).
    public static let noAnswer = RateLimitFeedback(status: 0, headers: [:], retryAfter: nil)
}

/// No pacing; the default for stores without a published limit (WooCommerce).
public struct UnlimitedRateLimiter: RateLimiter {
    public init() {}
    public func acquire() async throws { try Task.checkCancellation() }
    public func observe(_ feedback: RateLimitFeedback) async {}
}
