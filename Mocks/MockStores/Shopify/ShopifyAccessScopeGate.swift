/// Admin API access scopes: what the token was granted (`/admin/oauth/access_scopes.json`)
/// and which scope each REST call needs. A missing scope is answered with Shopify's 403.
enum ShopifyAccessScopeGate {
    /// Every scope the emulator knows; granted when the options name none.
    static let all = [
        "read_orders", "write_orders", "read_all_orders", "read_customers", "write_customers", "read_price_rules",
        "write_price_rules", "read_discounts", "write_discounts", "read_products",
        "read_store_credit_accounts", "read_store_credit_account_transactions",
        "write_store_credit_account_transactions",
    ]

    /// Whether `scope` is covered by `granted`; a `write_` scope includes its `read_`.
    static func grants(_ scope: String, in granted: Set<String>) -> Bool {
        granted.contains(scope) || (scope.hasPrefix("read_") && granted.contains("write_" + scope.dropFirst(5)))
    }

    /// The scope a REST call needs, from its method and path segments (after the version).
    static func required(method: String, segments: [String]) -> String? {
        guard let resource = segments.first else { return nil }
        let reading = method == "GET"
        switch resource {
        case "orders": return reading ? "read_orders" : "write_orders"
        case "customers": return reading ? "read_customers" : "write_customers"
        case "price_rules", "discount_codes": return reading ? "read_price_rules" : "write_price_rules"
        default: return nil
        }
    }

    /// Shopify's refusal of a call the token has no scope for.
    static func denied(_ scope: String, headers: [(String, String)]) -> MockResponse {
        ShopifyEmulator.errors(
            403, "[API] This action requires merchant approval for \(scope) scope.", headers: headers)
    }

    /// `{"access_scopes":[{"handle":"read_orders"}, …]}`.
    static func listing(_ scopes: [String]) -> MockResponse {
        var w = JSONWriter(style: .plain, capacity: 64 + scopes.count * 40)
        w.beginObject()
        w.key("access_scopes")
        w.beginArray()
        for scope in scopes {
            w.beginObject()
            w.field("handle", scope)
            w.endObject()
        }
        w.endArray()
        w.endObject()
        return .json(200, w)
    }
}
