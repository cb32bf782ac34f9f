import AftercartConnector
import AftercartModel

/// Everything one read produced, page by page.
struct ReadResult {
    var pages: [ResourcePage] = []

    /// Every record in page order.
    var records: [any SyncRecord] { pages.flatMap(\.records.anyRecords) }
    /// Platform ids in page order, duplicates kept.
    var ids: [String] { records.map(\.platformID) }
    /// Records the pages rejected as malformed, in page order.
    var rejected: [RejectedRecord] { pages.flatMap(\.rejected) }
    /// The cursor of the last page, which the engine stores after the walk.
    var lastCursor: SyncCursor? { pages.last?.cursor }

    /// Ids read more than once.
    var duplicates: Set<String> {
        var seen: Set<String> = []
        var twice: Set<String> = []
        for id in ids where !seen.insert(id).inserted { twice.insert(id) }
        return twice
    }

    /// Reads every page of `resource` since `cursor`; `pageLimit` stops
    /// early (the resume scenario wants only page 1).
    static func read(
        _ connector: any StoreConnector, _ resource: ResourceKind, since cursor: SyncCursor? = nil,
        pageLimit: Int? = nil
    ) async throws -> ReadResult {
        var result = ReadResult()
        var iterator = connector.read(resource, since: cursor).makeAsyncIterator()
        while let page = try await iterator.next() {
            result.pages.append(page)
            if let pageLimit, result.pages.count >= pageLimit { break }
            // A sequence that never ends would hang the test run; no adapter
            // needs this many pages for the stores the kit starts.
            if result.pages.count > 10_000 {
                throw ConformanceHarnessError(message: "read did not end after 10,000 pages")
            }
        }
        return result
    }

    /// Problems with this read as a complete walk of `expected` ids; with
    /// `countingRejects`, a rejected record counts as read (it is recorded).
    func coverageProblems(
        expected: Set<String>, store: StoreID, resource: ResourceKind, countingRejects: Bool = false
    ) -> [String] {
        var problems: [String] = []
        let read = Set(ids + (countingRejects ? rejected.map(\.id) : []))
        let missing = expected.subtracting(read)
        let extra = read.subtracting(expected)
        if !missing.isEmpty {
            problems.append(
                "\(missing.count) of \(expected.count) \(resource) never read (\(ConformanceText.sample(missing)))")
        }
        if !extra.isEmpty {
            problems.append(
                "\(extra.count) \(resource) read that the emulator does not hold (\(ConformanceText.sample(extra)))")
        }
        if !duplicates.isEmpty {
            problems.append(
                "\(duplicates.count) \(resource) read more than once in one walk (\(ConformanceText.sample(duplicates)))"
            )
        }
        let foreign = records.filter { $0.store != store }
        if let first = foreign.first {
            problems.append("\(foreign.count) records carry store \"\(first.store)\" instead of \"\(store)\"")
        }
        let wrongKind = pages.filter { $0.resource != resource }
        if !wrongKind.isEmpty {
            problems.append("\(wrongKind.count) pages hold \(wrongKind[0].resource) instead of \(resource)")
        }
        if let cursor = lastCursor, cursor.isWalkInProgress {
            problems.append(
                "the last page's cursor still points at a next page (next_page \(cursor.nextPage.map(String.init) ?? "nil"), page_token \(cursor.pageToken ?? "nil")); the engine would never finish the walk"
            )
        }
        if let last = pages.last, last.progress.hasMore {
            problems.append("the last page says hasMore")
        }
        return problems
    }
}
