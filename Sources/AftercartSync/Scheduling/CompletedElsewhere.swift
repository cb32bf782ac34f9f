public import Foundation

/// Whether a worker's turn for a store was already done by another worker
/// sharing the database: the rule that makes several `aftercart run`
/// workers sync each store once per tick rather than once per worker.
public enum CompletedElsewhere {
    /// The other worker's completion when this turn should be skipped, else `nil`.
    ///
    /// A turn is skipped when the store's last complete run (by anyone) ended
    /// less than three quarters of an interval ago and after this worker's
    /// own last complete run, so a slow run of our own never makes us skip
    /// our next turn.
    ///
    /// Why more than half: two workers whose turns are `x` and
    /// `interval - x` apart each see the other's run that far back, and
    /// with a threshold of half an interval both sync when `x` is near half
    /// (three workers on PostgreSQL showed store runs 1.06 s apart at a 2 s
    /// interval). Above half, one of the two always skips and moves its next
    /// turn an interval after the other's run, so the workers fall in step.
    /// Skipping a completion from the previous tick costs no tick either: the
    /// next turn is then due an interval after that run, which is about now.
    ///
    /// - Parameters:
    ///   - lastCompleted: the end of the store's last complete run, from the checkpoints.
    ///   - ownCompletion: the end of this worker's own last complete run of the store.
    public static func skipTurn(
        lastCompleted: Date?, ownCompletion: Date?, interval: TimeInterval, now: Date
    ) -> Date? {
        guard interval > 0, let lastCompleted, lastCompleted > now.addingTimeInterval(-interval * 0.75) else {
            return nil
        }
        if let ownCompletion, lastCompleted <= ownCompletion { return nil }
        return lastCompleted
    }
}
