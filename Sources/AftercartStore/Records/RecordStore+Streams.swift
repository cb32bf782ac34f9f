public import AftercartModel
public import Foundation

extension RecordStore {
    /// Every record of type `R` (of one store, or of all when `store` is
    /// `nil`) exactly once in key order, read `pageSize` at a time.
    ///
    /// For `aftercart export`: memory stays at one page however many rows
    /// there are.
    public func allRecords<R: SyncRecord>(
        _ type: R.Type, store: StoreID? = nil, includeVanished: Bool = true, pageSize: Int = 500
    ) -> PagedSequence<StoredRecord<R>, RecordKey> {
        PagedSequence { after in
            let page = try await self.recordPage(
                type, store: store, after: after, limit: pageSize, includeVanished: includeVanished)
            return (page.items, page.next)
        }
    }

    /// Every live record of type `R` of `store` created at or after `since`,
    /// like ``allRecords(_:store:includeVanished:pageSize:)``.
    public func allRecords<R: SyncRecord>(
        _ type: R.Type, store: StoreID, createdSince since: Date, pageSize: Int = 500
    ) -> PagedSequence<StoredRecord<R>, RecordKey> {
        PagedSequence { after in
            let page = try await self.recordPage(type, store: store, createdSince: since, after: after, limit: pageSize)
            return (page.items, page.next)
        }
    }

    /// Every stored JSON payload of `resource`, like ``allRecords(_:store:includeVanished:pageSize:)``.
    public func allPayloads(
        _ resource: ResourceKind, store: StoreID? = nil, includeVanished: Bool = true, pageSize: Int = 500
    ) -> PagedSequence<StoredPayload, RecordKey> {
        PagedSequence { after in
            let page = try await self.payloadPage(
                resource, store: store, after: after, limit: pageSize, includeVanished: includeVanished)
            return (page.items, page.next)
        }
    }

    /// The record of type `R` with `key`, or `nil`.
    public func record<R: SyncRecord>(_ type: R.Type, key: RecordKey) async throws -> StoredRecord<R>? {
        try await record(type, store: key.store, platformID: key.platformID)
    }

    /// The count for one store and resource; zero when it has no rows.
    public func recordCount(store: StoreID, resource: ResourceKind) async throws -> RecordCount {
        let counts = try await recordCounts()
        return counts.first { $0.store == store && $0.resource == resource }
            ?? RecordCount(store: store, resource: resource, total: 0, vanished: 0)
    }
}
