public import AftercartModel

/// What ``ConformanceStore/makeChanges(count:)`` changed upstream.
public struct ConformanceChanges: Sendable, Hashable {
    /// The resource the changed records belong to.
    public var resource: ResourceKind
    /// Platform ids of the changed records.
    public var platformIDs: Set<String>

    public init(resource: ResourceKind, platformIDs: Set<String>) {
        self.resource = resource
        self.platformIDs = platformIDs
    }
}
