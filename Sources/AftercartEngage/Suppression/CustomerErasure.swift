public import AftercartModel
public import AftercartStore
public import Foundation

/// `aftercart forget`: everything still waiting for the customer is
/// cancelled, then their personal data in the database is replaced by a
/// pseudonym (``PersonalDataStore/erasePersonalData(of:store:now:)``).
///
/// Unlike an unsubscribe, no opt-out is queued for the store: writing it
/// needs the address, which must not stay. The store's own copy of the
/// customer is the merchant's to erase in the store.
public struct CustomerErasure: Sendable {
    /// Where the customer's data and the outbox live.
    public var database: any PlannerDatabase

    /// Erasure in `database`.
    public init(database: any PlannerDatabase) {
        self.database = database
    }

    /// What forgetting a customer did.
    public struct Outcome: Sendable, Hashable {
        /// The lowercased address the request was made for.
        public var email: String
        /// Waiting outbox rows (emails, coupons, alerts) moved to `cancelled`.
        public var cancelled: Int
        /// What the erasure rewrote in the database.
        public var erased: PersonalDataErasure
    }

    /// Forgets `email`'s customer in `store` at `now`. Running it again
    /// finds nothing more to cancel or erase.
    ///
    /// - Throws: ``CustomerRequestError`` for an address that is not one;
    ///   persistence errors (each step is one transaction; running it again completes it).
    public func forget(store: StoreID, email: String, now: Date) async throws -> Outcome {
        let address = try CustomerRequests.address(email)
        let waiting = try await CustomerRequests(database: database).cancelWaiting(
            .forgotten, store: store, address: address, now: now)
        let erased = try await database.erasePersonalData(of: address, store: store, now: now)
        return Outcome(email: address, cancelled: waiting.cancelled, erased: erased)
    }
}
