public import Foundation

/// What an adapter's page mapper hands back to a ``ResourceStream``: the
/// records of one page in the normalized model, the records left out on
/// purpose, and the newest change seen among all of them, so that a page
/// of skipped records still moves the cursor.
public struct MappedBatch: Sendable {
    /// The records that mapped, in page order.
    public var records: RecordBatch
    /// The newest change on the page, skipped records included; which
    /// records count is the adapter's choice (see ``CursorField``).
    public var newestChange: Date?
    /// Records left out on purpose; the walk logs them.
    public var skipped: [SkippedRecord]
    /// Ids the store says are gone (an order moved to the trash): the
    /// engine marks them vanished, as a full run marks what it did not see.
    public var vanished: [String]

    public init(
        _ records: RecordBatch, newestChange: Date? = nil, skipped: [SkippedRecord] = [], vanished: [String] = []
    ) {
        self.records = records
        self.newestChange = newestChange
        self.skipped = skipped
        self.vanished = vanished
    }
}
