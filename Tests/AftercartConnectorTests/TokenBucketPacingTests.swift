import AftercartConnector
import Foundation
import Testing

/// The bucket against a simulated Shopify REST leaky bucket on virtual
/// time: it follows the store's `X-Shopify-Shop-Api-Call-Limit`, learns the
/// plan's size and rate, and paces at the store's floor with no 429.
@Suite("Token bucket pacing")
struct TokenBucketPacingTests {
    static let header = "X-Shopify-Shop-Api-Call-Limit"

    /// Shopify's leaky bucket: each request adds one, the level drains at
    /// `leak` per second, a request that would overflow is refused; the
    /// header shows the level rounded up. `leak == 0`: no limit.
    struct SimulatedStore {
        let size: Int
        let leak: Double
        var level = 0.0
        var at = Duration.zero
        var refusals = 0

        mutating func answer(at now: Duration) -> RateLimitFeedback {
            guard leak > 0 else {
                return RateLimitFeedback(
                    status: 200, headers: [TokenBucketPacingTests.header: "1/\(size)"], retryAfter: nil)
            }
            level = max(0, level - Self.seconds(now - at) * leak)
            at = now
            if level + 1 > Double(size) + 1e-9 {
                refusals += 1
                let wait = (level + 1 - Double(size)) / leak
                return RateLimitFeedback(
                    status: 429, headers: [TokenBucketPacingTests.header: "\(size)/\(size)"],
                    retryAfter: .milliseconds(Int64((wait * 1000).rounded(.up))))
            }
            level += 1
            return RateLimitFeedback(
                status: 200, headers: [TokenBucketPacingTests.header: "\(Int(level.rounded(.up)))/\(size)"],
                retryAfter: nil)
        }

        static func seconds(_ d: Duration) -> Double {
            Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
        }
    }

    struct Run {
        var seconds: Double
        var refusals: Int
        var rate: Double
    }

    /// Sends `requests` one after another (as a sequential page walk does),
    /// each answered after `latency`, retrying refused ones.
    func run(
        store: inout SimulatedStore, requests: Int, bucket: TokenBucket, clock: ManualClock,
        latency: Duration = .milliseconds(5)
    ) async throws -> Run {
        let start = clock.now
        var sent = 0
        while sent < requests {
            try await bucket.acquire()
            clock.advance(by: latency)
            let feedback = store.answer(at: clock.now)
            await bucket.observe(feedback)
            if feedback.status == 200 { sent += 1 }
        }
        return Run(
            seconds: SimulatedStore.seconds(clock.now - start), refusals: store.refusals,
            rate: await bucket.refillPerSecond)
    }

    /// The shortest time the store allows: the first `size` free, then one per 1/leak.
    func floor(requests: Int, size: Int, leak: Double) -> Double {
        Double(max(requests - size, 0)) / leak
    }

    @Test(arguments: [(40, 2.0), (80, 4.0), (400, 20.0)])
    func eachPlanIsPacedAtItsFloorWithout429s(size: Int, leak: Double) async throws {
        // Configured for a standard plan, leak rate left to the shop's bucket size.
        let clock = ManualClock()
        let bucket = TokenBucket(
            capacity: 40, refillPerSecond: 2, usageHeader: Self.header, refillPerCapacity: 1.0 / 20, clock: clock)
        var store = SimulatedStore(size: size, leak: leak)
        let requests = size + 40 * Int(leak)
        let result = try await run(store: &store, requests: requests, bucket: bucket, clock: clock)
        let floor = floor(requests: requests, size: size, leak: leak)
        #expect(result.refusals == 0)
        #expect(result.rate == leak)
        #expect(result.seconds <= floor * 1.02, "\(result.seconds) s against a floor of \(floor) s")
        #expect(result.seconds >= floor * 0.98)
    }

    @Test func withoutALimitNothingWaits() async throws {
        let clock = ManualClock()
        let bucket = TokenBucket(
            capacity: 40, refillPerSecond: 2, usageHeader: Self.header, refillPerCapacity: 1.0 / 20, clock: clock)
        var store = SimulatedStore(size: 40, leak: 0)
        let result = try await run(
            store: &store, requests: 500, bucket: bucket, clock: clock, latency: .milliseconds(1))
        #expect(clock.sleeps.isEmpty)
        #expect(abs(result.seconds - 0.5) < 0.001)
    }

    @Test func aStoreThatDrainsFasterThanConfiguredIsFollowed() async throws {
        // leak_rate = 2 configured, but the shop drains 4 per second.
        let clock = ManualClock()
        let bucket = TokenBucket(capacity: 40, refillPerSecond: 2, usageHeader: Self.header, clock: clock)
        var store = SimulatedStore(size: 40, leak: 4)
        let result = try await run(store: &store, requests: 200, bucket: bucket, clock: clock)
        let floor = floor(requests: 200, size: 40, leak: 4)
        #expect(result.refusals == 0)
        #expect(result.seconds <= floor * 1.1, "\(result.seconds) s against a floor of \(floor) s")
    }

    @Test func aRateSetTooHighCostsAFew429sThenNone() async throws {
        // leak_rate = 4 configured for a shop that drains 2 per second.
        let clock = ManualClock()
        let bucket = TokenBucket(capacity: 40, refillPerSecond: 4, usageHeader: Self.header, clock: clock)
        var store = SimulatedStore(size: 40, leak: 2)
        let first = try await run(store: &store, requests: 120, bucket: bucket, clock: clock)
        #expect(first.refusals > 0)
        #expect(first.refusals <= 10)
        #expect(first.rate <= 2)
        let refusalsSoFar = store.refusals
        _ = try await run(store: &store, requests: 100, bucket: bucket, clock: clock)
        #expect(store.refusals == refusalsSoFar)
    }

    @Test func anotherAppSpendingTheBudgetSlowsThisOneDown() async throws {
        let clock = ManualClock()
        let bucket = TokenBucket(capacity: 40, refillPerSecond: 2, usageHeader: Self.header, clock: clock)
        var store = SimulatedStore(size: 40, leak: 2)
        // Another process has nearly filled the shared bucket.
        store.level = 39
        let result = try await run(store: &store, requests: 20, bucket: bucket, clock: clock)
        #expect(result.refusals == 0)
        #expect(result.seconds >= 9.5)
    }

    @Test func unansweredRequestsAreCountedUntilTheirAnswer() async throws {
        let clock = ManualClock()
        let bucket = TokenBucket(capacity: 40, refillPerSecond: 2, usageHeader: Self.header, clock: clock)
        for _ in 0..<3 { try await bucket.acquire() }
        // The first answer says 1 used: the two still in flight are not in it yet.
        await bucket.observe(RateLimitFeedback(status: 200, headers: [Self.header: "1/40"], retryAfter: nil))
        #expect(await bucket.available == 37)
        await bucket.observe(.noAnswer)
        await bucket.observe(RateLimitFeedback(status: 200, headers: [Self.header: "2/40"], retryAfter: nil))
        #expect(await bucket.available == 38)
    }
}
