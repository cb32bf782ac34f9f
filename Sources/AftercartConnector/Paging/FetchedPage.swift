/// One raw page as a pager fetched it, before the adapter maps it.
public struct FetchedPage: Sendable {
    /// The page's response. For a page past the end it is a synthetic
    /// `200` with body `[]`, so adapters map every page the same way.
    public var response: TransportResponse
    /// 1-based position of this page in the walk.
    public var pageNumber: Int
    /// The next page number, when a page-number walk has more.
    public var nextPage: Int?
    /// The page size ``nextPage`` counts in when the walk shrank its pages
    /// after a timeout (see ``PageNumberPager``); `nil` while it keeps the
    /// configured size.
    public var pageSize: Int?
    /// The next URL, credentials removed, when a link walk has more. Store
    /// it as ``SyncCursor/pageToken`` to resume.
    public var nextURL: String?
    /// `X-WP-TotalPages` or the configured equivalent.
    public var totalPages: Int?
    /// `X-WP-Total` or the configured equivalent.
    public var totalRecords: Int?
    /// Whether the store answered "past the end" (an empty array or a
    /// 400 `rest_post_invalid_page_number`) rather than with records.
    public var isPastEnd: Bool

    public init(
        response: TransportResponse, pageNumber: Int, nextPage: Int? = nil, nextURL: String? = nil,
        pageSize: Int? = nil, totalPages: Int? = nil, totalRecords: Int? = nil, isPastEnd: Bool = false
    ) {
        self.response = response
        self.pageNumber = pageNumber
        self.nextPage = nextPage
        self.nextURL = nextURL
        self.pageSize = pageSize
        self.totalPages = totalPages
        self.totalRecords = totalRecords
        self.isPastEnd = isPastEnd
    }

    /// Whether another page follows.
    public var hasMore: Bool { nextPage != nil || nextURL != nil }

    /// Progress for the ``ResourcePage`` built from this page.
    public var progress: PageProgress {
        PageProgress(pageNumber: pageNumber, totalPages: totalPages, totalRecords: totalRecords, hasMore: hasMore)
    }

    /// `cursor` moved past this page: continuing at the next page or URL,
    /// or ``SyncCursor/completed()`` after the last one. Call it on a cursor
    /// already ``SyncCursor/advanced(past:)`` the page's records.
    public func cursor(after cursor: SyncCursor) -> SyncCursor {
        if let nextPage { return cursor.continuing(atPage: nextPage, size: pageSize) }
        if let nextURL { return cursor.continuing(atToken: nextURL) }
        return cursor.completed()
    }
}
