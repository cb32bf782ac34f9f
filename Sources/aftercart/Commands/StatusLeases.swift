import AftercartModel
import AftercartStore
import Foundation

/// Which worker holds which lease (`sync:<store>` while a worker syncs that
/// store), as `aftercart status` lists it: with several workers on one
/// PostgreSQL this is who is doing what, and whose lease lapsed.
struct StatusLease: Encodable {
    var name: String
    var owner: String
    var acquiredAt: Date
    var expiresAt: Date
    /// Whether the lease still held when `status` ran; an expired one is
    /// free for any worker to take.
    var live: Bool

    enum CodingKeys: String, CodingKey {
        case name, owner, live
        case acquiredAt = "acquired_at"
        case expiresAt = "expires_at"
    }

    static func gather(from persistence: any Persistence, now: Date) async throws -> [StatusLease] {
        try await persistence.leases().map {
            StatusLease(
                name: $0.name, owner: $0.owner, acquiredAt: $0.acquiredAt, expiresAt: $0.expiresAt,
                live: $0.isHeld(at: now))
        }
    }

    static func text(_ leases: [StatusLease]) -> String {
        guard !leases.isEmpty else { return "\nleases: none (no worker is syncing)" }
        var rows = [["LEASE", "OWNER", "SINCE", "EXPIRES"]]
        for lease in leases {
            rows.append([
                lease.name, lease.owner, Timestamp.format(lease.acquiredAt),
                Timestamp.format(lease.expiresAt) + (lease.live ? "" : " (expired)"),
            ])
        }
        return "\nleases:\n" + TextTable.render(rows)
    }
}
