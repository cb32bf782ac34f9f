import AftercartModel
import AftercartStore
import Foundation

/// Reads a store's stored JSON once and decodes it on every core: decoding,
/// not SQLite, is what a plan over a large store spends its time on.
enum ParallelDecoding {
    static func records<R: SyncRecord>(
        _ type: R.Type, store: StoreID, from database: some RecordStore
    ) async throws -> [R] {
        var payloads: [StoredPayload] = []
        for try await payload in database.allPayloads(R.resource, store: store, includeVanished: false, pageSize: 5000)
        {
            payloads.append(payload)
        }
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8))
        let chunk = max(1000, (payloads.count + workers - 1) / workers)
        let shared = payloads
        return try await withThrowingTaskGroup(of: (Int, [R]).self) { group in
            for start in stride(from: 0, to: shared.count, by: chunk) {
                group.addTask {
                    let decoder = ModelJSON.decoder()
                    var decoded: [R] = []
                    decoded.reserveCapacity(chunk)
                    for payload in shared[start..<min(start + chunk, shared.count)] {
                        do {
                            decoded.append(try decoder.decode(R.self, from: Data(payload.json.utf8)))
                        } catch {
                            throw PlannerError.undecodable(
                                "\(store) \(R.resource) \(payload.key.platformID): the stored record does not decode (\(error)); run 'aftercart sync --full --store \(store)'"
                            )
                        }
                    }
                    return (start, decoded)
                }
            }
            var parts: [(Int, [R])] = []
            for try await part in group { parts.append(part) }
            return parts.sorted { $0.0 < $1.0 }.flatMap(\.1)
        }
    }
}
