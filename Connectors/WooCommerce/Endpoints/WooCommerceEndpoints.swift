public import AftercartModel
public import Foundation

/// The reads the WooCommerce adapter makes, one function per resource.
///
/// Choices, with their reasons:
/// - **Orders and coupons** filter on `modified_after` with
///   `dates_are_gmt=true`, never `after`: `after` is the *creation* date,
///   and a sync that uses it never sees an order change status (the bug in
///   airbyte#13824). Without `dates_are_gmt` the store reads the date in
///   its own time zone (WooCommerce REST API docs: `dates_are_gmt`).
/// - **Ordering** is `orderby=id&order=asc` by default, as Airbyte's
///   connector sends: every WooCommerce version accepts it, and with a
///   fixed lower bound new and newly modified records join the set at the
///   end or re-enter it as duplicates, which upserts absorb. `orderby=modified`
///   is offered (``Ordering/modifiedAscending``) but not the default,
///   because the documented `orderby` enum for orders is
///   `date, id, include, title, slug` and not every version accepts it.
/// - **Reviews** have only `after`/`before` (creation date) and default to
///   approved only, so `status=all` is sent: a held one-star review must
///   still reach the suppression rules.
/// - **Customers** have no date filter at all: a full scan, in id order.
/// - Lists ask for `page_size` per page, 100 (WordPress's maximum) unless
///   configured smaller; the pager halves a page that times out.
public enum WooCommerceEndpoints {
    /// The REST namespace, relative to the store's base URL.
    public static let restPrefix = "/wp-json/wc/v3"
    /// The largest page and the default `page_size`: WordPress rejects
    /// larger pages with 400 `rest_invalid_param`.
    public static let perPage = 100

    /// The order in which list pages are requested.
    public enum Ordering: Sendable, Hashable {
        case idAscending
        case modifiedAscending

        var items: [WooCommerceEndpoint.QueryItem] {
            switch self {
            case .idAscending: [.init("orderby", "id"), .init("order", "asc")]
            case .modifiedAscending: [.init("orderby", "modified"), .init("order", "asc")]
            }
        }
    }

    /// `GET /orders` changed after `changedAfter` (everything when `nil`).
    public static func orders(changedAfter: Date?, ordering: Ordering = .idAscending) -> WooCommerceEndpoint {
        WooCommerceEndpoint(
            resource: .orders, path: restPrefix + "/orders",
            query: ordering.items + modifiedFilter(changedAfter), pagination: .pageNumber(perPage: perPage),
            changeFilter: .modifiedAfter)
    }

    /// `GET /orders?status=trash` changed after `changedAfter`, ids only:
    /// the default list (status `any`) never shows a trashed order, even
    /// though trashing moves its `date_modified` (api-facts §8.4).
    public static func trashedOrders(changedAfter: Date?) -> WooCommerceEndpoint {
        WooCommerceEndpoint(
            resource: .orders, path: restPrefix + "/orders",
            query: [.init("status", "trash"), .init("_fields", "id")] + Ordering.idAscending.items
                + modifiedFilter(changedAfter),
            pagination: .pageNumber(perPage: perPage), changeFilter: .modifiedAfter)
    }

    /// `GET /coupons` changed after `changedAfter`.
    public static func coupons(changedAfter: Date?, ordering: Ordering = .idAscending) -> WooCommerceEndpoint {
        WooCommerceEndpoint(
            resource: .coupons, path: restPrefix + "/coupons",
            query: ordering.items + modifiedFilter(changedAfter), pagination: .pageNumber(perPage: perPage),
            changeFilter: .modifiedAfter)
    }

    /// `GET /products/reviews` created after `createdAfter`, every status.
    public static func reviews(createdAfter: Date?) -> WooCommerceEndpoint {
        var query: [WooCommerceEndpoint.QueryItem] = [
            .init("status", "all"), .init("orderby", "id"), .init("order", "asc"),
        ]
        if let createdAfter {
            query += [.init("after", queryDate(createdAfter)), .init("dates_are_gmt", "true")]
        }
        return WooCommerceEndpoint(
            resource: .reviews, path: restPrefix + "/products/reviews", query: query,
            pagination: .pageNumber(perPage: perPage), changeFilter: .createdAfter)
    }

    /// `GET /products` changed after `changedAfter`, ids only. A product's
    /// `date_modified` moves when one of its reviews is created, approved
    /// or deleted (api-facts §8.4), while reviews themselves have no
    /// modified date to filter on.
    public static func products(changedAfter: Date) -> WooCommerceEndpoint {
        WooCommerceEndpoint(
            resource: .reviews, path: restPrefix + "/products",
            query: [.init("_fields", "id")] + Ordering.idAscending.items + modifiedFilter(changedAfter),
            pagination: .pageNumber(perPage: perPage), changeFilter: .modifiedAfter)
    }

    /// `GET /products/reviews` of `productIDs`, every status and date: a
    /// held review approved later has the creation date it always had.
    public static func reviews(ofProducts productIDs: [Int]) -> WooCommerceEndpoint {
        WooCommerceEndpoint(
            resource: .reviews, path: restPrefix + "/products/reviews",
            query: [
                .init("status", "all"), .init("product", productIDs.map(String.init).joined(separator: ",")),
                .init("orderby", "id"), .init("order", "asc"),
            ],
            pagination: .pageNumber(perPage: perPage), changeFilter: .none)
    }

    /// `GET /customers`: a full scan (the endpoint has no date filter).
    /// `resource` is `.loyalty` when the scan is for balances kept in
    /// customer meta.
    public static func customers(for resource: ResourceKind = .customers) -> WooCommerceEndpoint {
        WooCommerceEndpoint(
            resource: resource, path: restPrefix + "/customers",
            query: [.init("orderby", "id"), .init("order", "asc")], pagination: .pageNumber(perPage: perPage),
            changeFilter: .none)
    }

    /// `GET /orders/{id}`, `/coupons/{id}` or `/customers/{id}`: one record
    /// read again by id (a rejected record on a later run); `nil` for a
    /// resource without such a route here.
    public static func record(_ resource: ResourceKind, id: String) -> WooCommerceEndpoint? {
        let collection: String
        switch resource {
        case .orders: collection = "/orders/"
        case .coupons: collection = "/coupons/"
        case .customers: collection = "/customers/"
        case .loyalty, .reviews: return nil
        }
        return WooCommerceEndpoint(
            resource: resource, path: restPrefix + collection + OAuthPercentEncoding.encode(id), pagination: .single,
            changeFilter: .none)
    }

    /// `GET /coupons?code=` — an exact (case-insensitive) code lookup.
    public static func coupon(code: String) -> WooCommerceEndpoint {
        WooCommerceEndpoint(
            resource: .coupons, path: restPrefix + "/coupons", query: [.init("code", code)], pagination: .single,
            changeFilter: .none)
    }

    /// `GET /customers?email=&role=all`: the accounts with an address, of
    /// every role (the list holds `customer` accounts only by default).
    public static func customers(email: String) -> WooCommerceEndpoint {
        WooCommerceEndpoint(
            resource: .customers, path: restPrefix + "/customers",
            query: [.init("email", email), .init("role", "all")], pagination: .single, changeFilter: .none)
    }

    /// `GET /orders` newest first, at most `limit`, of a customer account
    /// (`customer`) or found by a text search (`search`, which matches an
    /// address anywhere in the order, so callers compare `billing.email`).
    public static func latestOrders(customerID: Int? = nil, search: String? = nil, limit: Int) -> WooCommerceEndpoint {
        var query: [WooCommerceEndpoint.QueryItem] = []
        if let customerID { query.append(.init("customer", String(customerID))) }
        if let search { query.append(.init("search", search)) }
        query += [.init("orderby", "date"), .init("order", "desc"), .init("per_page", String(limit))]
        return WooCommerceEndpoint(
            resource: .orders, path: restPrefix + "/orders", query: query, pagination: .single, changeFilter: .none)
    }

    /// Advanced Coupons Loyalty Program, admin route: one customer's points.
    public static func advancedCouponsLoyaltyStatus(userID: String) -> WooCommerceEndpoint {
        WooCommerceEndpoint(
            resource: .loyalty, path: "/wp-json/wc-loyalty-program/v1/customers/status/\(userID)",
            pagination: .single, changeFilter: .none)
    }

    /// Advanced Coupons Loyalty Program, admin route: adjust a customer's
    /// unclaimed points. The plugin documents `type` and `points` as query
    /// parameters of this POST.
    public static func advancedCouponsLoyaltyAdjustment(userID: String, points: Int) -> WooCommerceEndpoint {
        WooCommerceEndpoint(
            resource: .loyalty, path: "/wp-json/wc-loyalty-program/v1/customers/points/\(userID)",
            query: [.init("type", points < 0 ? "decrease" : "increase"), .init("points", String(points.magnitude))],
            pagination: .single, changeFilter: .none)
    }

    /// A date as WooCommerce's filters take it: `YYYY-MM-DDTHH:MM:SS`, UTC
    /// (with `dates_are_gmt=true`), whole seconds rounded down so a record
    /// modified within the same second is read again rather than missed.
    public static func queryDate(_ date: Date) -> String {
        let floored = Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down))
        var text = Timestamp.format(floored)
        if text.hasSuffix("Z") { text.removeLast() }
        return text
    }

    private static func modifiedFilter(_ date: Date?) -> [WooCommerceEndpoint.QueryItem] {
        guard let date else { return [] }
        return [.init("modified_after", queryDate(date)), .init("dates_are_gmt", "true")]
    }
}
