public import Foundation

/// Whether a worker's turn for a store was already done by another worker
/// sharing the database: the rule that makes several `aftercart run`
/// workers sync each store once per tick rather than once per worker.
public enum CompletedElsewhere {
    /// The other worker's completion when this turn should be skipped, else `nil`.
    ///
    /// A turn is skipped when the store's last complete run (by anyone) ended
    /// less than half an interval ago and after this worker's own last
    /// complete run, so a slow run of our own never makes us skip our next
    /// turn. Half an interval tells "this tick" from "the previous one"
    /// whatever the jitter, which stays well under half an interval.
    ///
    /// - Parameters:
    ///   - lastCompleted: the end of the store's last complete run, from the checkpoints.
    ///   - ownCompletion: the end of this worker's own last complete run of the store.
    public static func skipTurn(
        lastCompleted: Date?, ownCompletion: Date?, interval: TimeInterval, now: Date
    ) -> Date? {
        guard interval > 0, let lastCompleted, lastCompleted > now.addingTimeInterval(-interval / 2) else {
            return nil
        }
        if let ownCompletion, lastCompleted <= ownCompletion { return nil }
        return lastCompleted
    }
}
