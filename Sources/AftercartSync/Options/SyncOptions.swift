public import AftercartModel
import AftercartStore
public import Foundation

/// How a sync run behaves; every field has the default an operator expects.
public struct SyncOptions: Sendable {
    /// Resources to sync; those an adapter cannot read are skipped and reported.
    public var resources: [ResourceKind]
    /// Re-read everything from the beginning, then mark records the store no
    /// longer has as vanished (never deleted).
    public var full: Bool
    /// How many stores sync at once.
    public var storeConcurrency: Int
    /// How many pages of one resource are in flight at once where the store
    /// says how many pages there are (WooCommerce); pages are still
    /// committed one at a time, in order. 1 reads strictly sequentially.
    public var pageConcurrency: Int
    /// How long a store's sync lease lasts without renewal; a crashed run's
    /// store is free again after this.
    public var leaseTTL: TimeInterval
    /// Who holds the leases: unique per process, readable in `status`.
    public var owner: String
    /// Whether a lease holder is still alive. A holder known to be dead
    /// (a killed run on this host) loses its lease at once instead of
    /// blocking the store until the lease expires.
    public var isOwnerAlive: @Sendable (String) -> Bool

    /// Creates options; the defaults sync every resource of up to four stores at once.
    public init(
        resources: [ResourceKind] = ResourceKind.allCases, full: Bool = false, storeConcurrency: Int = 4,
        leaseTTL: TimeInterval = 120, owner: String = SyncOptions.defaultOwner,
        isOwnerAlive: @escaping @Sendable (String) -> Bool = SyncOptions.isLocalProcessAlive,
        pageConcurrency: Int = 4
    ) {
        self.resources = resources
        self.full = full
        self.storeConcurrency = max(1, storeConcurrency)
        self.leaseTTL = leaseTTL
        self.owner = owner
        self.isOwnerAlive = isOwnerAlive
        self.pageConcurrency = max(1, pageConcurrency)
    }

    /// `host:pid`, so an operator can tell which process holds a lease.
    public static var defaultOwner: String {
        "\(ProcessInfo.processInfo.hostName):\(ProcessInfo.processInfo.processIdentifier)"
    }

    /// `false` only for an owner on this host whose process is gone
    /// (``LeaseOwner/isLocalProcessAlive``); anything else counts as alive,
    /// and its lease is left to expire.
    public static let isLocalProcessAlive: @Sendable (String) -> Bool = LeaseOwner.isLocalProcessAlive
}

/// A stop request that the engine honours between pages, so the page in
/// flight is committed before a run ends (SIGTERM, Ctrl-C).
public final class SyncStopSignal: Sendable {
    private let state = StopState()

    public init() {}

    /// Asks every run using this signal to stop after its current page.
    public func stop() async { await state.set() }

    /// Whether ``stop()`` was called.
    public var isStopped: Bool { get async { await state.value } }

    private actor StopState {
        var value = false
        func set() { value = true }
    }
}
