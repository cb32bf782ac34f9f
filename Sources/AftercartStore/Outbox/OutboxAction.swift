/// What an outbox row asks the delivery executor to do.
public enum OutboxAction: String, Sendable, Hashable, Codable, CaseIterable {
    /// Create a smart coupon in the store (looked up by its deterministic code first).
    case createCoupon = "create_coupon"
    /// Send an email through the configured channel.
    case sendEmail = "send_email"
    /// Add a note to an order in the store.
    case addOrderNote = "add_order_note"
    /// Tag a customer in the store.
    case tagCustomer = "tag_customer"
    /// Tell the merchant's support about an unhappy customer.
    case supportAlert = "support_alert"
    /// Write a customer's marketing opt-out back to the store's consent field.
    case withdrawConsent = "withdraw_consent"
}
