import AftercartModel
import AftercartStore
import Foundation

/// Which worker holds which lease, as `aftercart status` lists it: a store's
/// sync lease (`sync:<store>`) while a worker syncs that store, and the
/// outbox rows a worker has claimed (`outbox`, with how many). With several
/// workers on one PostgreSQL this is who is doing what, and whose lease lapsed.
struct StatusLease: Encodable {
    var name: String
    var owner: String
    /// When a sync lease was taken; `nil` for outbox rows, which keep no such time.
    var acquiredAt: Date?
    /// When the lease lapses; for outbox rows, when the last of them is free.
    var expiresAt: Date
    /// How many outbox rows the owner holds; `nil` for a sync lease.
    var rows: Int?
    /// Whether the lease still held when `status` ran; an expired one is
    /// free for any worker to take.
    var live: Bool
    /// Whether the owner is a process on this host that no longer runs: the
    /// next run takes its lease over at once instead of waiting for expiry.
    var ownerGone: Bool

    enum CodingKeys: String, CodingKey {
        case name, owner, rows, live
        case acquiredAt = "acquired_at"
        case expiresAt = "expires_at"
        case ownerGone = "owner_gone"
    }

    // Every key is always present, null when it does not apply, so scripts need no existence checks.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(owner, forKey: .owner)
        try container.encode(acquiredAt, forKey: .acquiredAt)
        try container.encode(expiresAt, forKey: .expiresAt)
        try container.encode(rows, forKey: .rows)
        try container.encode(live, forKey: .live)
        try container.encode(ownerGone, forKey: .ownerGone)
    }

    static func gather(
        from persistence: any Persistence, now: Date,
        isOwnerAlive: @Sendable (String) -> Bool = LeaseOwner.isLocalProcessAlive
    ) async throws -> [StatusLease] {
        let sync = try await persistence.leases().map {
            StatusLease(
                name: $0.name, owner: $0.owner, acquiredAt: $0.acquiredAt, expiresAt: $0.expiresAt, rows: nil,
                live: $0.isHeld(at: now), ownerGone: !isOwnerAlive($0.owner))
        }
        let outbox = try await persistence.outboxLeases().map {
            StatusLease(
                name: "outbox", owner: $0.owner, acquiredAt: nil, expiresAt: $0.latestExpiry, rows: $0.rows,
                live: $0.isHeld(at: now), ownerGone: !isOwnerAlive($0.owner))
        }
        return sync + outbox
    }

    static func text(_ leases: [StatusLease]) -> String {
        guard !leases.isEmpty else { return "\nleases: none (no worker is syncing or sending)" }
        var rows = [["LEASE", "OWNER", "SINCE", "EXPIRES"]]
        for lease in leases {
            var expires = Timestamp.format(lease.expiresAt)
            if !lease.live {
                expires += " (expired)"
            } else if lease.ownerGone {
                expires += " (its process is gone: the next run takes it over)"
            }
            let name = lease.rows.map { "\(lease.name) (\($0) \($0 == 1 ? "row" : "rows"))" } ?? lease.name
            rows.append([name, lease.owner, lease.acquiredAt.map(Timestamp.format) ?? "-", expires])
        }
        return "\nleases:\n" + TextTable.render(rows)
    }
}
