public import AftercartConnector
import AftercartModel
public import Foundation

/// One Shopify page in the normalized model: the records that map, the
/// ones left out on purpose, and the newest change seen among all of them
/// (so a page of skipped records still moves the cursor).
public struct ShopifyMappedPage<Record: Sendable>: Sendable {
    public var records: [Record]
    public var skipped: [ShopifySkippedRecord]
    public var newestChange: Date?

    public init(records: [Record] = [], skipped: [ShopifySkippedRecord] = [], newestChange: Date? = nil) {
        self.records = records
        self.skipped = skipped
        self.newestChange = newestChange
    }

    mutating func noteChange(_ date: Date?) {
        newestChange = SyncCursor.newest(newestChange, date)
    }

    /// Adds the records, skips and newest change of `page`.
    mutating func append(_ page: ShopifyMappedPage<Record>) {
        records += page.records
        skipped += page.skipped
        noteChange(page.newestChange)
    }

    /// The page as the SDK's walk takes it, with its records wrapped by
    /// `batch` (e.g. `RecordBatch.orders`).
    func batch(_ batch: ([Record]) -> RecordBatch) -> MappedBatch {
        MappedBatch(batch(records), newestChange: newestChange, skipped: skipped)
    }
}

/// A record the adapter read but does not hand to the engine, and why;
/// logged at debug level by the SDK's walk.
public typealias ShopifySkippedRecord = SkippedRecord
