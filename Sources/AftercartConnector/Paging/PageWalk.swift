/// Where a walk stands between two pages: the page to fetch, the cursor
/// after the pages before it, and what the mapper was given for them.
struct PageWalkState<Position: Sendable, Context: Sendable>: Sendable {
    var position: Position
    var cursor: SyncCursor
    /// `nil` before the walk's first page.
    var context: Context?
}

extension Pagination {
    /// Every page of `request` from `start` (resuming where its cursor
    /// says): before each page `prepare` gets what it returned for the page
    /// before (`nil` first), then the page is fetched and `map` receives it
    /// with the previous page's cursor (first: `start`) and the prepared
    /// context. The page cursor `map` returns is threaded to the next call,
    /// so ``SyncCursor/highWater`` spans the whole walk. A failed `map`
    /// cancels the pages requested ahead.
    func walk<Context: Sendable>(
        _ request: TransportRequest, from start: SyncCursor,
        prepare: @escaping @Sendable (Context?) async throws -> Context,
        map: @escaping @Sendable (FetchedPage, SyncCursor, Context) async throws -> ResourcePage
    ) -> ResourcePages {
        let initial = PageWalkState<Position, Context>(
            position: self.start(of: request, resuming: start), cursor: start, context: nil)
        return ResourcePages(initial: initial) { state in
            let context = try await prepare(state.context)
            let fetched = try await fetch(request, at: state.position)
            let page: ResourcePage
            do {
                page = try await map(fetched, state.cursor, context)
            } catch {
                prefetcher?.cancelAll()
                throw error
            }
            let following = position(after: fetched, at: state.position).map {
                PageWalkState(position: $0, cursor: page.cursor, context: context)
            }
            return (page, following)
        }
    }

    /// ``walk(_:from:prepare:map:)`` with nothing to prepare, from `cursor`
    /// or the start: the pagers' own `pages`.
    func walk(
        _ request: TransportRequest, cursor: SyncCursor?,
        map: @escaping @Sendable (FetchedPage, SyncCursor) async throws -> ResourcePage
    ) -> ResourcePages {
        walk(request, from: cursor ?? SyncCursor(), prepare: { _ in }) { fetched, previous, _ in
            try await map(fetched, previous)
        }
    }
}
