public import AftercartModel
public import Foundation

/// A customer's personal data in Aftercart's database: finding it (an
/// export for the customer) and erasing it (`aftercart forget`).
///
/// A customer is found by their address (ignoring case) and by the ids
/// the records carrying it name: their customer records, and the orders
/// and loyalty accounts of those customer ids.
public protocol PersonalDataStore: Sendable {
    /// Who in `store` was forgotten, by keyed hash, for recognising a record that comes back.
    func forgottenCustomers(store: StoreID) async throws -> ForgottenCustomers

    /// Replaces the personal data of `email`'s customer in `store` with a
    /// pseudonym everywhere in the database (records, outbox rows, planner
    /// state, rejected records), cancels their waiting consent writes, and
    /// keeps only a keyed hash of the address so re-synced records are
    /// stored redacted and never planned for. Running it again changes nothing.
    func erasePersonalData(of email: String, store: StoreID, now: Date) async throws -> PersonalDataErasure

    /// Everything the database holds about `email`'s customer in `store`.
    func personalData(of email: String, store: StoreID) async throws -> PersonalDataHeld
}

/// What erasing one customer's personal data changed, row counts per table.
public struct PersonalDataErasure: Sendable, Hashable {
    /// The address that now stands in for theirs.
    public var pseudonym: String
    /// Records rewritten, by resource (loyalty accounts hold no names and are only counted when changed).
    public var records: [ResourceKind: Int] = [:]
    /// Outbox rows whose payload, key or texts were rewritten.
    public var outboxRows = 0
    /// Waiting consent writes (`withdraw_consent`) cancelled: they would need the address.
    public var withdrawalsCancelled = 0
    /// Planner state rows keyed by the address (suppressions) deleted.
    public var plannerRows = 0
    /// Rejected raw records whose JSON was erased.
    public var rejects = 0
    /// Parcel stages and tracked parcels of their orders deleted: a
    /// tracking number leads to the delivery address at the carrier.
    public var parcelRows = 0

    /// Nothing erased yet.
    public init(pseudonym: String) {
        self.pseudonym = pseudonym
    }
}

/// Everything the database holds about one customer of one store.
public struct PersonalDataHeld: Sendable, Hashable {
    public var store: StoreID
    /// Their customer records, orders, reviews and loyalty accounts, as stored (vanished ones too).
    public var records: [StoredPayload] = []
    /// Outbox rows about them: messages, coupons, alerts, store writes.
    public var outbox: [OutboxEntry] = []
    /// Requests recorded by address (`unsubscribed`, `forgotten`).
    public var suppressions: [CustomerSuppression] = []
    /// Whether the address was forgotten (only its keyed hash is kept).
    public var forgotten = false
    /// Views of their orders' status pages, by order id.
    public var orderPageViews: [String: Int] = [:]

    /// Nothing found yet.
    public init(store: StoreID) {
        self.store = store
    }

    /// Whether nothing at all was found.
    public var isEmpty: Bool {
        records.isEmpty && outbox.isEmpty && suppressions.isEmpty && !forgotten && orderPageViews.isEmpty
    }
}
