/// What a pagination style knows: where a walk starts or resumes, one
/// page's request, and which pages follow a fetched one. ``PageNumberPager``
/// and ``LinkPager`` conform; prefetching (here) and the walk itself
/// (``walk(_:from:prepare:map:)``) are written once, for both.
protocol Pagination: Sendable {
    /// Where in a walk a page is: a page number, a URL.
    associatedtype Position: Sendable

    /// The transport the pages are requested through.
    var transport: HTTPTransport { get }
    /// Pages requested ahead; `nil` reads one page at a time.
    var prefetcher: PagePrefetcher? { get }
    /// A copy that fetches only what it is asked for, for the prefetch
    /// tasks (which must not hold the prefetcher that holds them).
    var withoutPrefetch: Self { get }

    /// Where a walk of `request` starts, or resumes when `cursor` is in a walk.
    func start(of request: TransportRequest, resuming cursor: SyncCursor) -> Position
    /// The URL of the page at `position`, which names it among those requested ahead.
    func url(of request: TransportRequest, at position: Position) -> String
    /// One request for the page at `position`, nothing fetched ahead.
    func fetchPage(_ request: TransportRequest, at position: Position) async throws -> FetchedPage
    /// The position of the page after `fetched`; `nil` after the last one.
    func position(after fetched: FetchedPage, at position: Position) -> Position?
    /// The positions worth requesting while `fetched` is mapped, at most `limit`.
    func positionsAhead(after fetched: FetchedPage, at position: Position, limit: Int) -> [Position]
}

extension Pagination {
    /// The page at `position`: already requested ahead, or requested now;
    /// then the pages after it are requested ahead when prefetching.
    func fetch(_ request: TransportRequest, at position: Position) async throws -> FetchedPage {
        let plain = withoutPrefetch
        guard let prefetcher else { return try await plain.fetchPage(request, at: position) }
        let fetched = try await prefetcher.page(at: url(of: request, at: position)) {
            try await plain.fetchPage(request, at: position)
        }
        let ahead: [(url: String, fetch: @Sendable () async throws -> FetchedPage)] =
            positionsAhead(after: fetched, at: position, limit: prefetcher.limit).map { next in
                (url: plain.url(of: request, at: next), fetch: { try await plain.fetchPage(request, at: next) })
            }
        prefetcher.request(ahead)
        return fetched
    }
}
