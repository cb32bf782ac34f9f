/// Where a platform's storefront keeps the pages messages link to, as paths
/// after the store's address with `{product_id}`, `{order_id}`,
/// `{order_number}`, `{order_key}` (the order's guest access key) and
/// `{tracking_number}` placeholders.
public struct StorefrontLinkTemplates: Sendable, Hashable {
    /// A product's page (`/products/{product_id}`).
    public var productPath: String
    /// The page where a buyer follows an order (`/account/orders/{order_id}`).
    public var orderTrackingPath: String

    /// Creates templates; the defaults are bare placeholders at the address.
    public init(productPath: String = "/{product_id}", orderTrackingPath: String = "/{order_id}") {
        self.productPath = productPath
        self.orderTrackingPath = orderTrackingPath
    }
}
