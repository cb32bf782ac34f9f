import AftercartConnector
import Foundation

/// Where a bulk backfill stands, kept in the resource's ``SyncCursor/extra``: the
/// operation's id, when it started, and the byte offset of the next unread root line.
///
/// The file's URL is not stored: it is a signed link to the shop's data, valid for days,
/// and a resumed run asks the operation for it again (one GraphQL call).
struct ShopifyBulkCheckpoint: Sendable, Equatable {
    static let operationKey = "bulk_operation"
    static let startedKey = "bulk_started_at"
    static let offsetKey = "bulk_offset"
    /// The ``SyncCursor/pageToken`` of a backfill in progress, so the engine and the REST
    /// walk both see a walk under way.
    static let pageToken = "bulk"

    var operationID: String
    var startedAt: Date?
    var offset: Int64

    init(operationID: String, startedAt: Date?, offset: Int64) {
        self.operationID = operationID
        self.startedAt = startedAt
        self.offset = offset
    }

    /// The checkpoint a cursor carries, if any.
    init?(_ cursor: SyncCursor) {
        guard let id = cursor.extra[Self.operationKey], let offset = cursor.extra[Self.offsetKey].flatMap(Int64.init)
        else { return nil }
        self.init(operationID: id, startedAt: cursor.extra[Self.startedKey].flatMap(Self.parse), offset: offset)
    }

    /// `cursor` pointing at this checkpoint.
    func storing(in cursor: SyncCursor) -> SyncCursor {
        var copy = cursor.continuing(atToken: Self.pageToken)
        copy.extra[Self.operationKey] = operationID
        copy.extra[Self.offsetKey] = String(offset)
        copy.extra[Self.startedKey] = startedAt.map { Self.format($0) }
        return copy
    }

    /// `cursor` after the whole file: no walk, and the next run reads what changed since
    /// the operation started (the shop's clock), or since the newest change seen when
    /// Shopify did not say when it started.
    static func finished(_ cursor: SyncCursor, startedAt: Date?) -> SyncCursor {
        var copy = removed(from: cursor)
        if let startedAt {
            copy.updatedAfter = startedAt
            copy.highWater = nil
        }
        return copy.completed()
    }

    /// `cursor` without any backfill state.
    static func removed(from cursor: SyncCursor) -> SyncCursor {
        var copy = cursor
        for key in [operationKey, offsetKey, startedKey] { copy.extra[key] = nil }
        if copy.pageToken == pageToken { copy.pageToken = nil }
        return copy
    }

    static func parse(_ text: String) -> Date? { ISO8601DateFormatter().date(from: text) }
    static func format(_ date: Date) -> String { ISO8601DateFormatter().string(from: date) }
}
