/// Walks collections that link to their next page in the `Link` header
/// (Shopify REST `page_info`, WordPress).
///
/// Next URLs are used as given, with two exceptions for safety: query
/// credentials are removed (the authorizer adds fresh ones, and the URL
/// may be stored as a cursor), and a link to another origin is re-aimed at
/// the origin of the first request, so credentials never go to a host the
/// merchant did not configure (WordPress links use its configured home
/// URL, which differs behind proxies and port mappings). A platform that
/// allows only some parameters beside its continuation rebuilds the URL
/// instead (``continuation``).
public struct LinkPager: Sendable, Pagination {
    /// Where a link walk is: the URL to request and its 1-based page number.
    struct Position: Sendable {
        var url: String
        var pageNumber: Int
    }

    public var transport: HTTPTransport
    public var relation: String
    /// A bound on any walk, against a store that links a page to itself.
    public var maxPages: Int
    /// The URL to request for a `Link` target or a stored
    /// ``SyncCursor/pageToken``, `nil` when it is not one of this walk's
    /// (a link: the walk ends; a token: the walk starts over). `nil` here
    /// takes the target itself, made safe as described above.
    public var continuation: (@Sendable (_ link: String) -> String?)?
    /// Applied to every failure of a page request, e.g. to name the
    /// permission a 403 lacks.
    public var adviseFailure: @Sendable (ConnectorError) -> ConnectorError
    /// The page requested ahead; `nil` reads one page at a time (see ``PagePrefetch``).
    private(set) var prefetcher: PagePrefetcher?

    public init(
        transport: HTTPTransport, relation: String = "next", maxPages: Int = 1_000_000,
        continuation: (@Sendable (_ link: String) -> String?)? = nil,
        adviseFailure: @escaping @Sendable (ConnectorError) -> ConnectorError = { $0 },
        concurrency: Int = PagePrefetch.concurrency
    ) {
        self.transport = transport
        self.relation = relation
        self.maxPages = maxPages
        self.continuation = continuation
        self.adviseFailure = adviseFailure
        // A cursor chain knows one page ahead at the most.
        self.prefetcher = concurrency > 1 ? PagePrefetcher(limit: 1) : nil
    }

    /// Fetches `request` and finds its next link. With a concurrency above 1
    /// the page may have been fetched ahead already, and the next one is started.
    public func fetch(_ request: TransportRequest, pageNumber: Int = 1) async throws -> FetchedPage {
        try await fetch(request, at: Position(url: request.url, pageNumber: pageNumber))
    }

    /// Every page from `request`, or from `cursor`'s ``SyncCursor/pageToken``
    /// (with `request`'s method and headers) when a walk was in progress.
    /// `map` receives each fetched page with the previous page's cursor
    /// (first: `cursor`), as in ``PageNumberPager/pages(_:cursor:map:)``.
    public func pages(
        first request: TransportRequest, cursor: SyncCursor?,
        map: @escaping @Sendable (FetchedPage, SyncCursor) async throws -> ResourcePage
    ) -> ResourcePages {
        walk(request, cursor: cursor, map: map)
    }

    /// The URL to request for `link`, found on or stored from a page of `base`.
    func follow(_ link: String, from base: String) -> String? {
        guard let continuation else { return sanitized(link, relativeTo: base) }
        return continuation(link)
    }

    func sanitized(_ link: String, relativeTo base: String) -> String {
        let stripped = transport.redaction.strippingCredentials(from: link)
        guard let baseOrigin = URLText.origin(base) else { return stripped }
        guard let linkOrigin = URLText.origin(stripped) else {
            // A relative reference: resolve against the base origin.
            return stripped.hasPrefix("/") ? baseOrigin + stripped : stripped
        }
        if linkOrigin.caseInsensitiveEquals(baseOrigin) { return stripped }
        return baseOrigin + stripped.dropFirst(linkOrigin.count)
    }

    // MARK: Pagination

    func start(of request: TransportRequest, resuming cursor: SyncCursor) -> Position {
        let resumed = cursor.pageToken.flatMap { follow($0, from: request.url) }
        return Position(url: resumed ?? request.url, pageNumber: 1)
    }

    func url(of request: TransportRequest, at position: Position) -> String {
        position.url
    }

    func fetchPage(_ request: TransportRequest, at position: Position) async throws -> FetchedPage {
        let response: TransportResponse
        do {
            response = try await transport.send(request.with(url: position.url))
        } catch let error as ConnectorError {
            throw adviseFailure(error)
        }
        var next = response.links[relation].flatMap { follow($0, from: position.url) }
        if next == position.url || position.pageNumber >= maxPages { next = nil }
        return FetchedPage(response: response, pageNumber: position.pageNumber, nextURL: next)
    }

    func position(after fetched: FetchedPage, at position: Position) -> Position? {
        fetched.nextURL.map { Position(url: $0, pageNumber: position.pageNumber + 1) }
    }

    func positionsAhead(after fetched: FetchedPage, at position: Position, limit: Int) -> [Position] {
        self.position(after: fetched, at: position).map { [$0] } ?? []
    }

    var withoutPrefetch: LinkPager {
        var plain = self
        plain.prefetcher = nil
        return plain
    }
}

/// Small string surgery on absolute URLs, without the allocations and
/// normalisations of `URL`/`URLComponents` that would break opaque cursors.
enum URLText {
    /// `scheme://authority` of an absolute URL; `nil` for a relative one.
    static func origin(_ url: String) -> String? {
        guard let schemeEnd = url.range(of: "://") else { return nil }
        let rest = url[schemeEnd.upperBound...]
        let end = rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) ?? rest.endIndex
        return String(url[..<end])
    }
}
