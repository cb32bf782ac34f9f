/// How a ``ResourceStream``'s collection pages: the two styles of store
/// REST APIs, each with the pager that walks it.
public enum PagingStyle: Sendable {
    /// `?page=N&per_page=M`, ending when `X-WP-TotalPages` says so or the
    /// store answers past the end; the cursor resumes at
    /// ``SyncCursor/nextPage``. Prefetches several pages once the total is known.
    case pageNumber(PageNumberPager)
    /// `Link: <…>; rel="next"`; the cursor resumes at the next URL, stored
    /// as ``SyncCursor/pageToken``. Prefetches the one next page.
    case link(LinkPager)
}
