public import Foundation

/// One page in the normalized model as an adapter's mapper builds it: the
/// records that map, the ones left out on purpose (`Skip`, in the
/// adapter's own terms), and the newest change seen among all of them, so
/// that a page of skipped records still moves the cursor.
public struct MappedPage<Record: Sendable, Skip: Sendable>: Sendable {
    /// The records that mapped, in page order.
    public var records: [Record]
    /// Records left out on purpose, with the reason.
    public var skipped: [Skip]
    /// The newest change on the page, skipped records included.
    public var newestChange: Date?

    public init(records: [Record] = [], skipped: [Skip] = [], newestChange: Date? = nil) {
        self.records = records
        self.skipped = skipped
        self.newestChange = newestChange
    }

    /// Moves ``newestChange`` up to `change` when that is newer.
    public mutating func noteChange(_ change: Date?) {
        newestChange = SyncCursor.newest(newestChange, change)
    }

    /// Adds the records, skips and newest change of `page`.
    public mutating func append(_ page: MappedPage<Record, Skip>) {
        records += page.records
        skipped += page.skipped
        noteChange(page.newestChange)
    }

    /// The page as a ``ResourceStream``'s mapper returns it: the records
    /// wrapped by `batch` (e.g. `RecordBatch.orders`), each skip as
    /// `report` says the walk should log it.
    public func batch(_ batch: ([Record]) -> RecordBatch, reporting report: (Skip) -> SkippedRecord) -> MappedBatch {
        MappedBatch(batch(records), newestChange: newestChange, skipped: skipped.map(report))
    }
}

extension MappedPage where Skip == SkippedRecord {
    /// The page as a ``ResourceStream``'s mapper returns it, with the
    /// records wrapped by `batch` (e.g. `RecordBatch.orders`).
    public func batch(_ batch: ([Record]) -> RecordBatch) -> MappedBatch {
        self.batch(batch, reporting: { $0 })
    }
}
