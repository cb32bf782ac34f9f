public import Foundation

/// Named expiring locks. The lease row is the lock: acquiring is one atomic
/// statement, so two processes (or, with PostgreSQL, two hosts) can't both win.
public protocol LeaseStore: Sendable {
    /// Takes lease `name` for `owner` until `now + ttl` when it is free,
    /// expired, or already held by `owner` (which then renews it).
    ///
    /// - Returns: `false` when another owner holds a live lease.
    func acquireLease(name: String, owner: String, ttl: TimeInterval, now: Date) async throws -> Bool

    /// Extends `owner`'s lease to `now + ttl`.
    ///
    /// - Returns: `false` when `owner` no longer holds it (it expired and
    ///   another owner took it, or it was released); the caller must stop.
    func renewLease(name: String, owner: String, ttl: TimeInterval, now: Date) async throws -> Bool

    /// Gives the lease up so another owner can take it at once.
    ///
    /// - Returns: `false` when `owner` did not hold it.
    @discardableResult
    func releaseLease(name: String, owner: String) async throws -> Bool

    /// Every lease row, live or expired, sorted by name.
    func leases() async throws -> [Lease]
}
