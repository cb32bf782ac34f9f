/// Walks collections that link to their next page in the `Link` header
/// (Shopify REST `page_info`, WordPress).
///
/// Next URLs are used as given, with two exceptions for safety: query
/// credentials are removed (the authorizer adds fresh ones, and the URL
/// may be stored as a cursor), and a link to another origin is re-aimed at
/// the origin of the first request, so credentials never go to a host the
/// merchant did not configure (WordPress links use its configured home
/// URL, which differs behind proxies and port mappings).
public struct LinkPager: Sendable {
    public var transport: HTTPTransport
    public var relation: String
    /// A bound on any walk, against a store that links a page to itself.
    public var maxPages: Int

    public init(transport: HTTPTransport, relation: String = "next", maxPages: Int = 1_000_000) {
        self.transport = transport
        self.relation = relation
        self.maxPages = maxPages
    }

    /// Fetches `request` and finds its next link.
    public func fetch(_ request: TransportRequest, pageNumber: Int = 1) async throws -> FetchedPage {
        let response = try await transport.send(request)
        var next = response.links[relation].map { sanitized($0, relativeTo: request.url) }
        if next == request.url || pageNumber >= maxPages { next = nil }
        return FetchedPage(response: response, pageNumber: pageNumber, nextURL: next)
    }

    /// Every page from `request`, or from `cursor`'s ``SyncCursor/pageToken``
    /// (with `request`'s method and headers) when a walk was in progress.
    /// `map` receives each fetched page with the previous page's cursor
    /// (first: `cursor`), as in ``PageNumberPager/pages(_:cursor:map:)``.
    public func pages(
        first request: TransportRequest, cursor: SyncCursor?,
        map: @escaping @Sendable (FetchedPage, SyncCursor) async throws -> ResourcePage
    ) -> ResourcePages {
        let start = cursor ?? SyncCursor()
        let firstRequest = start.pageToken.map { request.with(url: sanitized($0, relativeTo: request.url)) } ?? request
        return ResourcePages(initial: (firstRequest, 1, start)) { state in
            let (pageRequest, number, previous) = state
            let fetched = try await fetch(pageRequest, pageNumber: number)
            let page = try await map(fetched, previous)
            return (page, fetched.nextURL.map { (pageRequest.with(url: $0), number + 1, page.cursor) })
        }
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
