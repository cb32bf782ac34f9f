import NIOConcurrencyHelpers

/// When a page-number walk whose pages a timeout shrank asks for bigger
/// pages again.
///
/// Without it, every timeout of a walk would halve its pages for good: a
/// store that times out one request in a hundred at random brings a long
/// walk down to one-record pages after a handful of them, and the next
/// timeout fails the sync. So after ``patience`` pages in a row answered
/// in time at the smaller size, the next page is about twice as big (see
/// ``PagePosition/grown(toward:)``). Each shrink doubles the patience, up to
/// ``maximumPatience``: a store that is slow at every big page costs one
/// timeout per ever longer run of small pages, not one per few pages.
final class PageSizeRecovery: Sendable {
    /// Pages answered in time before the first try at a bigger page.
    static let initialPatience = 4
    /// The longest run of small pages between two tries.
    static let maximumPatience = 512

    private struct State {
        var answeredInARow = 0
        var patience = PageSizeRecovery.initialPatience
    }

    private let state = NIOLockedValueBox(State())

    /// Pages to answer in time before the next try at a bigger page.
    var patience: Int { state.withLockedValue { $0.patience } }

    /// A page timed out and is asked again smaller.
    func shrank() {
        state.withLockedValue { state in
            state.answeredInARow = 0
            state.patience = min(state.patience * 2, Self.maximumPatience)
        }
    }

    /// `next` (the page after one that answered at a shrunk size), or a
    /// bigger page at the same record when the run of pages answered in
    /// time is long enough.
    func position(after next: PagePosition, upTo perPage: Int) -> PagePosition {
        guard next.size < perPage else { return next }
        return state.withLockedValue { state in
            state.answeredInARow += 1
            guard state.answeredInARow >= state.patience, let bigger = next.grown(toward: perPage) else {
                return next
            }
            state.answeredInARow = 0
            return bigger
        }
    }
}
