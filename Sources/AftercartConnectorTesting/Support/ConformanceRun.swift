import AftercartConnector
import AftercartModel
import Testing

/// One run's shared state: the harness, the options, and the entries and
/// issues recorded so far. Scenarios run one after another on the run's
/// task, so a class without locks is enough.
final class ConformanceRun {
    let harness: any ConformanceHarness
    let options: ConformanceOptions
    let sourceLocation: SourceLocation
    private(set) var report: ConformanceReport

    init(harness: any ConformanceHarness, options: ConformanceOptions, sourceLocation: SourceLocation) {
        self.harness = harness
        self.options = options
        self.sourceLocation = sourceLocation
        report = ConformanceReport(adapterName: harness.adapterName, entries: [])
    }

    var adapter: String { harness.adapterName }
    var resource: ResourceKind { harness.primaryResource }

    /// Records a skipped entry (no issue: a missing capability is not a fault).
    func skip(_ scenario: ConformanceScenario, _ detail: String, _ reason: String) {
        report.entries.append(.init(scenario: scenario, detail: detail, outcome: .skipped(reason)))
    }

    /// Runs one entry: `body` reports problems through the ``Checks`` it is
    /// given; a thrown error is a problem too. Each problem becomes an issue.
    func entry(
        _ scenario: ConformanceScenario, _ detail: String = "", _ body: (Checks) async throws -> Void
    ) async {
        let checks = Checks()
        do {
            try await body(checks)
        } catch let skip as ConformanceSkip {
            report.entries.append(.init(scenario: scenario, detail: detail, outcome: .skipped(skip.reason)))
            return
        } catch {
            checks.fail("unexpected error: \(ConformanceText.describe(error))")
        }
        if checks.problems.isEmpty {
            report.entries.append(.init(scenario: scenario, detail: detail, outcome: .passed, notes: checks.notes))
            return
        }
        let name = detail.isEmpty ? scenario.rawValue : "\(scenario.rawValue), \(detail)"
        for problem in checks.problems {
            Issue.record(
                Comment(rawValue: "[\(adapter) conformance] \(name): \(problem)"), sourceLocation: sourceLocation)
        }
        report.entries.append(
            .init(scenario: scenario, detail: detail, outcome: .failed(checks.problems), notes: checks.notes))
    }

    /// Starts a store with `records` records, runs `body`, and stops the
    /// store whatever happens.
    func withStore<T>(records: Int, _ body: (any ConformanceStore) async throws -> T) async throws -> T {
        let store: any ConformanceStore
        do {
            store = try await harness.startStore(records: records)
        } catch {
            throw ConformanceHarnessError(
                message:
                    "the harness could not start a store with \(records) records: \(ConformanceText.describe(error))")
        }
        do {
            let value = try await body(store)
            await store.stop()
            return value
        } catch {
            await store.stop()
            throw error
        }
    }
}

/// Problems found by one entry.
final class Checks {
    private(set) var problems: [String] = []
    private(set) var notes: [String] = []

    func fail(_ problem: String) { problems.append(problem) }

    /// Something worth showing in the report that is not a failure.
    func note(_ text: String) { notes.append(text) }

    /// Records `problem` unless `condition` holds.
    func expect(_ condition: Bool, _ problem: @autoclosure () -> String) {
        if !condition { problems.append(problem()) }
    }
}

/// Thrown inside an entry to record it as skipped instead of run.
struct ConformanceSkip: Error {
    var reason: String
    init(_ reason: String) { self.reason = reason }
}

/// The harness, not the adapter, failed.
struct ConformanceHarnessError: Error, CustomStringConvertible {
    var message: String
    var description: String { "harness: \(message)" }
}
