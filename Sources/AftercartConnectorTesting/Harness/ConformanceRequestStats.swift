/// Requests an emulator answered, for "no retry" and "did retry" checks.
public struct ConformanceRequestStats: Sendable, Hashable {
    /// Every request answered (or dropped by a fault).
    public var total: Int
    /// Requests by the status they were answered with.
    public var byStatus: [Int: Int]

    public init(total: Int, byStatus: [Int: Int]) {
        self.total = total
        self.byStatus = byStatus
    }

    /// Requests answered with `status`.
    public func count(status: Int) -> Int { byStatus[status] ?? 0 }

    /// What happened between `earlier` and this snapshot.
    public func since(_ earlier: ConformanceRequestStats) -> ConformanceRequestStats {
        var statuses: [Int: Int] = [:]
        for (status, count) in byStatus {
            let delta = count - earlier.count(status: status)
            if delta != 0 { statuses[status] = delta }
        }
        return ConformanceRequestStats(total: total - earlier.total, byStatus: statuses)
    }
}
