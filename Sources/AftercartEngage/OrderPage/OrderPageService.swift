public import AftercartConfig
import AftercartModel
public import AftercartStore
public import Foundation

/// Turns an order-status link into its page: checks the token, reads the
/// order as last synced, picks what to suggest next from the store's
/// co-purchases (filtered as win-back filters them), renders the page in
/// the store's locale and counts the view.
///
/// The co-purchase index comes from the same snapshot the planner reads,
/// kept for ``snapshotLifetime`` per store: rebuilding it for every view
/// would read the whole store each time, and suggestions a few minutes old
/// are as good. The order itself is always read fresh, so a page opened a
/// minute after the confirmation email shows the order.
public actor OrderPageService {
    /// The database the planner uses, which also counts page views.
    public typealias Database = any PlannerDatabase & OrderPageViewStore

    private let links: OrderPageLink
    private let database: Database
    private let stores: [StoreID: StoreConfiguration]
    /// How long a store's co-purchase index is reused.
    public let snapshotLifetime: TimeInterval
    private let now: @Sendable () -> Date
    private var snapshots: [StoreID: (loadedAt: Date, snapshot: StoreSnapshot)] = [:]

    /// Pages for the stores of `configuration` (already applied the stores'
    /// facts, so each page speaks its store's locale and zone).
    public init(
        links: OrderPageLink, database: Database, configuration: AftercartConfiguration,
        snapshotLifetime: TimeInterval = 600, now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.links = links
        self.database = database
        self.stores = Dictionary(configuration.stores.map { ($0.id, $0) }) { first, _ in first }
        self.snapshotLifetime = snapshotLifetime
        self.now = now
    }

    /// The page for `token`, or `nil` when the token is not this install's,
    /// names a store no longer configured, or an order the store does not have.
    public func page(token: String) async throws -> String? {
        guard let (store, orderID) = links.verify(token), let configuration = stores[store],
            let stored = try await database.record(Order.self, store: store, platformID: orderID),
            stored.vanishedAt == nil
        else { return nil }
        let order = stored.record
        let suggestions = try await recommendations(for: order, in: configuration)
        let content = OrderPageContent(
            shop: .init(
                name: configuration.displayName, locale: configuration.locale, timeZone: configuration.timeZone,
                branding: configuration.branding, contact: configuration.sender.contact),
            order: order, deliveryEstimate: configuration.deliveryEstimate.timeInterval,
            recommendations: suggestions, now: now())
        let html = OrderStatusPage.html(content)
        try await database.countOrderPageView(store: store, orderID: orderID, now: now())
        return html
    }

    /// Up to four products others bought with what this customer bought,
    /// leaving out what they already own and what win-back leaves out.
    private func recommendations(for order: Order, in configuration: StoreConfiguration) async throws
        -> [OrderPageContent.Product]
    {
        let snapshot = try await snapshot(of: configuration.id)
        var bought = Set(order.lineItems.compactMap(\.productID))
        if let person = snapshot.personKey(customerID: order.customer.id, email: order.customer.email) {
            for index in snapshot.orderIndexes(of: person) {
                bought.formUnion(snapshot.orders[index].lineItems.compactMap(\.productID))
            }
        }
        let links = StoreLinks(store: configuration)
        return snapshot.recommendations.recommend(for: bought, limit: 4).map { product in
            OrderPageContent.Product(name: product.name, price: product.unitPrice, url: links.product(product.id))
        }
    }

    private func snapshot(of store: StoreID) async throws -> StoreSnapshot {
        if let cached = snapshots[store], now().timeIntervalSince(cached.loadedAt) < snapshotLifetime {
            return cached.snapshot
        }
        let snapshot = try await StoreSnapshot.load(store: store, from: database)
        snapshots[store] = (now(), snapshot)
        return snapshot
    }
}
