import NIOConcurrencyHelpers

/// Shopify REST's leaky bucket: every call adds one, the bucket drains at `leakRate` per
/// second, and a call that would overflow it is refused with 429.
final class LeakyBucket: Sendable {
    struct Decision: Sendable {
        let allowed: Bool
        /// Calls in the bucket after this one (what `X-Shopify-Shop-Api-Call-Limit` shows).
        let used: Int
        let size: Int
        /// Seconds until one call fits again (only when refused).
        let retryAfter: Double
    }

    let size: Int
    let leakRate: Double
    private let state: NIOLockedValueBox<(level: Double, at: ContinuousClock.Instant)>

    init(size: Int, leakRate: Double) {
        self.size = max(1, size)
        self.leakRate = leakRate
        state = NIOLockedValueBox((0, ContinuousClock.now))
    }

    var isEnabled: Bool { leakRate > 0 }

    func take(now: ContinuousClock.Instant = .now) -> Decision {
        state.withLockedValue { s in
            let elapsed = s.at.duration(to: now)
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            s.level = max(0, s.level - seconds * leakRate)
            s.at = now
            guard isEnabled else {
                return Decision(allowed: true, used: 1, size: size, retryAfter: 0)
            }
            if s.level + 1 > Double(size) + 1e-9 {
                let wait = (s.level + 1 - Double(size)) / leakRate
                return Decision(allowed: false, used: size, size: size, retryAfter: wait)
            }
            s.level += 1
            return Decision(allowed: true, used: Int(s.level.rounded(.up)), size: size, retryAfter: 0)
        }
    }

    func reset() { state.withLockedValue { $0 = (0, .now) } }
}
