/// What a conformance run did, scenario by scenario.
public struct ConformanceReport: Sendable, CustomStringConvertible {
    /// How one scenario ended.
    public enum Outcome: Sendable, Hashable {
        case passed
        /// The failures, each already recorded as a test issue.
        case failed([String])
        /// Why it did not run: the adapter lacks a capability, or the
        /// emulator cannot inject a fault or list records.
        case skipped(String)
    }

    /// One scenario's (or sub-scenario's) outcome.
    public struct Entry: Sendable, Hashable {
        public var scenario: ConformanceScenario
        /// The part of the scenario, e.g. `"orders, 101 records"`; empty for the whole.
        public var detail: String
        public var outcome: Outcome
        /// What the scenario observed, e.g. which error a broken body became.
        public var notes: [String] = []
    }

    /// The adapter's name from its harness.
    public var adapterName: String
    public var entries: [Entry]

    /// Entries that ran and passed.
    public var passed: [Entry] { entries.filter { $0.outcome == .passed } }
    /// Entries that ran and failed.
    public var failed: [Entry] {
        entries.filter { if case .failed = $0.outcome { true } else { false } }
    }
    /// Entries skipped, with their reasons.
    public var skipped: [Entry] {
        entries.filter { if case .skipped = $0.outcome { true } else { false } }
    }
    /// Whether nothing failed.
    public var succeeded: Bool { failed.isEmpty }

    /// A multi-line summary: counts, then one line per entry.
    public var description: String {
        var lines = [
            "\(adapterName) conformance: \(passed.count) passed, \(failed.count) failed, \(skipped.count) skipped"
        ]
        for entry in entries {
            let name = entry.detail.isEmpty ? entry.scenario.rawValue : "\(entry.scenario.rawValue) (\(entry.detail))"
            switch entry.outcome {
            case .passed:
                lines.append(
                    "  pass  \(name)" + (entry.notes.isEmpty ? "" : ": " + entry.notes.joined(separator: "; ")))
            case .failed(let problems): lines.append("  FAIL  \(name): " + problems.joined(separator: "; "))
            case .skipped(let reason): lines.append("  skip  \(name): \(reason)")
            }
        }
        return lines.joined(separator: "\n")
    }
}
