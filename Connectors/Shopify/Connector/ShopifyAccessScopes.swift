public import AftercartConnector
public import AftercartModel

/// The Admin API scopes a custom app's token carries
/// (`GET /admin/oauth/access_scopes.json`), compared with what the adapter uses.
struct ShopifyAccessScopesWire: Sendable, Decodable {
    struct Scope: Sendable, Decodable {
        let handle: String
    }

    let accessScopes: [Scope]

    enum CodingKeys: String, CodingKey { case accessScopes = "access_scopes" }
}

/// Which Admin API scopes the adapter needs, and what a missing one switches off.
///
/// A missing scope disables only the capabilities that need it (a token without
/// `read_customers` still syncs orders and coupons); each disabled capability gets a
/// warning naming the scope. Scopes that only improve results (`read_all_orders`) or
/// that the adapter asks for as a precaution (`read_discounts`) only warn.
public enum ShopifyAccessScopes {
    /// The path, outside the versioned API.
    static let path = "/admin/oauth/access_scopes.json"

    /// What a scope enables.
    public struct Need: Sendable, Hashable {
        public var scope: String
        public var purpose: String
        /// Resources unreadable without it.
        public var reads: Set<ResourceKind>
        public var writes: ConnectorCapabilities.Writes
        public var loyalty: ConnectorCapabilities.Loyalty

        init(
            _ scope: String, _ purpose: String, reads: Set<ResourceKind> = [],
            writes: ConnectorCapabilities.Writes = [], loyalty: ConnectorCapabilities.Loyalty = []
        ) {
            self.scope = scope
            self.purpose = purpose
            self.reads = reads
            self.writes = writes
            self.loyalty = loyalty
        }

        /// Whether a missing scope only warns.
        public var isAdvisory: Bool { reads.isEmpty && writes.isEmpty && loyalty.isEmpty }
    }

    /// What each part of the adapter needs for `loyalty`; a `write_` scope includes its `read_`.
    /// Coupons are created with `discountCodeBasicCreate` (`write_discounts`) unless
    /// `graphQLDiscounts` is false (a store pinned before 2025-10: REST price rules,
    /// `write_price_rules`).
    public static func needs(loyalty: ShopifyStoreSettings.LoyaltySource = .none, graphQLDiscounts: Bool = true)
        -> [Need]
    {
        var needs = [
            Need("read_orders", "reading orders", reads: [.orders]),
            Need("read_customers", "reading customers and loyalty", reads: [.customers, .loyalty]),
            Need("read_price_rules", "reading coupons", reads: [.coupons], writes: [.findCoupon]),
            Need("read_discounts", "reading coupons"),
            graphQLDiscounts
                ? Need("write_discounts", "creating coupons", writes: [.createCoupon])
                : Need("write_price_rules", "creating coupons", writes: [.createCoupon]),
            Need("write_orders", "adding order notes", writes: [.orderNotes]),
            Need(
                "write_customers", "tagging customers and withdrawing marketing consent",
                writes: [.customerTags, .customerMeta, .marketingConsent]),
        ]
        if case .storeCredit = loyalty {
            needs += [
                Need("read_store_credit_accounts", "reading store credit balances", reads: [.loyalty]),
                Need("read_store_credit_account_transactions", "reading store credit expiry", reads: [.loyalty]),
                Need("write_store_credit_account_transactions", "crediting store credit", loyalty: [.write]),
            ]
        }
        return needs
    }

    /// What an install asks the merchant for when the config names no
    /// `scopes`: every scope the adapter uses, a `read_` one left out when
    /// its `write_` one is there (it includes it). `read_all_orders` needs
    /// Shopify's approval first, so it is only asked for when configured.
    public static func requested(loyalty: ShopifyStoreSettings.LoyaltySource) -> [String] {
        let scopes = needs(loyalty: loyalty).map(\.scope)
        return scopes.filter { !($0.hasPrefix("read_") && scopes.contains("write_" + $0.dropFirst(5))) }
    }

    static func has(_ scope: String, in granted: Set<String>) -> Bool {
        granted.contains(scope) || (scope.hasPrefix("read_") && granted.contains("write_" + scope.dropFirst(5)))
    }

    /// The needs `granted` does not cover.
    public static func missing(
        granted: Set<String>, loyalty: ShopifyStoreSettings.LoyaltySource = .none, graphQLDiscounts: Bool = true
    ) -> [Need] {
        needs(loyalty: loyalty, graphQLDiscounts: graphQLDiscounts).filter { !has($0.scope, in: granted) }
    }

    /// One warning per missing scope, saying what it switches off, plus
    /// `read_all_orders`, without which Shopify shows only the last 60 days of orders.
    public static func warnings(
        granted: Set<String>, loyalty: ShopifyStoreSettings.LoyaltySource = .none, graphQLDiscounts: Bool = true
    ) -> [String] {
        var warnings = missing(granted: granted, loyalty: loyalty, graphQLDiscounts: graphQLDiscounts).map { need in
            "the access token lacks scope \(need.scope) (\(need.purpose))"
                + (need.isAdvisory ? "" : "; disabled: \(disabled(need).joined(separator: ", "))")
        }
        if !granted.contains("read_all_orders") {
            warnings.append("the access token lacks scope read_all_orders: orders older than 60 days are not visible")
        }
        return warnings
    }

    /// `capabilities` without what the missing scopes switch off.
    public static func restrict(
        _ capabilities: ConnectorCapabilities, granted: Set<String>,
        loyalty: ShopifyStoreSettings.LoyaltySource = .none, graphQLDiscounts: Bool = true
    ) -> ConnectorCapabilities {
        var restricted = capabilities
        for need in missing(granted: granted, loyalty: loyalty, graphQLDiscounts: graphQLDiscounts) {
            restricted.readable.subtract(need.reads)
            restricted.incremental.subtract(need.reads)
            restricted.writes.subtract(need.writes)
            restricted.loyalty.subtract(need.loyalty)
        }
        if !restricted.readable.contains(.loyalty) { restricted.loyalty.subtract([.read, .expiry]) }
        return restricted
    }

    /// The first missing scope that switches off reading `resource`.
    static func scope(
        disablingRead resource: ResourceKind, granted: Set<String>, loyalty: ShopifyStoreSettings.LoyaltySource,
        graphQLDiscounts: Bool
    )
        -> String?
    {
        missing(granted: granted, loyalty: loyalty, graphQLDiscounts: graphQLDiscounts).first {
            $0.reads.contains(resource)
        }?.scope
    }

    private static func disabled(_ need: Need) -> [String] {
        var names = ResourceKind.allCases.filter(need.reads.contains).map { "reading \($0.rawValue)" }
        if need.writes.contains(.createCoupon) { names.append("creating coupons") }
        if need.writes.contains(.findCoupon) { names.append("finding coupons") }
        if need.writes.contains(.orderNotes) { names.append("order notes") }
        if need.writes.contains(.customerTags) { names.append("customer tags and meta") }
        if need.loyalty.contains(.write) { names.append("loyalty adjustments") }
        return names
    }
}

extension ShopifyAccessScopes {
    /// The first missing scope that switches off `writes` or the loyalty `loyalty` capability.
    static func scope(
        disabling writes: ConnectorCapabilities.Writes, loyalty capability: ConnectorCapabilities.Loyalty = [],
        granted: Set<String>, loyalty: ShopifyStoreSettings.LoyaltySource, graphQLDiscounts: Bool
    ) -> String? {
        missing(granted: granted, loyalty: loyalty, graphQLDiscounts: graphQLDiscounts).first {
            !$0.writes.isDisjoint(with: writes) || !$0.loyalty.isDisjoint(with: capability)
        }?.scope
    }
}
