import Foundation
import Logging

/// Walks `?page=N&per_page=M` collections (WooCommerce, WordPress).
///
/// The walk ends when `X-WP-TotalPages` says so or, without that header,
/// when the store answers past the end: an empty array, or a 400 whose code
/// is in ``pastEndCodes`` (WordPress `rest_post_invalid_page_number`). That
/// answer is handed to the mapper as an empty page so the walk's last
/// cursor is always a completed one.
///
/// A page that times out is asked again at about half the size (see
/// ``PagePosition/halved(floor:)``), down to ``minimumPerPage``, before the
/// timeout fails the walk: a slow host that cannot render 100 records
/// within the deadline often renders 25. The walk continues at the smaller
/// size, and the cursor keeps it (``SyncCursor/pageSize``) so a resumed
/// walk counts pages the same way; after a run of pages that answered in
/// time it grows back toward ``perPage`` (see ``PageSizeRecovery``), since
/// many timeouts are one-off.
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
    /// The smallest page a timed-out page shrinks to; a page this small
    /// that still times out fails the walk. 1 by default: a store that
    /// cannot render one record in time is down, not slow.
    public var minimumPerPage: Int
    /// Pages fetched ahead; `nil` reads one page at a time (see ``PagePrefetch``).
    private(set) var prefetcher: PagePrefetcher?
    /// When shrunk pages grow again; shared by the copies that fetch ahead.
    let recovery = PageSizeRecovery()

    public init(
        transport: HTTPTransport, perPage: Int = 100, pageParameter: String = "page",
        perPageParameter: String = "per_page", totalPagesHeader: String? = "X-WP-TotalPages",
        totalRecordsHeader: String? = "X-WP-Total", pastEndCodes: Set<String> = ["rest_post_invalid_page_number"],
        maxPages: Int = 1_000_000, minimumPerPage: Int = 1, concurrency: Int = PagePrefetch.concurrency
    ) {
        self.transport = transport
        self.perPage = perPage
        self.pageParameter = pageParameter
        self.perPageParameter = perPageParameter
        self.totalPagesHeader = totalPagesHeader
        self.totalRecordsHeader = totalRecordsHeader
        self.pastEndCodes = pastEndCodes
        self.maxPages = maxPages
        self.minimumPerPage = max(1, minimumPerPage)
        self.prefetcher = concurrency > 1 ? PagePrefetcher(limit: concurrency) : nil
    }

    /// Fetches page `page` of `request` (whose URL carries the filters but
    /// no paging parameters). With a concurrency above 1 the page may have
    /// been fetched ahead already, and the pages after it are started.
    public func fetch(_ request: TransportRequest, page: Int) async throws -> FetchedPage {
        try await fetch(request, at: PagePosition(number: page, size: perPage))
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

    /// Every page of `request` from the first, one at a time, each turned
    /// into values by `map`, concatenated: for side reads (the ids a filter
    /// matches) that are not a resource's records. Pages shrink on a
    /// timeout as in a walk.
    public func collect<Value>(
        _ request: TransportRequest, map: (FetchedPage) throws -> [Value]
    ) async throws -> [Value] {
        var values: [Value] = []
        var position: PagePosition? = PagePosition(number: 1, size: perPage)
        while let current = position {
            let fetched = try await fetchPage(request, at: current)
            values += try map(fetched)
            position = self.position(after: fetched, at: current)
        }
        return values
    }

    /// The page at `position`, nothing fetched ahead. A page that times
    /// out is asked once more at the same size, since most timeouts are
    /// one-off; one that times out again is asked in smaller pages, until
    /// ``minimumPerPage``.
    func fetchPage(_ request: TransportRequest, at position: PagePosition) async throws -> FetchedPage {
        var position = position
        var timedOutBefore = false
        while true {
            do {
                return regrown(try await fetchOnce(request, at: position))
            } catch let error as ConnectorError {
                guard case .timeout(let seconds, _) = error else { throw error }
                var metadata: Logger.Metadata = [
                    "resource": "\(request.resource ?? "")", "timeout_seconds": "\(seconds)",
                    "page": "\(position.number)", "per_page": "\(position.size)",
                ]
                guard timedOutBefore else {
                    timedOutBefore = true
                    transport.logger.info("page timed out; asking once more", metadata: metadata)
                    continue
                }
                guard let smaller = position.halved(floor: minimumPerPage) else { throw error }
                recovery.shrank()
                metadata["next_page"] = "\(smaller.number)"
                metadata["next_per_page"] = "\(smaller.size)"
                transport.logger.warning("page timed out twice; asking again with smaller pages", metadata: metadata)
                position = smaller
                timedOutBefore = false
            }
        }
    }

    /// `fetched` continuing in bigger pages when ``recovery`` says it is time.
    private func regrown(_ fetched: FetchedPage) -> FetchedPage {
        guard let nextPage = fetched.nextPage, let size = fetched.pageSize else { return fetched }
        let next = recovery.position(after: PagePosition(number: nextPage, size: size), upTo: perPage)
        var regrown = fetched
        regrown.nextPage = next.number
        regrown.pageSize = next.size == perPage ? nil : next.size
        return regrown
    }

    /// One request for the page at `position`.
    private func fetchOnce(_ request: TransportRequest, at position: PagePosition) async throws -> FetchedPage {
        let page = position.number
        let shrunk = position.size == perPage ? nil : position.size
        let response: TransportResponse
        do {
            response = try await transport.send(pageRequest(request, at: position))
        } catch let error as ConnectorError {
            guard case .badRequest(400, let context) = error, let code = context.platformCode,
                pastEndCodes.contains(code)
            else { throw error }
            let empty = TransportResponse(
                status: 200, headers: [:], body: Data("[]".utf8), redactedURL: context.url ?? "", attempts: 1)
            return FetchedPage(response: empty, pageNumber: page, pageSize: shrunk, isPastEnd: true)
        }
        let totalPages = totalPagesHeader.flatMap { response.intHeader($0) }
        let totalRecords = totalRecordsHeader.flatMap { response.intHeader($0) }
        if Self.isEmptyArray(response.body) {
            return FetchedPage(
                response: response, pageNumber: page, pageSize: shrunk, totalPages: totalPages,
                totalRecords: totalRecords, isPastEnd: true)
        }
        let hasMore = totalPages.map { page < $0 } ?? true
        return FetchedPage(
            response: response, pageNumber: page, nextPage: hasMore && page < maxPages ? page + 1 : nil,
            pageSize: shrunk, totalPages: totalPages, totalRecords: totalRecords)
    }

    /// `request` with the paging parameters of the page at `position`.
    func pageRequest(_ request: TransportRequest, at position: PagePosition) -> TransportRequest {
        request.appendingQuery([(perPageParameter, "\(position.size)"), (pageParameter, "\(position.number)")])
    }

    /// Whether a body is a JSON empty array, whitespace allowed.
    static func isEmptyArray(_ body: Data) -> Bool {
        guard body.count < 64 else { return false }
        let meaningful = body.filter { !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09) }
        return meaningful.elementsEqual("[]".utf8)
    }

    // MARK: Pagination

    func start(of request: TransportRequest, resuming cursor: SyncCursor) -> PagePosition {
        PagePosition(number: max(cursor.nextPage ?? 1, 1), size: cursor.pageSize ?? perPage)
    }

    func url(of request: TransportRequest, at position: PagePosition) -> String {
        pageRequest(request, at: position).url
    }

    func position(after fetched: FetchedPage, at position: PagePosition) -> PagePosition? {
        fetched.nextPage.map { PagePosition(number: $0, size: fetched.pageSize ?? perPage) }
    }

    /// Once the store has said how many pages there are, up to `limit` of
    /// the pages after `page`; without that count, none (the walk might
    /// end at any page).
    func positionsAhead(after fetched: FetchedPage, at position: PagePosition, limit: Int) -> [PagePosition] {
        guard let total = fetched.totalPages, let next = fetched.nextPage else { return [] }
        // After a shrink the fetched page is not at `position` but at its
        // smaller equivalent; after a regrowth the next page is bigger than
        // the fetched one, and the store counted its pages in the fetched size.
        let size = fetched.pageSize ?? perPage
        let records = fetched.totalRecords ?? total * size
        let pages = (records + size - 1) / size
        let last = min(pages, next - 1 + limit, maxPages)
        return last >= next ? (next...last).map { PagePosition(number: $0, size: size) } : []
    }

    var withoutPrefetch: PageNumberPager {
        var plain = self
        plain.prefetcher = nil
        return plain
    }
}
