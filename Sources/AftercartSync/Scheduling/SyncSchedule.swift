public import AftercartModel
public import Foundation

/// When each store syncs next: the pure bookkeeping behind ``SyncScheduler``,
/// with time passed in, so it is tested without waiting.
///
/// A store is due once its time has come and it is not running; taking it
/// marks it running until ``finished(_:at:startedAt:complete:using:)``, so a
/// store is never started twice. The next run is one interval after the
/// start of the previous one, plus jitter; a run that took longer than its
/// interval is followed at once (plus jitter) rather than skipped.
public struct SyncSchedule: Sendable {
    /// One store's place in the schedule.
    public struct Entry: Sendable, Hashable {
        public var store: StoreID
        /// Seconds between runs (`sync_every`).
        public var interval: TimeInterval
        /// When the next run may start.
        public var nextDue: Date
        /// Whether a run is in progress.
        public var isRunning: Bool
        /// Start of the last run that read every resource to the end.
        public var lastCompleteStart: Date?
    }

    public private(set) var entries: [Entry]
    public let jitter: SyncJitter

    /// A schedule whose first runs fall within the jitter's start window after `start`.
    public init(
        stores: [(store: StoreID, interval: TimeInterval)], start: Date, jitter: SyncJitter,
        using generator: inout some RandomNumberGenerator
    ) {
        self.jitter = jitter
        var entries: [Entry] = []
        for (store, interval) in stores where !entries.contains(where: { $0.store == store }) {
            let delay = jitter.startDelay(for: interval, using: &generator)
            entries.append(
                Entry(
                    store: store, interval: max(interval, 0), nextDue: start.addingTimeInterval(delay),
                    isRunning: false, lastCompleteStart: nil))
        }
        self.entries = entries
    }

    /// The entry of `store`, if scheduled.
    public func entry(_ store: StoreID) -> Entry? { entries.first { $0.store == store } }

    /// Stores due at `now` that are not running, earliest first, at most
    /// `limit` of them (free sync slots); they are marked running.
    public mutating func takeDue(at now: Date, limit: Int = .max) -> [StoreID] {
        let running = entries.filter(\.isRunning).count
        let free = max(0, limit - running)
        let due = entries.indices
            .filter { !entries[$0].isRunning && entries[$0].nextDue <= now }
            .sorted { entries[$0].nextDue < entries[$1].nextDue }
            .prefix(free)
        for index in due { entries[index].isRunning = true }
        return due.map { entries[$0].store }
    }

    /// Records the end of `store`'s run, which started at `startedAt`, and
    /// schedules the next one.
    public mutating func finished(
        _ store: StoreID, at now: Date, startedAt: Date, complete: Bool,
        using generator: inout some RandomNumberGenerator
    ) {
        guard let index = entries.firstIndex(where: { $0.store == store }) else { return }
        var entry = entries[index]
        entry.isRunning = false
        if complete { entry.lastCompleteStart = startedAt }
        let onTime = startedAt.addingTimeInterval(entry.interval)
        entry.nextDue = max(onTime, now).addingTimeInterval(jitter.delay(for: entry.interval, using: &generator))
        entries[index] = entry
    }

    /// The earliest instant a store that is not running becomes due; `nil`
    /// when every store is running.
    public var nextWake: Date? {
        entries.filter { !$0.isRunning }.map(\.nextDue).min()
    }
}
