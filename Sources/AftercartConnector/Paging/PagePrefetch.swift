/// How many pages of a walk may be in flight at once.
///
/// A pager created while this is above 1 requests pages ahead while the
/// caller maps and commits the current one: a ``PageNumberPager``, once the
/// store has said how many pages there are (`X-WP-TotalPages`), requests
/// pages *n+1 … n+concurrency* after page *n* arrives; a ``LinkPager``
/// requests the one page its `Link` header names, as a cursor chain allows
/// no more. The caller still receives pages strictly in order, one per
/// `fetch`. The sync engine sets it around `read(_:since:)`, so adapters
/// built on the pagers (or on ``ResourceStream``) get concurrent reads
/// without a change; a walk that the caller abandons (a failed page, a
/// stop) cancels what was fetched ahead, and nothing ahead is ever
/// committed before its turn.
public enum PagePrefetch {
    /// Pages in flight per walk; 1 (the default) reads strictly one at a time.
    @TaskLocal public static var concurrency: Int = 1
}
