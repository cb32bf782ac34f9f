public import Foundation

/// Time as the transport and rate limiters see it, injectable so tests can
/// move it instead of waiting.
public protocol TransportClock: Sendable {
    /// A monotonic reading; only differences between readings mean anything.
    var now: Duration { get }
    /// Wall-clock time, for `Retry-After` given as an HTTP date.
    var date: Date { get }
    /// Suspends for `duration`; throws `CancellationError` when cancelled.
    func sleep(for duration: Duration) async throws
}

/// The real clock: `ContinuousClock` for intervals, `Date()` for the wall.
public struct SystemClock: TransportClock {
    private let origin = ContinuousClock.now

    public init() {}

    public var now: Duration { ContinuousClock.now - origin }
    public var date: Date { Date() }

    public func sleep(for duration: Duration) async throws {
        guard duration > .zero else { return try Task.checkCancellation() }
        try await Task.sleep(for: duration)
    }
}

extension Duration {
    /// The duration in seconds as a floating-point value.
    var seconds: Double {
        let (whole, attoseconds) = components
        return Double(whole) + Double(attoseconds) / 1e18
    }

    /// A duration from floating-point seconds, clamped at zero.
    static func seconds(double value: Double) -> Duration {
        .nanoseconds(Int64((max(value, 0) * 1e9).rounded()))
    }
}
