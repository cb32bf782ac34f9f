/// What committing one page did, for the sync engine's progress and summary.
public struct PageCommitResult: Sendable, Hashable {
    /// Records that were new to this database.
    public var inserted: Int
    /// Records whose content changed, or that came back after vanishing.
    public var updated: Int
    /// Records identical to what was stored; their rows were not written.
    public var unchanged: Int
    /// The checkpoint as stored after the commit.
    public var checkpoint: SyncCheckpoint

    /// Creates a result.
    public init(inserted: Int, updated: Int, unchanged: Int, checkpoint: SyncCheckpoint) {
        self.inserted = inserted
        self.updated = updated
        self.unchanged = unchanged
        self.checkpoint = checkpoint
    }
}
