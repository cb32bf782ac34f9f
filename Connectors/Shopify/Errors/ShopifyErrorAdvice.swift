public import AftercartConnector

/// Adds what to do to errors Shopify returns, by resource: a 403 names the
/// access scope the custom app lacks, 402 and 423 say the shop is frozen
/// or locked. The transport already maps statuses and reads Shopify's
/// `{"errors": …}` bodies into the message.
public enum ShopifyErrorAdvice {
    /// The Admin API scopes a resource or operation needs.
    public static func scopes(for resource: String?) -> String? {
        switch resource {
        case "orders": "read_orders"
        case "customers", "loyalty": "read_customers"
        case "coupons", "coupon lookup": "read_price_rules and read_discounts"
        case "coupon creation": "write_price_rules and write_discounts"
        case "order note": "write_orders"
        case "customer tags", "customer meta": "write_customers"
        default: nil
        }
    }

    /// `error` with a hint in its platform code when it has none yet.
    public static func advise(_ error: ConnectorError) -> ConnectorError {
        guard case .forbidden(let status, var context) = error, context.platformCode == nil else { return error }
        switch status {
        case 402:
            context.platformCode = "shop frozen: the store's Shopify bill is unpaid"
        case 423:
            context.platformCode = "shop locked by Shopify"
        default:
            guard let scopes = scopes(for: context.resource) else { return error }
            context.platformCode = "missing scope \(scopes)"
        }
        return error.replacingContext(context)
    }
}
