import AftercartConnector
import Testing

@Suite("Token bucket")
struct TokenBucketTests {
    @Test func burstThenPacedAtRefillRate() async throws {
        let clock = ManualClock()
        let bucket = TokenBucket(capacity: 3, refillPerSecond: 2, clock: clock)
        for _ in 0..<3 { try await bucket.acquire() }
        #expect(clock.sleeps.isEmpty)
        try await bucket.acquire()
        #expect(clock.sleeps == [.milliseconds(500)])
        try await bucket.acquire()
        #expect(clock.sleeps == [.milliseconds(500), .milliseconds(500)])
    }

    @Test func refillsWhileIdleUpToCapacity() async throws {
        let clock = ManualClock()
        let bucket = TokenBucket(capacity: 40, refillPerSecond: 2, clock: clock)
        for _ in 0..<40 { try await bucket.acquire() }
        #expect(clock.sleeps.isEmpty)
        clock.advance(by: .seconds(5))
        #expect(await bucket.available == 10)
        clock.advance(by: .seconds(100))
        #expect(await bucket.available == 40)
    }

    @Test func learnsFromShopifyCallLimitHeader() async throws {
        let clock = ManualClock()
        let bucket = TokenBucket(
            capacity: 40, refillPerSecond: 2, usageHeader: "X-Shopify-Shop-Api-Call-Limit", clock: clock)
        await bucket.observe(
            RateLimitFeedback(status: 200, headers: ["X-Shopify-Shop-Api-Call-Limit": "38/40"], retryAfter: nil))
        #expect(await bucket.available == 2)
        try await bucket.acquire()
        try await bucket.acquire()
        #expect(clock.sleeps.isEmpty)
        try await bucket.acquire()
        #expect(clock.sleeps == [.milliseconds(500)])
    }

    @Test func plusPlanBucketSizeIsAdopted() async {
        let bucket = TokenBucket(capacity: 40, refillPerSecond: 2, usageHeader: "X-Shopify-Shop-Api-Call-Limit")
        await bucket.observe(
            RateLimitFeedback(status: 200, headers: ["x-shopify-shop-api-call-limit": "1/80"], retryAfter: nil))
        #expect(await bucket.capacity == 80)
    }

    @Test func a429BlocksEveryoneForRetryAfter() async throws {
        let clock = ManualClock()
        let bucket = TokenBucket(capacity: 40, refillPerSecond: 2, clock: clock)
        await bucket.observe(RateLimitFeedback(status: 429, headers: [:], retryAfter: .seconds(3)))
        try await bucket.acquire()
        #expect(clock.sleeps.first.map { $0 >= .seconds(3) } == true)
    }

    @Test func callLimitParsing() {
        #expect(CallLimit(header: "32/40") == CallLimit(used: 32, limit: 40))
        #expect(CallLimit(header: "32/40")?.remaining == 8)
        #expect(CallLimit(header: " 41 / 40 ")?.remaining == 0)
        #expect(CallLimit(header: "abc") == nil)
        #expect(CallLimit(header: "1/0") == nil)
        #expect(CallLimit(header: nil) == nil)
    }

    @Test func cancelledWaiterReturnsItsToken() async throws {
        let bucket = TokenBucket(capacity: 1, refillPerSecond: 0.1)
        try await bucket.acquire()
        let waiter = Task { try await bucket.acquire() }
        // Cancel only once the waiter holds its token and sleeps (a loaded
        // machine may not have started it after a fixed pause).
        while await bucket.available > -0.5 { try await Task.sleep(for: .milliseconds(5)) }
        waiter.cancel()
        await #expect(throws: CancellationError.self) { try await waiter.value }
        #expect(await bucket.available > -0.5)
    }
}
