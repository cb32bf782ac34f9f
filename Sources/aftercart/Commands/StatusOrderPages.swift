import AftercartModel
import AftercartStore

/// `status`'s word on the order-status pages: per store, how many orders
/// had their page opened and how many views that made, so the merchant
/// sees whether customers use the page (nothing more is kept).
struct StatusOrderPages: Encodable {
    var store: String
    var orders: Int
    var views: Int

    static func gather(from persistence: any Persistence, stores: [StoreID]) async throws -> [StatusOrderPages] {
        guard let counter = persistence as? any OrderPageViewStore else { return [] }
        var result: [StatusOrderPages] = []
        for store in stores {
            let views = try await counter.orderPageViews(store: store)
            result.append(StatusOrderPages(store: store.rawValue, orders: views.orders, views: views.views))
        }
        return result
    }

    static func text(_ pages: [StatusOrderPages]) -> String {
        guard pages.contains(where: { $0.views > 0 }) else { return "" }
        return "\norder pages: "
            + pages.map { "\($0.store) \($0.views) views of \($0.orders) orders" }.joined(separator: ", ")
    }
}
