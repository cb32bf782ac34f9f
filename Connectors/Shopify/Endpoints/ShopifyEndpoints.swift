import AftercartModel
public import Foundation

/// The REST Admin paths and queries the adapter uses, relative to
/// `/admin/api/{version}/`. Filters go on the first page only: Shopify
/// refuses any parameter but `limit` and `fields` next to `page_info`
/// (Shopify docs, "Paginating REST Admin API requests"), so continuations
/// are built by ``continuation(of:pageInfo:limit:)``.
public enum ShopifyEndpoints {
    /// `shop.json`.
    public static let shop = "shop.json"

    /// `orders.json?status=any&limit=N[&updated_at_min=…]`. `status=any`
    /// always: the default `open` hides closed (archived) and cancelled orders.
    public static func orders(updatedAtMin: Date?, limit: Int) -> String {
        "orders.json" + query([("status", "any"), ("limit", "\(limit)")] + changedSince(updatedAtMin))
    }

    /// `customers.json?limit=N[&updated_at_min=…]`.
    public static func customers(updatedAtMin: Date?, limit: Int) -> String {
        "customers.json" + query([("limit", "\(limit)")] + changedSince(updatedAtMin))
    }

    /// `price_rules.json?limit=N[&updated_at_min=…]`.
    public static func priceRules(updatedAtMin: Date?, limit: Int) -> String {
        "price_rules.json" + query([("limit", "\(limit)")] + changedSince(updatedAtMin))
    }

    /// `price_rules/{id}.json`.
    public static func priceRule(id: String) -> String { "price_rules/\(id).json" }

    /// `price_rules/{id}/discount_codes.json[?limit=N]`.
    public static func discountCodes(priceRuleID: String, limit: Int? = 250) -> String {
        "price_rules/\(priceRuleID)/discount_codes.json" + query(limit.map { [("limit", "\($0)")] } ?? [])
    }

    /// `discount_codes/lookup.json?code=…`, answered with 303 and a `Location`.
    public static func discountCodeLookup(code: String) -> String {
        "discount_codes/lookup.json" + query([("code", code)])
    }

    /// `customers/search.json?query=email:"…"&fields=id,email`.
    public static func customerSearch(email: String) -> String {
        "customers/search.json" + query([("query", "email:\"\(email)\""), ("fields", "id,email")])
    }

    /// `customers/{id}/metafields.json[?namespace=…]`.
    public static func customerMetafields(customerID: String, namespace: String? = nil) -> String {
        "customers/\(customerID)/metafields.json" + query(namespace.map { [("namespace", $0)] } ?? [])
    }

    /// `orders/{id}.json[?fields=…]`.
    public static func order(id: String, fields: String? = nil) -> String {
        "orders/\(id).json" + query(fields.map { [("fields", $0)] } ?? [])
    }

    /// `customers/{id}.json[?fields=…]`.
    public static func customer(id: String, fields: String? = nil) -> String {
        "customers/\(id).json" + query(fields.map { [("fields", $0)] } ?? [])
    }

    /// The next page of `endpoint`: its path with only `limit` and `page_info`.
    public static func continuation(of endpoint: String, pageInfo: String, limit: Int) -> String {
        path(of: endpoint) + query([("limit", "\(limit)"), ("page_info", pageInfo)])
    }

    /// `page_info` of a `Link` target, or `nil`.
    public static func pageInfo(in link: String) -> String? {
        guard let queryStart = link.firstIndex(of: "?") else { return nil }
        let query = link[link.index(after: queryStart)...].prefix { $0 != "#" }
        for item in query.split(separator: "&") {
            let pair = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard pair.count == 2, pair[0] == "page_info" else { continue }
            let value = String(pair[1]).removingPercentEncoding ?? String(pair[1])
            return value.isEmpty ? nil : value
        }
        return nil
    }

    /// `endpoint` without its query.
    static func path(of endpoint: String) -> String {
        String(endpoint.prefix { $0 != "?" })
    }

    /// ISO 8601 in UTC with `Z`, which Shopify reads unambiguously.
    static func queryDate(_ date: Date) -> String { Timestamp.format(date) }

    private static func changedSince(_ date: Date?) -> [(String, String)] {
        date.map { [("updated_at_min", queryDate($0))] } ?? []
    }

    private static let unreserved = CharacterSet(
        charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    private static func query(_ items: [(String, String)]) -> String {
        guard !items.isEmpty else { return "" }
        return "?"
            + items.map { name, value in
                name + "=" + (value.addingPercentEncoding(withAllowedCharacters: unreserved) ?? value)
            }.joined(separator: "&")
    }
}
