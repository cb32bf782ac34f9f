public import AftercartModel
public import Foundation

/// The checkpoint change that goes with a page in
/// ``RecordStore/commitPage(_:checkpoint:)``.
public struct CheckpointUpdate: Sendable, Hashable {
    /// The store whose records the page holds.
    public var store: StoreID
    /// The resource the page holds.
    public var resource: ResourceKind
    /// The cursor to resume after this page, encoded by the sync engine.
    /// `nil` clears it (the next run starts from the beginning).
    public var cursor: String?
    /// When the page was committed; becomes `lastSuccessAt`.
    public var at: Date
    /// Whether this is the last page of a run; if so `at` also becomes
    /// `lastCompletedAt`.
    public var completesRun: Bool

    /// Creates an update.
    public init(store: StoreID, resource: ResourceKind, cursor: String?, at: Date, completesRun: Bool = false) {
        self.store = store
        self.resource = resource
        self.cursor = cursor
        self.at = at
        self.completesRun = completesRun
    }
}
