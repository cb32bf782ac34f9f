/// One kind of write a campaign may make into the store after its email is
/// sent (`push_back = ["order_note", "customer_tag"]`), so the merchant sees
/// in the store's own admin what Aftercart did.
public enum CampaignPushBack: String, Sendable, Hashable, Codable, CaseIterable {
    /// A private note on the order (only the merchant sees it):
    /// `Aftercart: <campaign> email sent <date>`.
    case orderNote = "order_note"
    /// The tag `aftercart-<campaign>` on the customer's account (Shopify);
    /// WooCommerce customers have no tags, so that write ends `skipped`.
    case customerTag = "customer_tag"

    /// What a campaign without `push_back` writes: the order note only.
    public static let defaults: Set<CampaignPushBack> = [.orderNote]
}
