import AftercartConnector
import AftercartModel
import Foundation

/// After a complete walk, changes upstream, and a read from the stored
/// cursor: everything changed is read, and nothing else except records
/// inside the lookback window (re-reading those is harmless by design).
enum IncrementalScenario {
    static func run(_ kit: ConformanceRun) async {
        let resource = kit.resource
        let records = max(kit.harness.pageSize + 1, 50)
        await kit.entry(.incremental, "\(resource), \(records) records, \(kit.options.changedRecords) changed") {
            checks in
            try await kit.withStore(records: records) { store in
                let connector = try await store.makeConnector(credentials: .valid)
                guard connector.capabilities.incremental.contains(resource) else {
                    throw ConformanceSkip("the adapter does not read \(resource) incrementally")
                }
                let full = try await ReadResult.read(connector, resource)
                guard let completed = full.lastCursor else {
                    checks.fail("a full read of \(records) \(resource) returned no page, so no cursor to continue from")
                    return
                }
                guard let since = completed.updatedAfter else {
                    checks.fail("the completed cursor has no updated_after; every run would re-read all \(resource)")
                    return
                }
                guard let changes = try await store.makeChanges(count: kit.options.changedRecords) else {
                    throw ConformanceSkip("the emulator cannot change records upstream")
                }
                guard changes.resource == resource else {
                    throw ConformanceSkip("the emulator changes \(changes.resource), not \(resource)")
                }
                guard !changes.platformIDs.isEmpty else {
                    checks.fail("harness: the emulator reported no changed records")
                    return
                }
                // The engine keeps the cursor as JSON between runs.
                let stored = try SyncCursor(jsonString: completed.jsonString())
                let incremental = try await ReadResult.read(connector, resource, since: stored)
                let read = Set(incremental.ids)
                let lookbackStart = since.addingTimeInterval(-kit.harness.lookback)
                let window = Set(
                    full.records.filter { ($0.updatedAt ?? .distantPast) >= lookbackStart }.map(\.platformID))

                let missed = changes.platformIDs.subtracting(read)
                checks.expect(
                    missed.isEmpty,
                    "\(missed.count) of \(changes.platformIDs.count) changed \(resource) not read incrementally (\(ConformanceText.sample(missed))); cursor updated_after \(Timestamp.format(since))"
                )
                let unexpected = read.subtracting(changes.platformIDs).subtracting(window)
                checks.expect(
                    unexpected.isEmpty,
                    "\(unexpected.count) unchanged \(resource) outside the \(Int(kit.harness.lookback))s lookback window were re-read (\(ConformanceText.sample(unexpected))); the filter is not applied or too wide"
                )
                checks.expect(
                    incremental.lastCursor.map { !$0.isWalkInProgress } ?? true,
                    "the incremental walk's last cursor is still in progress")
                if let next = incremental.lastCursor?.updatedAfter {
                    checks.expect(
                        next >= since,
                        "the cursor moved backwards: \(Timestamp.format(next)) < \(Timestamp.format(since))")
                }
            }
        }
    }
}
