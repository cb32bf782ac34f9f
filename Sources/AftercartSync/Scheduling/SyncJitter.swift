public import Foundation

/// How far scheduled syncs are spread so that many stores with the same
/// `sync_every` do not all hit their stores (and the database) at once.
///
/// Each run is delayed by a random amount in `0 ... spread(interval)`,
/// where the spread is a fraction of the interval, capped. The first run
/// after start is spread over a shorter window (``startMaximum``), so a
/// daemon starts syncing promptly; later runs drift apart on their own,
/// since each draws a fresh delay.
public struct SyncJitter: Sendable, Hashable {
    /// Share of the interval a run may be delayed by (0.1: up to 10 %).
    public var fraction: Double
    /// The largest delay, whatever the interval.
    public var maximum: TimeInterval
    /// The largest delay of the first run after start.
    public var startMaximum: TimeInterval

    /// Up to 10 % of the interval, at most a minute; first runs within 5 seconds.
    public init(fraction: Double = 0.1, maximum: TimeInterval = 60, startMaximum: TimeInterval = 5) {
        self.fraction = max(0, fraction)
        self.maximum = max(0, maximum)
        self.startMaximum = max(0, startMaximum)
    }

    /// No jitter: runs fire exactly on their interval.
    public static let none = SyncJitter(fraction: 0, maximum: 0, startMaximum: 0)

    /// The widest delay for a store synced every `interval` seconds.
    public func spread(for interval: TimeInterval) -> TimeInterval {
        min(max(0, interval) * fraction, maximum)
    }

    /// A delay in `0 ... spread(for: interval)`.
    public func delay(for interval: TimeInterval, using generator: inout some RandomNumberGenerator) -> TimeInterval {
        random(upTo: spread(for: interval), using: &generator)
    }

    /// The first run's delay: in `0 ... min(spread(for: interval), startMaximum)`.
    public func startDelay(for interval: TimeInterval, using generator: inout some RandomNumberGenerator)
        -> TimeInterval
    {
        random(upTo: min(spread(for: interval), startMaximum), using: &generator)
    }

    private func random(upTo limit: TimeInterval, using generator: inout some RandomNumberGenerator) -> TimeInterval {
        guard limit > 0 else { return 0 }
        return Double.random(in: 0...limit, using: &generator)
    }
}
