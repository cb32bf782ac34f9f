import AftercartConnector
import AftercartModel
public import Foundation

/// One WooCommerce page in the normalized model: the records that map,
/// the ones skipped on purpose, and the newest modification seen among
/// all of them.
public struct WooCommerceMappedPage<Record: Sendable>: Sendable {
    /// The records that mapped, in page order.
    public var records: [Record]
    /// Records left out on purpose, with the reason.
    public var skipped: [WooCommerceSkippedRecord]
    /// The newest `date_modified_gmt` on the page, skipped records
    /// included, so a page of trashed orders still moves the cursor.
    public var newestModification: Date?

    public init(records: [Record] = [], skipped: [WooCommerceSkippedRecord] = [], newestModification: Date? = nil) {
        self.records = records
        self.skipped = skipped
        self.newestModification = newestModification
    }

    mutating func append(_ outcome: WooCommerceMapped<Record>, modified: Date?) {
        switch outcome {
        case .record(let record): records.append(record)
        case .skipped(let skip): skipped.append(skip)
        }
        newestModification = SyncCursor.newest(newestModification, modified)
    }

    /// The page as the SDK's walk takes it, with its records wrapped by
    /// `batch` (e.g. `RecordBatch.orders`).
    func batch(_ batch: ([Record]) -> RecordBatch) -> MappedBatch {
        MappedBatch(batch(records), newestChange: newestModification, skipped: skipped.map(\.reported))
    }
}
