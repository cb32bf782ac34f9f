/// The payload of an `add_order_note` outbox row.
public struct OrderNoteAction: Sendable, Hashable, Codable {
    public var orderID: String
    public var text: String
    /// WooCommerce emails customer-visible notes to the buyer; private notes
    /// are for the merchant only.
    public var customerVisible: Bool

    public init(orderID: String, text: String, customerVisible: Bool) {
        self.orderID = orderID
        self.text = text
        self.customerVisible = customerVisible
    }

    private enum CodingKeys: String, CodingKey {
        case text
        case orderID = "order_id"
        case customerVisible = "customer_visible"
    }
}

/// The payload of a `tag_customer` outbox row.
public struct CustomerTagAction: Sendable, Hashable, Codable {
    public var customerID: String
    public var tags: [String]
    /// Metafields / meta keys to set beside the tags.
    public var meta: [String: String]

    public init(customerID: String, tags: [String], meta: [String: String] = [:]) {
        self.customerID = customerID
        self.tags = tags
        self.meta = meta
    }

    private enum CodingKeys: String, CodingKey {
        case tags, meta
        case customerID = "customer_id"
    }
}
