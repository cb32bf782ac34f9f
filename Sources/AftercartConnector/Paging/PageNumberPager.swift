import Foundation

/// Walks `?page=N&per_page=M` collections (WooCommerce, WordPress).
///
/// The walk ends when `X-WP-TotalPages` says so or, without that header,
/// when the store answers past the end: an empty array, or a 400 whose code
/// is in ``pastEndCodes`` (WordPress `rest_post_invalid_page_number`). That
/// answer is handed to the mapper as an empty page so the walk's last
/// cursor is always a completed one.
public struct PageNumberPager: Sendable, Pagination {
    public var transport: HTTPTransport
    public var perPage: Int
    public var pageParameter: String
    public var perPageParameter: String
    public var totalPagesHeader: String?
    public var totalRecordsHeader: String?
    public var pastEndCodes: Set<String>
    /// A bound on any walk, against a store that ignores the page parameter.
    public var maxPages: Int
    /// Pages fetched ahead; `nil` reads one page at a time (see ``PagePrefetch``).
    private(set) var prefetcher: PagePrefetcher?

    public init(
        transport: HTTPTransport, perPage: Int = 100, pageParameter: String = "page",
        perPageParameter: String = "per_page", totalPagesHeader: String? = "X-WP-TotalPages",
        totalRecordsHeader: String? = "X-WP-Total", pastEndCodes: Set<String> = ["rest_post_invalid_page_number"],
        maxPages: Int = 1_000_000, concurrency: Int = PagePrefetch.concurrency
    ) {
        self.transport = transport
        self.perPage = perPage
        self.pageParameter = pageParameter
        self.perPageParameter = perPageParameter
        self.totalPagesHeader = totalPagesHeader
        self.totalRecordsHeader = totalRecordsHeader
        self.pastEndCodes = pastEndCodes
        self.maxPages = maxPages
        self.prefetcher = concurrency > 1 ? PagePrefetcher(limit: concurrency) : nil
    }

    /// Fetches page `page` of `request` (whose URL carries the filters but
    /// no paging parameters). With a concurrency above 1 the page may have
    /// been fetched ahead already, and the pages after it are started.
    public func fetch(_ request: TransportRequest, page: Int) async throws -> FetchedPage {
        try await fetch(request, at: page)
    }

    /// Every page of `request`, resuming at `cursor`'s ``SyncCursor/nextPage``
    /// when a walk was in progress. `map` receives each fetched page with
    /// the previous page's cursor (first: `cursor`) and returns the mapped
    /// page, typically with `fetched.cursor(after: previous.advanced(past: records))`;
    /// that cursor is threaded to the next call, so ``SyncCursor/highWater``
    /// spans the whole walk. ``ResourceStream`` does that bookkeeping for an adapter.
    public func pages(
        _ request: TransportRequest, cursor: SyncCursor?,
        map: @escaping @Sendable (FetchedPage, SyncCursor) async throws -> ResourcePage
    ) -> ResourcePages {
        walk(request, cursor: cursor, map: map)
    }

    /// One request for page `page`, nothing fetched ahead.
    func fetchPage(_ request: TransportRequest, at page: Int) async throws -> FetchedPage {
        let response: TransportResponse
        do {
            response = try await transport.send(pageRequest(request, page: page))
        } catch let error as ConnectorError {
            guard case .badRequest(400, let context) = error, let code = context.platformCode,
                pastEndCodes.contains(code)
            else { throw error }
            let empty = TransportResponse(
                status: 200, headers: [:], body: Data("[]".utf8), redactedURL: context.url ?? "", attempts: 1)
            return FetchedPage(response: empty, pageNumber: page, isPastEnd: true)
        }
        let totalPages = totalPagesHeader.flatMap { response.intHeader($0) }
        let totalRecords = totalRecordsHeader.flatMap { response.intHeader($0) }
        if Self.isEmptyArray(response.body) {
            return FetchedPage(
                response: response, pageNumber: page, totalPages: totalPages, totalRecords: totalRecords,
                isPastEnd: true)
        }
        let hasMore = totalPages.map { page < $0 } ?? true
        return FetchedPage(
            response: response, pageNumber: page, nextPage: hasMore && page < maxPages ? page + 1 : nil,
            totalPages: totalPages, totalRecords: totalRecords)
    }

    /// `request` with the paging parameters of page `page`.
    func pageRequest(_ request: TransportRequest, page: Int) -> TransportRequest {
        request.appendingQuery([(perPageParameter, "\(perPage)"), (pageParameter, "\(page)")])
    }

    /// Whether a body is a JSON empty array, whitespace allowed.
    static func isEmptyArray(_ body: Data) -> Bool {
        guard body.count < 64 else { return false }
        let meaningful = body.filter { !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09) }
        return meaningful.elementsEqual("[]".utf8)
    }

    // MARK: Pagination

    func start(of request: TransportRequest, resuming cursor: SyncCursor) -> Int {
        max(cursor.nextPage ?? 1, 1)
    }

    func url(of request: TransportRequest, at page: Int) -> String {
        pageRequest(request, page: page).url
    }

    func position(after fetched: FetchedPage, at page: Int) -> Int? {
        fetched.nextPage
    }

    /// Once the store has said how many pages there are, up to `limit` of
    /// the pages after `page`; without that count, none (the walk might
    /// end at any page).
    func positionsAhead(after fetched: FetchedPage, at page: Int, limit: Int) -> [Int] {
        guard let total = fetched.totalPages, fetched.nextPage != nil else { return [] }
        let last = min(total, page + limit, maxPages)
        return last > page ? Array((page + 1)...last) : []
    }

    var withoutPrefetch: PageNumberPager {
        var plain = self
        plain.prefetcher = nil
        return plain
    }
}
