/// Which change times a ``ResourceStream`` follows into
/// ``SyncCursor/highWater``: the declarative stream's cursor field.
public enum CursorField: Sendable, Hashable {
    /// The records' own ``SyncRecord/updatedAt`` and the page's
    /// ``MappedBatch/newestChange`` (which covers skipped records): the
    /// store filters on the time the records carry.
    case recordUpdatedAt
    /// Only the page's ``MappedBatch/newestChange``: the store filters on
    /// a time the records do not carry, e.g. loyalty accounts read through
    /// a walk over changed customers.
    case mapperNewestChange
}
