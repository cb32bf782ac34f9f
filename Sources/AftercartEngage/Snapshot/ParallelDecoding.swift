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
    /// with the payloads it came from.
    ///
    /// - Throws: ``PlannerError/undecodable(_:)`` naming the first record that does not scan.
    ///
    /// The database is an existential so that this is specialized for `T`
    /// (the planner's database type is only known at run time, and generic
    /// code left unspecialized was a tenth of the scan).
    static func scan<T: Sendable>(
        _ resource: ResourceKind, store: StoreID, from database: any RecordStore,
        _ scan: @escaping @Sendable (UnsafeBufferPointer<UInt8>) throws -> T
    ) async throws -> (values: [T], payloads: [StoredPayload]) {
        try await withThrowingTaskGroup(of: (Int, [T]).self) { group in
            var payloads: [StoredPayload] = []
            var chunks = 0
            var pending: [StoredPayload] = []
            pending.reserveCapacity(chunkSize)
            func startChunk() {
                let chunk = pending
                let number = chunks
                group.addTask { (number, try scanChunk(chunk, resource: resource, store: store, scan)) }
                chunks += 1
                payloads.append(contentsOf: pending)
                pending.removeAll(keepingCapacity: true)
            }
            for try await payload in database.allPayloads(
                resource, store: store, includeVanished: false, pageSize: 5_000)
            {
                pending.append(payload)
                if pending.count == chunkSize { startChunk() }
            }
            if !pending.isEmpty { startChunk() }
            var parts = [[T]](repeating: [], count: chunks)
            for try await (number, values) in group { parts[number] = values }
            var values: [T] = []
            values.reserveCapacity(payloads.count)
            for part in parts { values += part }
            return (values, payloads)
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
