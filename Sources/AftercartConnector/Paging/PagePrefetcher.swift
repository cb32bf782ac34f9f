import NIOConcurrencyHelpers

/// The pages a walk requested ahead, in walk order, by page URL: the one
/// prefetch mechanism of both pagers (see ``PagePrefetch``).
///
/// Fetch tasks hold a copy of the pager without a prefetcher, so there is no
/// cycle and `deinit` (the walk's sequence released) cancels what is left.
final class PagePrefetcher: Sendable {
    /// Pages requested ahead at the most.
    let limit: Int
    private let pending = NIOLockedValueBox<[(url: String, task: Task<FetchedPage, any Error>)]>([])

    init(limit: Int) {
        self.limit = limit
    }

    deinit { cancelAll() }

    /// The page at `url`: the one requested ahead when there is one, else
    /// `fetch()` now. Pages requested ahead of an earlier point are
    /// cancelled; a URL that was not requested ahead (another walk of the
    /// same pager, another filter) cancels them all.
    func page(at url: String, fetch: @Sendable () async throws -> FetchedPage) async throws -> FetchedPage {
        let ahead = pending.withLockedValue { queue -> Task<FetchedPage, any Error>? in
            guard let index = queue.firstIndex(where: { $0.url == url }) else {
                for entry in queue { entry.task.cancel() }
                queue = []
                return nil
            }
            for entry in queue[..<index] { entry.task.cancel() }
            let task = queue[index].task
            queue.removeFirst(index + 1)
            return task
        }
        guard let ahead else { return try await fetch() }
        return try await withTaskCancellationHandler {
            try await ahead.value
        } onCancel: {
            ahead.cancel()
        }
    }

    /// Starts the requests for `pages`, in walk order, but for those already on their way.
    func request(_ pages: [(url: String, fetch: @Sendable () async throws -> FetchedPage)]) {
        pending.withLockedValue { queue in
            for page in pages where !queue.contains(where: { $0.url == page.url }) {
                let fetch = page.fetch
                queue.append((page.url, Task { try await fetch() }))
            }
        }
    }

    /// Cancels every page requested ahead: the walk failed or was dropped.
    func cancelAll() {
        pending.withLockedValue { queue in
            for entry in queue { entry.task.cancel() }
            queue = []
        }
    }
}
