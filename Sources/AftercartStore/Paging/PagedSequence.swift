/// An async sequence over keyset pages: it fetches one page at a time, when
/// the consumer gets to it, so an export of a million rows holds one page
/// in memory.
///
/// The fetch closure gets the cursor of the previous page (`nil` first) and
/// returns the next page's items with the cursor to continue after, `nil`
/// on the last page. No task is spawned: cancelling the consuming task stops
/// the reads.
public struct PagedSequence<Element: Sendable, Cursor: Sendable>: AsyncSequence, Sendable {
    /// Fetches the page after a cursor.
    public typealias Fetch = @Sendable (_ after: Cursor?) async throws -> (items: [Element], next: Cursor?)

    private let fetch: Fetch

    /// Creates a sequence from a page fetcher.
    public init(fetch: @escaping Fetch) {
        self.fetch = fetch
    }

    public func makeAsyncIterator() -> Iterator {
        Iterator(fetch: fetch)
    }

    /// Walks the pages, refilling its buffer when it runs dry.
    public struct Iterator: AsyncIteratorProtocol {
        private let fetch: Fetch
        private var buffer: [Element] = []
        private var index = 0
        private var after: Cursor?
        private var exhausted = false

        init(fetch: @escaping Fetch) {
            self.fetch = fetch
        }

        public mutating func next() async throws -> Element? {
            while index == buffer.count {
                if exhausted { return nil }
                try Task.checkCancellation()
                let page = try await fetch(after)
                buffer = page.items
                index = 0
                after = page.next
                exhausted = page.next == nil
            }
            defer { index += 1 }
            return buffer[index]
        }
    }
}
