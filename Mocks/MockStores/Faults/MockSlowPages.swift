/// A store that renders big list pages slowly, as a small shared host
/// does (api-facts §8.7: 100 orders took 1.1–1.5 s, 10 took 0.25 s): list
/// requests whose `per_page` is above ``perPageAbove`` answer after
/// ``delay``; smaller pages answer at once.
public struct MockSlowPages: Sendable, Equatable {
    /// Pages larger than this are slow.
    public var perPageAbove: Int
    /// How long a slow page takes.
    public var delay: Duration

    public init(perPageAbove: Int, delay: Duration) {
        self.perPageAbove = perPageAbove
        self.delay = delay
    }

    /// Whether a request asking for `perPage` records per page is slow.
    public func isSlow(perPage: Int?) -> Bool {
        guard let perPage else { return false }
        return perPage > perPageAbove
    }
}
