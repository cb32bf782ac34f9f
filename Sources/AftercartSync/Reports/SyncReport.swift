public import AftercartModel
public import Foundation

/// How one resource of one store fared in a run.
public struct ResourceSyncReport: Sendable, Hashable {
    /// What happened, in the words `aftercart sync` prints.
    public enum Outcome: Sendable, Hashable {
        /// Every page was read and committed.
        case completed
        /// The run stopped between pages on request; the next run resumes.
        case stopped
        /// The adapter cannot read this resource for this store.
        case unsupported
        /// A page failed; earlier pages stay committed and the cursor did not
        /// move past them. The text is the user-facing error.
        case failed(String)
    }

    public var store: StoreID
    public var resource: ResourceKind
    public var outcome: Outcome
    /// Pages committed in this run.
    public var pages: Int
    /// Records received in committed pages (re-reads included).
    public var records: Int
    /// Rows that were new or changed.
    public var changed: Int
    /// Records marked vanished: trashed ones the store listed, and by a
    /// full run those it no longer returns.
    public var vanished: Int
    /// Records the adapter could not map, recorded as rejects in this run
    /// (new ones in pages, and earlier ones still malformed when read again).
    public var rejected: Int
    /// Earlier rejects that this run cleared: read again and stored, or
    /// gone from the store.
    public var recovered: Int
    /// Wall-clock seconds the resource took.
    public var seconds: Double
    /// Whether it failed because the store could not be reached at all
    /// (nothing listening, no route, no name): the store's other
    /// resources are then not tried in the same run.
    public var storeUnreachable = false

    public init(
        store: StoreID, resource: ResourceKind, outcome: Outcome, pages: Int = 0, records: Int = 0,
        changed: Int = 0, vanished: Int = 0, rejected: Int = 0, recovered: Int = 0, seconds: Double = 0
    ) {
        self.store = store
        self.resource = resource
        self.outcome = outcome
        self.pages = pages
        self.records = records
        self.changed = changed
        self.vanished = vanished
        self.rejected = rejected
        self.recovered = recovered
        self.seconds = seconds
    }

    /// Whether this resource counts against the run's exit status.
    public var isFailure: Bool {
        if case .failed = outcome { return true }
        return false
    }
}

/// How one store fared in a run.
public struct StoreSyncReport: Sendable, Hashable {
    public enum Outcome: Sendable, Hashable {
        /// The store was synced (see each resource's outcome).
        case synced
        /// Another process holds the store's sync lease; nothing was done.
        case alreadyRunning(owner: String?)
        /// Another worker completed this turn's run, at the given time, while
        /// this one waited for the lease; nothing was done.
        case completedElsewhere(at: Date)
        /// The store could not be synced at all (e.g. the lease store failed).
        case failed(String)
    }

    public var store: StoreID
    public var outcome: Outcome
    public var resources: [ResourceSyncReport]
    /// When the run began (engine clock); `nil` when it never started.
    public var startedAt: Date?

    public init(store: StoreID, outcome: Outcome, resources: [ResourceSyncReport] = [], startedAt: Date? = nil) {
        self.store = store
        self.outcome = outcome
        self.resources = resources
        self.startedAt = startedAt
    }

    /// Whether the store was synced and every requested resource was read to
    /// the end (or cannot be read from this store): everything changed
    /// before ``startedAt`` is in the database.
    public var isComplete: Bool {
        guard case .synced = outcome else { return false }
        return resources.allSatisfy { $0.outcome == .completed || $0.outcome == .unsupported }
    }

    /// Whether anything about this store failed.
    public var isFailure: Bool {
        if case .failed = outcome { return true }
        return resources.contains(where: \.isFailure)
    }
}

/// One committed page, for live progress on a terminal.
public struct SyncProgress: Sendable, Hashable {
    public var store: StoreID
    public var resource: ResourceKind
    /// Pages committed so far in this run of the resource.
    public var pages: Int
    /// Records committed so far.
    public var records: Int
    /// What the store said the walk holds, when it says.
    public var totalPages: Int?
    public var totalRecords: Int?
    /// Seconds since the resource started.
    public var elapsed: Double

    public init(
        store: StoreID, resource: ResourceKind, pages: Int, records: Int, totalPages: Int?, totalRecords: Int?,
        elapsed: Double
    ) {
        self.store = store
        self.resource = resource
        self.pages = pages
        self.records = records
        self.totalPages = totalPages
        self.totalRecords = totalRecords
        self.elapsed = elapsed
    }

    /// Records per second so far.
    public var rate: Double { elapsed > 0 ? Double(records) / elapsed : 0 }

    /// Seconds left at the current rate, when the total is known.
    public var estimatedSecondsLeft: Double? {
        guard let totalRecords, rate > 0 else { return nil }
        return max(0, Double(totalRecords - records) / rate)
    }
}
