public import AftercartModel

/// Work the daemon does for a store right after each of its syncs; the
/// seam where planning and sending (Engage, Delivery) plug into `aftercart run`.
///
/// The scheduler calls it once per sync that ran (not when another process
/// held the store), before the store can be scheduled again, so a store's
/// sync and its after-sync step never overlap. It is not called once a stop
/// was requested.
public protocol PostSyncStep: Sendable {
    /// Runs after `report`'s store was synced. Errors are the step's own to
    /// log and record; they never stop the scheduler.
    func afterSync(store: StoreID, report: StoreSyncReport) async
}

/// Does nothing: the daemon before anything is plugged in.
public struct NoPostSyncStep: PostSyncStep {
    public init() {}
    public func afterSync(store: StoreID, report: StoreSyncReport) async {}
}

/// A ``PostSyncStep`` from a closure.
public struct PostSyncClosure: PostSyncStep {
    private let body: @Sendable (StoreID, StoreSyncReport) async -> Void

    public init(_ body: @escaping @Sendable (StoreID, StoreSyncReport) async -> Void) {
        self.body = body
    }

    public func afterSync(store: StoreID, report: StoreSyncReport) async {
        await body(store, report)
    }
}
