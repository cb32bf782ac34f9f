public import AftercartModel
public import Foundation

extension SQLPersistence: OrderPageViewStore {
    /// One `engage_state` row per viewed order (kind `order_page_views`,
    /// the count as its value), incremented in place.
    public func countOrderPageView(store: StoreID, orderID: String, now: Date) async throws {
        try await ensurePlannerState()
        try await executor.transaction("counting a view of an order page of \(store)") { connection in
            try await connection.execute(
                """
                INSERT INTO engage_state (store, kind, subject, value, updated_at)
                VALUES (?, 'order_page_views', ?, '1', ?)
                ON CONFLICT (store, kind, subject) DO UPDATE SET
                    value = CAST(CAST(engage_state.value AS INTEGER) + 1 AS TEXT), updated_at = excluded.updated_at
                """,
                [.text(store.rawValue), .text(orderID), .time(now)])
        }
    }

    public func orderPageViews(store: StoreID) async throws -> OrderPageViews {
        try await ensurePlannerState()
        return try await executor.read("reading order page views of \(store)") { connection in
            var views = OrderPageViews(orders: 0, views: 0)
            for row in try await connection.query(
                "SELECT value FROM engage_state WHERE store = ? AND kind = 'order_page_views'",
                [.text(store.rawValue)])
            {
                views.orders += 1
                views.views += Int(try row.text(0)) ?? 0
            }
            return views
        }
    }
}
