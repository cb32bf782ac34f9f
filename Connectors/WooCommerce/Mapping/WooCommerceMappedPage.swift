public import AftercartConnector
public import Foundation

/// One WooCommerce page in the normalized model: the records that map,
/// the ones skipped on purpose, and the newest modification seen among
/// all of them.
public typealias WooCommerceMappedPage<Record: Sendable> = MappedPage<Record, WooCommerceSkippedRecord>

extension MappedPage where Skip == WooCommerceSkippedRecord {
    /// The newest `date_modified_gmt` on the page, skipped records
    /// included, so a page of trashed orders still moves the cursor.
    public var newestModification: Date? {
        get { newestChange }
        set { newestChange = newValue }
    }

    mutating func append(_ outcome: WooCommerceMapped<Record>, modified: Date?) {
        switch outcome {
        case .record(let record): records.append(record)
        case .skipped(let skip): skipped.append(skip)
        }
        noteChange(modified)
    }

    /// The page as the SDK's walk takes it, with its records wrapped by
    /// `batch` (e.g. `RecordBatch.orders`).
    func batch(_ batch: ([Record]) -> RecordBatch) -> MappedBatch {
        self.batch(batch, reporting: \.reported)
    }
}
