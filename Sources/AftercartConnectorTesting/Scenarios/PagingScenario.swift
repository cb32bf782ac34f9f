import AftercartConnector
import AftercartModel

/// Pages cover every record exactly once at the sizes where page-walking
/// code breaks: empty, one, exactly a page, one over, and many pages.
enum PagingScenario {
    static func run(_ kit: ConformanceRun) async {
        let resource = kit.resource
        let pageSize = max(kit.harness.pageSize, 1)
        let sizes = Array(Set([0, 1, pageSize, pageSize + 1, kit.options.largeStoreSize])).sorted()
        for size in sizes {
            await kit.entry(.paging, "\(resource), \(size) records") { checks in
                try await kit.withStore(records: size) { store in
                    let connector = try await store.makeConnector(credentials: .valid)
                    guard connector.capabilities.readable.contains(resource) else {
                        throw ConformanceSkip("the adapter does not read \(resource)")
                    }
                    let result = try await ReadResult.read(connector, resource)
                    guard let expected = try await store.platformIDs(of: resource) else {
                        throw ConformanceSkip("the harness cannot list the emulator's \(resource)")
                    }
                    for problem in result.coverageProblems(
                        expected: expected, store: connector.store, resource: resource)
                    {
                        checks.fail(problem)
                    }
                    let oversized = result.pages.filter { $0.records.count > pageSize }
                    checks.expect(
                        oversized.isEmpty,
                        "a page held \(oversized.first?.records.count ?? 0) records, more than the harness's page size \(pageSize)"
                    )
                    if size > pageSize {
                        let filled = result.pages.filter { !$0.records.isEmpty }.count
                        checks.expect(
                            filled >= 2, "\(size) records came in \(filled) page(s); expected at least 2 of \(pageSize)"
                        )
                    }
                    // The other resources ride along on the page-size + 1 store,
                    // where a boundary bug would show.
                    if size == pageSize + 1 {
                        try await otherResources(connector, store: store, excluding: resource, checks: checks)
                    }
                }
            }
        }
    }

    private static func otherResources(
        _ connector: any StoreConnector, store: any ConformanceStore, excluding primary: ResourceKind, checks: Checks
    ) async throws {
        for other in ResourceKind.allCases where other != primary && connector.capabilities.readable.contains(other) {
            guard let expected = try await store.platformIDs(of: other) else { continue }
            do {
                let result = try await ReadResult.read(connector, other)
                for problem in result.coverageProblems(expected: expected, store: connector.store, resource: other) {
                    checks.fail(problem)
                }
            } catch {
                checks.fail("reading \(other) failed: \(ConformanceText.describe(error))")
            }
        }
    }
}
