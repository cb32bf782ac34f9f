import AftercartConnector
import AftercartModel

/// Rate limits and server hiccups mid-walk are retried inside the
/// transport, and the walk completes with exactly the same records.
enum TransientFaultScenario {
    /// Request number (from arming) → status; spread over the first pages
    /// so a retry of a retry is exercised too. 500 is among them: PHP
    /// stores answer a transient 500 routinely.
    static let plan: [Int: Int] = [1: 429, 2: 503, 3: 500, 5: 502, 6: 429]

    static func run(_ kit: ConformanceRun) async {
        let resource = kit.resource
        let records = max(kit.harness.pageSize, 1) * 2 + 1
        let statuses = Set(plan.values).sorted().map(String.init).joined(separator: ", ")
        await kit.entry(.transientFaults, "\(resource), \(records) records, HTTP \(statuses)") { checks in
            try await kit.withStore(records: records) { store in
                let faults = plan.mapValues { ConformanceFault.status($0) }
                if let missing = faults.values.first(where: { !store.supports($0) }) {
                    throw ConformanceSkip("the emulator cannot inject \(missing)")
                }
                let connector = try await store.makeConnector(credentials: .valid)
                guard connector.capabilities.readable.contains(resource) else {
                    throw ConformanceSkip("the adapter does not read \(resource)")
                }
                guard let expected = try await store.platformIDs(of: resource) else {
                    throw ConformanceSkip("the harness cannot list the emulator's \(resource)")
                }
                let before = try await store.requestStats()
                try await store.injectFaults(faults)
                let result: ReadResult
                do {
                    result = try await ReadResult.read(connector, resource)
                } catch {
                    checks.fail("the read failed instead of retrying: \(ConformanceText.describe(error))")
                    try await store.injectFaults([:])
                    return
                }
                try await store.injectFaults([:])
                for problem in result.coverageProblems(expected: expected, store: connector.store, resource: resource) {
                    checks.fail("after retries: \(problem)")
                }
                let delta = try await store.requestStats().since(before)
                checks.note("\(delta.total) requests for \(result.pages.count) pages")
                for status in Set(plan.values) {
                    checks.expect(
                        delta.count(status: status) >= 1,
                        "harness: the emulator answered no \(status) although one was armed; the scenario proved nothing"
                    )
                }
            }
        }
    }
}
