public import AftercartModel
public import Foundation

/// What the outcomes report reads: narrow, column-level facts about sent
/// messages, created coupons, orders, reviews, unsubscribes and recorded
/// suppressions, so a report of a large store never decodes whole payloads.
///
/// Orders are read only when they count as bought: not vanished, and not
/// in a status that charged nothing (``OutcomeFactStore/uncharged``).
public protocol OutcomeFactStore: Sendable {
    /// `send_email` rows of `store` that were sent (`done`) in `[from, to)`,
    /// by the time their row turned done.
    func sentEmails(store: StoreID, from: Date, to: Date) async throws -> [SentEmailFact]
    /// `create_coupon` rows of `store` done in `[from, to)`.
    func createdCoupons(store: StoreID, from: Date, to: Date) async throws -> [CreatedCouponFact]
    /// The store's charged orders created in `[from, to)`; with
    /// `couponsOnly`, only those that used a coupon, with their codes (read
    /// from the payload), otherwise without codes.
    func chargedOrders(store: StoreID, from: Date, to: Date, couponsOnly: Bool) async throws -> [OrderFact]
    /// One page of the store's charged orders that have an address (their
    /// address and date only, from one covering index), in address order,
    /// every order of an address in the same page: a page ends before the
    /// first address it could not hold whole (unless that address alone
    /// fills it). `after` is the last address of the previous page.
    func customerOrderPage(store: StoreID, after: String?, limit: Int) async throws -> [CustomerOrderFact]
    /// Reviews of `store` posted in `[from, to)`, whatever their status.
    func postedReviews(store: StoreID, from: Date, to: Date) async throws -> [ReviewFact]
    /// Customers of `store` who unsubscribed through Aftercart in `[from, to)`.
    func unsubscribes(store: StoreID, from: Date, to: Date) async throws -> [UnsubscribeFact]
    /// Occurrences first suppressed in `[from, to)`, counted per campaign and reason.
    func suppressionCounts(store: StoreID, from: Date, to: Date) async throws -> [SuppressionCountFact]
}

extension OutcomeFactStore {
    /// Order statuses that charged nothing or took it all back, left out of
    /// every outcome: unpaid, cancelled, failed and refunded.
    public static var uncharged: [OrderStatus] { [.pending, .cancelled, .failed, .refunded] }
}
