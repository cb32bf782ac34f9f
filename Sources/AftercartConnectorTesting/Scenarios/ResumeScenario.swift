import AftercartConnector
import AftercartModel

/// A sync that stops after page 1 and restarts from the stored cursor
/// reads the rest of the walk: no gaps, and not everything again.
enum ResumeScenario {
    static func run(_ kit: ConformanceRun) async {
        let resource = kit.resource
        let pageSize = max(kit.harness.pageSize, 1)
        let records = pageSize * 2 + max(pageSize / 2, 1)
        await kit.entry(.resume, "\(resource), \(records) records, stop after page 1") { checks in
            try await kit.withStore(records: records) { store in
                let connector = try await store.makeConnector(credentials: .valid)
                guard connector.capabilities.readable.contains(resource) else {
                    throw ConformanceSkip("the adapter does not read \(resource)")
                }
                guard let expected = try await store.platformIDs(of: resource) else {
                    throw ConformanceSkip("the harness cannot list the emulator's \(resource)")
                }
                let first = try await ReadResult.read(connector, resource, pageLimit: 1)
                guard let cursor = first.lastCursor else {
                    checks.fail("no first page for \(records) records")
                    return
                }
                checks.expect(
                    cursor.isWalkInProgress,
                    "page 1's cursor does not mark a walk in progress (no next_page or page_token) although \(records) records need several pages"
                )
                let stored = try SyncCursor(jsonString: cursor.jsonString())
                let rest = try await ReadResult.read(connector, resource, since: stored)
                let firstIDs = Set(first.ids)
                let restIDs = Set(rest.ids)
                let gaps = expected.subtracting(firstIDs).subtracting(restIDs)
                checks.expect(
                    gaps.isEmpty,
                    "\(gaps.count) \(resource) read neither on page 1 nor after resuming (\(ConformanceText.sample(gaps)))"
                )
                checks.expect(
                    firstIDs.isEmpty || !firstIDs.isSubset(of: restIDs),
                    "resuming re-read all of page 1: the cursor's position was ignored and the walk restarted")
                checks.expect(rest.duplicates.isEmpty, "the resumed walk read \(rest.duplicates.count) records twice")
                checks.expect(
                    rest.lastCursor.map { !$0.isWalkInProgress } ?? true,
                    "the resumed walk's last cursor is still in progress")
            }
        }
    }
}
