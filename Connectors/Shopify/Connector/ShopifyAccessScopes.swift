/// The Admin API scopes a custom app's token carries
/// (`GET /admin/oauth/access_scopes.json`), compared with what the adapter uses.
struct ShopifyAccessScopesWire: Sendable, Decodable {
    struct Scope: Sendable, Decodable {
        let handle: String
    }

    let accessScopes: [Scope]

    enum CodingKeys: String, CodingKey { case accessScopes = "access_scopes" }
}

/// Which Admin API scopes the adapter needs, for `aftercart check`.
public enum ShopifyAccessScopes {
    /// The path, outside the versioned API.
    static let path = "/admin/oauth/access_scopes.json"

    /// What each part of the adapter needs; a `write_` scope includes its `read_`.
    public static let needed: [(scope: String, purpose: String)] = [
        ("read_orders", "reading orders"),
        ("read_customers", "reading customers and loyalty"),
        ("read_price_rules", "reading coupons"),
        ("read_discounts", "reading coupons"),
        ("write_price_rules", "creating coupons"),
        ("write_discounts", "creating coupons"),
        ("write_orders", "adding order notes"),
        ("write_customers", "tagging customers"),
    ]

    /// One warning per missing scope, plus `read_all_orders`, without which
    /// Shopify shows only the last 60 days of orders.
    public static func warnings(granted: Set<String>) -> [String] {
        func has(_ scope: String) -> Bool {
            granted.contains(scope) || (scope.hasPrefix("read_") && granted.contains("write_" + scope.dropFirst(5)))
        }
        var warnings = needed.filter { !has($0.scope) }.map {
            "the access token lacks scope \($0.scope) (\($0.purpose))"
        }
        if !granted.contains("read_all_orders") {
            warnings.append("the access token lacks scope read_all_orders: orders older than 60 days are not visible")
        }
        return warnings
    }
}
