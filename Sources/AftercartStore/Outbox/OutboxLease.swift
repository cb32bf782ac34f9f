public import Foundation

/// The outbox rows one worker holds, as ``OutboxStore/outboxLeases()``
/// reports them: who holds how many rows, and until when.
public struct OutboxLease: Sendable, Hashable {
    /// The worker, e.g. `host:pid:tag` (``LeaseOwner``).
    public var owner: String
    /// How many rows it holds in state `leased`.
    public var rows: Int
    /// When the first of its leases lapses.
    public var earliestExpiry: Date
    /// When the last of its leases lapses; every row is free after it.
    public var latestExpiry: Date

    /// Creates a value.
    public init(owner: String, rows: Int, earliestExpiry: Date, latestExpiry: Date) {
        self.owner = owner
        self.rows = rows
        self.earliestExpiry = earliestExpiry
        self.latestExpiry = latestExpiry
    }

    /// Whether any of its leases still holds at `now`.
    public func isHeld(at now: Date) -> Bool { latestExpiry > now }
}
