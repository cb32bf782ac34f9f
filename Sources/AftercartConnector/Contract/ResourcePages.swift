/// The pages of one read, fetched lazily: each `next()` performs the
/// requests for one page, and nothing is read ahead beyond the few pages
/// ``PagePrefetch`` allows, so a sync of a million orders holds a page or
/// a few in memory and stops cleanly between pages.
///
/// Build one from a state machine with ``init(initial:next:)``;
/// ``ResourceStream`` does that for the common cases.
public struct ResourcePages: AsyncSequence, Sendable {
    public typealias Element = ResourcePage

    private let first: Step

    /// Unfolds pages from `initial`: `next` returns a page and the state
    /// for the following one (`nil` when that page was the last), or `nil`
    /// when there is no page at all.
    public init<State: Sendable>(
        initial: State, next: @escaping @Sendable (State) async throws -> (ResourcePage, State?)?
    ) {
        first = Step.from(initial, next)
    }

    /// Pages that are already in memory (tests, single-request resources).
    public init(_ pages: [ResourcePage]) {
        self.init(initial: 0) { index in
            guard index < pages.count else { return nil }
            return (pages[index], index + 1 < pages.count ? index + 1 : nil)
        }
    }

    /// A sequence that fails on its first `next()`, e.g. with
    /// ``ConnectorError/unsupported(operation:_:)``.
    public init(failing error: any Error) {
        self.init(initial: ()) { _ in throw error }
    }

    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(step: first)
    }

    /// Pulls one page per `next()`.
    public struct AsyncIterator: AsyncIteratorProtocol {
        fileprivate var step: Step?

        public mutating func next() async throws -> ResourcePage? {
            guard let current = step else { return nil }
            // Clear first: a thrown error ends the sequence instead of
            // repeating the failed request on the next call.
            step = nil
            guard let (page, following) = try await current.run() else { return nil }
            step = following
            return page
        }
    }

    /// A type-erased "fetch the next page" thunk; the state lives in its closure.
    fileprivate struct Step: Sendable {
        let run: @Sendable () async throws -> (ResourcePage, Step?)?

        static func from<State: Sendable>(
            _ state: State, _ next: @escaping @Sendable (State) async throws -> (ResourcePage, State?)?
        ) -> Step {
            Step {
                guard let (page, following) = try await next(state) else { return nil }
                return (page, following.map { from($0, next) })
            }
        }
    }
}
