public import Foundation

/// Tuning for ``SQLitePersistence``; the defaults suit one merchant's process.
public struct SQLiteOptions: Sendable, Hashable {
    /// How long a write waits for another process's write lock before
    /// failing with ``PersistenceError/Kind/busy``.
    public var busyTimeout: TimeInterval
    /// How many concurrent read connections the pool may open.
    public var maximumReaderCount: Int

    /// Creates options.
    public init(busyTimeout: TimeInterval = 10, maximumReaderCount: Int = 5) {
        self.busyTimeout = busyTimeout
        self.maximumReaderCount = maximumReaderCount
    }
}
