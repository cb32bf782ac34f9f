import AftercartModel
import AftercartStore
import Foundation

/// Reads a store's stored JSON once and scans it on every core: reading the
/// records, not SQLite, is what a plan over a large store spends its time on.
///
/// Chunks are scanned while the next rows are still being read, so the
/// database's reader thread and the scanning overlap.
enum ParallelDecoding {
    /// Rows per scanning task: small enough to start early, large enough to
    /// keep task overhead out of sight.
    static let chunkSize = 2_000

    /// Every stored record of `resource` in key order, scanned by `scan`,
    /// with the payloads it came from, in the chunks they were scanned in.
    ///
    /// The database is an existential so that this is specialized for `T`
    /// (the planner's database type is only known at run time, and generic
    /// code left unspecialized was a tenth of the scan).
    ///
    /// - Throws: ``PlannerError/undecodable(_:)`` naming the first record that does not scan.
    static func scan<T: Sendable>(
        _ resource: ResourceKind, store: StoreID, from database: any RecordStore,
        _ scan: @escaping @Sendable (UnsafeBufferPointer<UInt8>) throws -> T
    ) async throws -> ScannedChunks<T> {
        try await self.scan(
            resource, store: store,
            rows: database.allPayloads(resource, store: store, includeVanished: false, pageSize: 5_000),
            scan)
    }

    /// The texts of `rows` (records of `resource`) scanned by `scan`, as
    /// ``scan(_:store:from:_:)`` does it; for orders, the rows are their
    /// planning projections.
    static func scan<T: Sendable>(
        _ resource: ResourceKind, store: StoreID, rows: PagedSequence<StoredPayload, RecordKey>,
        _ scan: @escaping @Sendable (UnsafeBufferPointer<UInt8>) throws -> T
    ) async throws -> ScannedChunks<T> {
        try await withThrowingTaskGroup(of: (Int, [T]).self) { group in
            var payloads: [[StoredPayload]] = []
            var pending: [StoredPayload] = []
            pending.reserveCapacity(chunkSize)
            func startChunk() {
                let chunk = pending
                let number = payloads.count
                group.addTask { (number, try scanChunk(chunk, resource: resource, store: store, scan)) }
                payloads.append(chunk)
                pending = []
                pending.reserveCapacity(chunkSize)
            }
            for try await payload in rows {
                pending.append(payload)
                if pending.count == chunkSize { startChunk() }
            }
            if !pending.isEmpty { startChunk() }
            var values = [[T]](repeating: [], count: payloads.count)
            for try await (number, chunk) in group { values[number] = chunk }
            return ScannedChunks(values: values, payloads: payloads)
        }
    }

    private static func scanChunk<T>(
        _ chunk: [StoredPayload], resource: ResourceKind, store: StoreID,
        _ scan: (UnsafeBufferPointer<UInt8>) throws -> T
    ) throws -> [T] {
        var values: [T] = []
        values.reserveCapacity(chunk.count)
        for payload in chunk {
            do {
                values.append(try withUTF8(payload.json, scan))
            } catch {
                throw undecodable(store: store, resource: resource, id: payload.key.platformID, error)
            }
        }
        return values
    }

    /// The bytes of `text` without copying a native string.
    static func withUTF8<T>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) throws -> T) rethrows -> T {
        if let result = try text.utf8.withContiguousStorageIfAvailable(body) { return result }
        return try Array(text.utf8).withUnsafeBufferPointer(body)
    }

    static func undecodable(store: StoreID, resource: ResourceKind, id: String, _ error: any Error) -> PlannerError {
        PlannerError.undecodable(
            "\(store) \(resource) \(id): the stored record does not decode (\(error)); run 'aftercart sync --full --store \(store)'"
        )
    }
}

/// Scanned records in key order, kept in the chunks they were scanned in:
/// joining them would copy every record once more.
struct ScannedChunks<T: Sendable>: Sendable {
    /// The records, chunk by chunk.
    var values: [[T]]
    /// Each record's stored payload, at the same chunk and offset.
    var payloads: [[StoredPayload]]

    var count: Int { values.reduce(0) { $0 + $1.count } }

    /// Every record in key order.
    var all: FlattenSequence<[[T]]> { values.joined() }
}
