/// How much of the suite to run, and how big "a few thousand" is.
public struct ConformanceOptions: Sendable, Hashable {
    /// The scenarios to run; the others are neither run nor reported.
    public var scenarios: Set<ConformanceScenario>
    /// The largest store the paging scenario walks.
    public var largeStoreSize: Int
    /// Records changed upstream for the incremental scenario.
    public var changedRecords: Int

    public init(
        scenarios: Set<ConformanceScenario> = Set(ConformanceScenario.allCases), largeStoreSize: Int = 2_500,
        changedRecords: Int = 5
    ) {
        self.scenarios = scenarios
        self.largeStoreSize = largeStoreSize
        self.changedRecords = changedRecords
    }

    /// Everything, at the default sizes.
    public static let all = ConformanceOptions()

    /// Only `scenarios`, e.g. to run one per parameterized test case.
    public static func only(_ scenarios: ConformanceScenario...) -> ConformanceOptions {
        ConformanceOptions(scenarios: Set(scenarios))
    }
}
