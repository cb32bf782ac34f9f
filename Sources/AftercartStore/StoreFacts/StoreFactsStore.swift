public import AftercartModel
public import Foundation

/// The newest facts a store reported about itself (time zone, currency,
/// language, key permission, webhook statuses), kept between runs so the
/// planner can use what the config leaves out and `status` can warn.
///
/// The facts are opaque JSON here: the adapter contract defines them, and
/// the store keeps whatever the caller encoded.
public protocol StoreFactsStore: Sendable {
    /// Replaces `store`'s facts with `json`, learned at `checkedAt`.
    func saveStoreFacts(_ json: String, store: StoreID, checkedAt: Date) async throws
    /// `store`'s newest facts and when they were learned; `nil` before the first.
    func storeFacts(store: StoreID) async throws -> KeptStoreFacts?
}

/// Facts as kept: the caller's JSON and when the store reported them.
public struct KeptStoreFacts: Sendable, Hashable {
    public var json: String
    public var checkedAt: Date

    public init(json: String, checkedAt: Date) {
        self.json = json
        self.checkedAt = checkedAt
    }
}
