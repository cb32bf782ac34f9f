public import AftercartModel

/// How many rows one store has for one resource, for `aftercart status`.
public struct RecordCount: Sendable, Hashable, Codable {
    /// The store.
    public var store: StoreID
    /// The resource.
    public var resource: ResourceKind
    /// Every row, vanished ones included.
    public var total: Int
    /// Rows marked as missing upstream.
    public var vanished: Int

    /// Creates a count.
    public init(store: StoreID, resource: ResourceKind, total: Int, vanished: Int) {
        self.store = store
        self.resource = resource
        self.total = total
        self.vanished = vanished
    }

    /// Rows that still exist upstream.
    public var live: Int { total - vanished }
}
