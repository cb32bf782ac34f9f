import AftercartModel
import AftercartStore
import Foundation

/// A record a sync could not map and keeps aside, as `aftercart status`
/// lists it: which record, why, and since when. Each sync reads it again
/// until it maps (or the store no longer has it).
struct StatusReject: Encodable {
    var store: StoreID
    var resource: ResourceKind
    var id: String
    var reason: String
    var since: Date
    var lastSeenAt: Date
    var attempts: Int

    enum CodingKeys: String, CodingKey {
        case store, resource, id, reason, since, attempts
        case lastSeenAt = "last_seen_at"
    }

    static func gather(from persistence: any Persistence) async throws -> [StatusReject] {
        try await persistence.rejects(store: nil, resource: nil).map {
            StatusReject(
                store: $0.store, resource: $0.resource, id: $0.platformID, reason: $0.record.reason,
                since: $0.firstSeenAt,
                lastSeenAt: $0.lastSeenAt, attempts: $0.attempts)
        }
    }

    static func text(_ rejects: [StatusReject]) -> String {
        guard !rejects.isEmpty else { return "" }
        var rows = [["STORE", "RESOURCE", "ID", "SINCE", "ATTEMPTS", "REASON"]]
        for reject in rejects {
            rows.append([
                reject.store.rawValue, reject.resource.rawValue, reject.id, Timestamp.format(reject.since),
                "\(reject.attempts)", reject.reason,
            ])
        }
        return "\nrejected records (kept aside; every sync reads them again until the store sends them well-formed):\n"
            + TextTable.render(rows)
    }
}
