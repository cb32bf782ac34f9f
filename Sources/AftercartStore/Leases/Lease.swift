public import AftercartModel
public import Foundation

/// A named, expiring lock held by one owner (a worker), so two overlapping
/// runs don't sync the same store. An expired lease may be taken by anyone.
public struct Lease: Sendable, Hashable, Codable {
    /// What is locked, e.g. ``syncName(for:)``.
    public var name: String
    /// Who holds it: a worker id such as `hostname:pid:uuid`.
    public var owner: String
    /// When the current owner first acquired it.
    public var acquiredAt: Date
    /// When it lapses unless renewed.
    public var expiresAt: Date

    /// Creates a lease value.
    public init(name: String, owner: String, acquiredAt: Date, expiresAt: Date) {
        self.name = name
        self.owner = owner
        self.acquiredAt = acquiredAt
        self.expiresAt = expiresAt
    }

    /// Whether the lease still holds at `now`.
    public func isHeld(at now: Date) -> Bool { expiresAt > now }

    /// The lease name that guards syncing `store`.
    public static func syncName(for store: StoreID) -> String { "sync:\(store.rawValue)" }
}
