import NIOConcurrencyHelpers

/// The GraphQL Admin API's calculated-cost bucket: a query needs its requested cost
/// available before it runs, then the difference to its actual cost is refunded.
final class ShopifyGraphQLCostBucket: Sendable {
    /// What `extensions.cost.throttleStatus` reports.
    struct Status {
        let maximumAvailable: Double
        let currentlyAvailable: Double
        let restoreRate: Double
    }

    let maximum: Double
    let restoreRate: Double
    private let state: NIOLockedValueBox<(available: Double, at: ContinuousClock.Instant)>

    init(maximum: Int, restoreRate: Double) {
        self.maximum = Double(max(0, maximum))
        self.restoreRate = restoreRate
        state = NIOLockedValueBox((Double(max(0, maximum)), .now))
    }

    /// Throttling is off when either figure is zero.
    var isEnabled: Bool { maximum > 0 && restoreRate > 0 }

    /// Takes `cost` if available; `false` (and nothing taken) when the query must be throttled.
    func take(_ cost: Int, now: ContinuousClock.Instant = .now) -> Bool {
        state.withLockedValue { s in
            restore(&s, now)
            guard isEnabled else { return true }
            guard s.available + 1e-9 >= Double(cost) else { return false }
            s.available -= Double(cost)
            return true
        }
    }

    /// Returns what a query reserved but did not use.
    func refund(_ points: Int) {
        guard points > 0 else { return }
        state.withLockedValue { s in s.available = min(maximum, s.available + Double(points)) }
    }

    func status(now: ContinuousClock.Instant = .now) -> Status {
        state.withLockedValue { s in
            restore(&s, now)
            return Status(
                maximumAvailable: maximum, currentlyAvailable: isEnabled ? s.available.rounded(.down) : maximum,
                restoreRate: restoreRate)
        }
    }

    func reset() { state.withLockedValue { $0 = (maximum, .now) } }

    /// Empties the bucket now, as another app spending the whole budget would.
    func spendAll() { state.withLockedValue { $0 = (0, .now) } }

    private func restore(_ s: inout (available: Double, at: ContinuousClock.Instant), _ now: ContinuousClock.Instant) {
        let elapsed = s.at.duration(to: now)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        if seconds > 0 { s.available = min(maximum, s.available + seconds * restoreRate) }
        s.at = now
    }
}
