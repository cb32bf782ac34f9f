public import Foundation

/// One Shopify page in the normalized model: the records that map, the
/// ones left out on purpose, and the newest change seen among all of them
/// (so a page of skipped records still moves the cursor).
public struct ShopifyMappedPage<Record: Sendable>: Sendable {
    public var records: [Record]
    public var skipped: [ShopifySkippedRecord]
    public var newestChange: Date?

    public init(records: [Record] = [], skipped: [ShopifySkippedRecord] = [], newestChange: Date? = nil) {
        self.records = records
        self.skipped = skipped
        self.newestChange = newestChange
    }

    mutating func noteChange(_ date: Date?) {
        guard let date else { return }
        if newestChange.map({ date > $0 }) ?? true { newestChange = date }
    }
}

/// A record the adapter read but does not hand to the engine, and why.
public struct ShopifySkippedRecord: Sendable, Hashable {
    public var id: String
    public var reason: String

    public init(id: String, reason: String) {
        self.id = id
        self.reason = reason
    }
}
