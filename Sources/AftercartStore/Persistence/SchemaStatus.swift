/// Which schema version a database is at, for `aftercart status`.
public struct SchemaStatus: Sendable, Hashable, Codable {
    /// The version the database is at: the number of migrations applied.
    public var current: Int
    /// The version this binary migrates to.
    public var latest: Int
    /// The identifiers of the applied migrations, oldest first.
    public var appliedMigrations: [String]

    /// Creates a status value.
    public init(current: Int, latest: Int, appliedMigrations: [String]) {
        self.current = current
        self.latest = latest
        self.appliedMigrations = appliedMigrations
    }

    /// Whether every migration this binary knows has been applied.
    public var isCurrent: Bool { current == latest }
}
