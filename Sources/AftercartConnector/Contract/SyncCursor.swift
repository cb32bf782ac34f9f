public import AftercartModel
public import Foundation

/// Where a resource's sync stands, stored by the engine after every page
/// and handed back to the adapter unread.
///
/// A run queries "changed since ``updatedAfter``" (minus a lookback, see
/// ``queryStart(lookback:notBefore:)``) and walks pages. While it walks,
/// ``nextPage`` or ``pageToken`` say where to resume and ``highWater``
/// collects the newest change seen; the last page's cursor is
/// ``completed()``, which moves ``updatedAfter`` up to ``highWater``.
/// Adapters keep anything else they need in ``extra``.
public struct SyncCursor: Sendable, Hashable, Codable {
    /// Records changed after this instant are read; `nil` reads everything.
    public var updatedAfter: Date?
    /// The newest ``SyncRecord/updatedAt`` among the records committed in
    /// the run in progress.
    public var highWater: Date?
    /// The next page number of a page-number walk in progress.
    public var nextPage: Int?
    /// The page size ``nextPage`` counts in, when a page-number walk had to
    /// shrink its pages (a page timed out): page `p` of size `n` starts at
    /// record `(p-1)*n`, so a resumed walk must keep that size. `nil`: the
    /// pager's configured size.
    public var pageSize: Int?
    /// The opaque continuation of a cursor walk in progress (a `Link` URL
    /// without credentials, a GraphQL `endCursor`).
    public var pageToken: String?
    /// Adapter-specific state, e.g. the filter a walk started with.
    public var extra: [String: String]

    public init(
        updatedAfter: Date? = nil, highWater: Date? = nil, nextPage: Int? = nil, pageToken: String? = nil,
        extra: [String: String] = [:]
    ) {
        self.updatedAfter = updatedAfter
        self.highWater = highWater
        self.nextPage = nextPage
        self.pageToken = pageToken
        self.extra = extra
    }

    /// ``init(updatedAfter:highWater:nextPage:pageToken:extra:)`` with the
    /// page size a shrunken walk resumes at.
    public init(
        updatedAfter: Date? = nil, highWater: Date? = nil, nextPage: Int?, pageSize: Int?, extra: [String: String] = [:]
    ) {
        self.init(updatedAfter: updatedAfter, highWater: highWater, nextPage: nextPage, extra: extra)
        self.pageSize = pageSize
    }

    /// Whether a run stopped part-way and resumes where it left off.
    public var isWalkInProgress: Bool { nextPage != nil || pageToken != nil }

    /// The lower bound to send to the store: ``updatedAfter`` moved back
    /// by `lookback`, because records changed while the previous run paged
    /// can sort behind its position and be missed; re-reading them is
    /// harmless since upserts are keyed by id. Never earlier than
    /// `notBefore` (a configured start date), and `notBefore` alone on a
    /// first run.
    public func queryStart(lookback: TimeInterval, notBefore: Date? = nil) -> Date? {
        guard let updatedAfter else { return notBefore }
        let start = updatedAfter.addingTimeInterval(-max(lookback, 0))
        guard let notBefore else { return start }
        return max(start, notBefore)
    }

    /// This cursor after `records` were committed: ``highWater`` moves up
    /// to their newest change.
    public func advanced(past records: some Sequence<any SyncRecord>) -> SyncCursor {
        var copy = self
        for record in records { copy.highWater = Self.newest(copy.highWater, record.updatedAt) }
        return copy
    }

    /// This cursor with ``highWater`` moved up to `change` when that is
    /// newer: a change the walk saw on a record it did not hand over
    /// (skipped, or the customer behind a loyalty account).
    public func raisingHighWater(to change: Date?) -> SyncCursor {
        var copy = self
        copy.highWater = Self.newest(highWater, change)
        return copy
    }

    /// The newer of two change times, either of which may be unknown: the
    /// one rule by which ``highWater`` and a page's newest change move.
    public static func newest(_ seen: Date?, _ change: Date?) -> Date? {
        guard let change else { return seen }
        guard let seen else { return change }
        return change > seen ? change : seen
    }

    /// This cursor pointing at the next page number of a walk.
    public func continuing(atPage page: Int) -> SyncCursor {
        continuing(atPage: page, size: nil)
    }

    /// This cursor pointing at page `page` of size `size` (`nil`: the
    /// pager's configured size) of a walk.
    public func continuing(atPage page: Int, size: Int?) -> SyncCursor {
        var copy = self
        copy.nextPage = page
        copy.pageSize = size
        copy.pageToken = nil
        return copy
    }

    /// This cursor pointing at an opaque continuation of a walk.
    public func continuing(atToken token: String) -> SyncCursor {
        var copy = self
        copy.pageToken = token
        copy.nextPage = nil
        copy.pageSize = nil
        return copy
    }

    /// The cursor after the last page: the next run starts from the
    /// newest change seen, and no walk is in progress.
    public func completed() -> SyncCursor {
        var copy = self
        copy.updatedAfter = Self.newest(updatedAfter, highWater)
        copy.highWater = nil
        copy.nextPage = nil
        copy.pageSize = nil
        copy.pageToken = nil
        return copy
    }

    /// The cursor as a compact JSON string, for a database column.
    public func jsonString() throws -> String {
        let data = try ModelJSON.encoder(pretty: false).encode(self)
        return String(decoding: data, as: UTF8.self)
    }

    /// Reads what ``jsonString()`` wrote.
    public init(jsonString: String) throws {
        self = try ModelJSON.decoder().decode(SyncCursor.self, from: Data(jsonString.utf8))
    }

    private enum CodingKeys: String, CodingKey {
        case updatedAfter = "updated_after"
        case highWater = "high_water"
        case nextPage = "next_page"
        case pageSize = "page_size"
        case pageToken = "page_token"
        case extra
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        updatedAfter = try container.decodeIfPresent(Date.self, forKey: .updatedAfter)
        highWater = try container.decodeIfPresent(Date.self, forKey: .highWater)
        nextPage = try container.decodeIfPresent(Int.self, forKey: .nextPage)
        pageSize = try container.decodeIfPresent(Int.self, forKey: .pageSize)
        pageToken = try container.decodeIfPresent(String.self, forKey: .pageToken)
        extra = try container.decodeIfPresent([String: String].self, forKey: .extra) ?? [:]
    }
}
