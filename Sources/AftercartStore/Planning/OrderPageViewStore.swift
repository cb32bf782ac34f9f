public import AftercartModel
public import Foundation

/// How often customers open their order-status pages, counted per order and
/// nothing else (no address, no browser, no time of each view), so the
/// merchant sees whether the page is used without Aftercart keeping who
/// looked when.
public protocol OrderPageViewStore: Sendable {
    /// Adds one view of order `orderID`'s page in `store` at `now`.
    func countOrderPageView(store: StoreID, orderID: String, now: Date) async throws
    /// How many orders of `store` had their page opened, and how many views
    /// they had in all.
    func orderPageViews(store: StoreID) async throws -> OrderPageViews
}

/// The page views of one store's orders.
public struct OrderPageViews: Sendable, Hashable {
    /// Orders whose page was opened at least once.
    public var orders: Int
    /// Views of all of them.
    public var views: Int

    public init(orders: Int, views: Int) {
        self.orders = orders
        self.views = views
    }
}
