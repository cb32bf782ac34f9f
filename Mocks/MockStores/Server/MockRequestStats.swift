import NIOConcurrencyHelpers

/// Request counts by path and status, for tests that assert how a client behaved.
public struct MockRequestStats: Sendable, Equatable {
    /// API requests answered (or dropped by a `reset` fault), `/__mock/*` excluded.
    public var total: Int
    /// Path (without query) → status → count. A `reset` fault is counted under status 0.
    public var byPath: [String: [Int: Int]]
    /// Requests that had a fault injected.
    public var faultsInjected: Int

    /// Number of requests to `path`, optionally only those answered with `status`.
    public func count(path: String, status: Int? = nil) -> Int {
        guard let statuses = byPath[path] else { return 0 }
        if let status { return statuses[status] ?? 0 }
        return statuses.values.reduce(0, +)
    }

    /// Number of requests answered with `status`, any path.
    public func count(status: Int) -> Int {
        byPath.values.reduce(0) { $0 + ($1[status] ?? 0) }
    }
}

/// Thread-safe recorder behind ``MockRequestStats`` and the fault request counter.
final class RequestRecorder: Sendable {
    private let stats = NIOLockedValueBox(MockRequestStats(total: 0, byPath: [:], faultsInjected: 0))
    private let counter = NIOLockedValueBox(0)

    /// 1-based number of this API request (fault plans address requests by it).
    func nextRequestNumber() -> Int {
        counter.withLockedValue {
            $0 += 1
            return $0
        }
    }

    func record(path: String, status: Int, faulted: Bool) {
        stats.withLockedValue { s in
            s.total += 1
            s.byPath[path, default: [:]][status, default: 0] += 1
            if faulted { s.faultsInjected += 1 }
        }
    }

    func snapshot() -> MockRequestStats { stats.withLockedValue { $0 } }

    func reset() {
        stats.withLockedValue { $0 = MockRequestStats(total: 0, byPath: [:], faultsInjected: 0) }
        counter.withLockedValue { $0 = 0 }
    }
}
