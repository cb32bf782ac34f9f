public import AftercartModel
public import Logging

/// A record an adapter read but left out of a page on purpose, and why.
/// Skips are not errors: the walk logs them and goes on.
public struct SkippedRecord: Sendable, Hashable {
    /// The record's id on the platform.
    public var id: String
    /// Why it was left out, as the log shows it.
    public var reason: String
    /// How loudly the walk logs it: `.warning` for data the adapter does not
    /// understand (an unknown status someone can map in the config), `.debug`
    /// for a skip that is business as usual (a trashed order).
    public var level: Logger.Level

    public init(id: String, reason: String, level: Logger.Level = .debug) {
        self.id = id
        self.reason = reason
        self.level = level
    }

    /// Logs each of `skipped` as `record skipped` at its level, with the
    /// resource, the id and the reason.
    public static func report(_ skipped: [SkippedRecord], resource: ResourceKind, to logger: Logger) {
        for skip in skipped {
            logger.log(
                level: skip.level, "record skipped",
                metadata: ["resource": "\(resource)", "id": "\(skip.id)", "reason": "\(skip.reason)"])
        }
    }
}
