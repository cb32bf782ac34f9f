import NIOConcurrencyHelpers

/// How many pages of a page-number walk may be in flight at once.
///
/// A ``PageNumberPager`` created while this is above 1 fetches ahead once
/// the store has said how many pages there are (`X-WP-TotalPages`): after
/// page *n* arrives, pages *n+1 … n+concurrency* are requested
/// concurrently, while the caller still receives pages strictly in order,
/// one per `fetch`. The sync engine sets it around `read(_:since:)`, so
/// adapters built on the pager get concurrent reads without a change; a
/// walk that the caller abandons (a failed page, a stop) cancels what was
/// fetched ahead, and nothing ahead is ever committed before its turn.
public enum PagePrefetch {
    /// Pages in flight per walk; 1 (the default) reads strictly one at a time.
    @TaskLocal public static var concurrency: Int = 1
}

/// The pages a walk fetched ahead, by page number, for one request.
///
/// Fetch tasks hold a copy of the pager without a prefetcher, so there is no
/// cycle and `deinit` (the walk's sequence released) cancels what is left.
final class PagePrefetcher: Sendable {
    let limit: Int
    private let state = NIOLockedValueBox(State())

    private struct State {
        var url: String?
        var pending: [Int: Task<FetchedPage, any Error>] = [:]
    }

    init(limit: Int) {
        self.limit = limit
    }

    deinit {
        state.withLockedValue { state in
            for task in state.pending.values { task.cancel() }
        }
    }

    /// Page `page` of `request`: the prefetched one when there is one,
    /// else fetched now; then the following pages are started.
    func fetch(_ request: TransportRequest, page: Int, using pager: PageNumberPager) async throws -> FetchedPage {
        let prefetched = state.withLockedValue { state -> Task<FetchedPage, any Error>? in
            if state.url != request.url {
                // Another walk (another filter) reuses this pager: forget the old one.
                for task in state.pending.values { task.cancel() }
                state.pending = [:]
                state.url = request.url
            }
            for (number, task) in state.pending where number < page {
                task.cancel()
                state.pending[number] = nil
            }
            return state.pending.removeValue(forKey: page)
        }
        let fetched: FetchedPage
        if let prefetched {
            fetched = try await withTaskCancellationHandler {
                try await prefetched.value
            } onCancel: {
                prefetched.cancel()
            }
        } else {
            fetched = try await pager.fetchPage(request, page: page)
        }
        if let total = fetched.totalPages, fetched.nextPage != nil {
            startAhead(request, after: page, through: min(total, page + limit, pager.maxPages), using: pager)
        }
        return fetched
    }

    private func startAhead(
        _ request: TransportRequest, after page: Int, through last: Int, using pager: PageNumberPager
    ) {
        guard last > page else { return }
        state.withLockedValue { state in
            guard state.url == request.url else { return }
            for number in (page + 1)...last where state.pending[number] == nil {
                state.pending[number] = Task { try await pager.fetchPage(request, page: number) }
            }
        }
    }
}
