public import Foundation

/// The payload of a `withdraw_consent` outbox row: write a customer's
/// marketing opt-out back to the store, so the store's own records (and
/// every later sync) say "no consent" too.
public struct ConsentWithdrawalAction: Sendable, Hashable, Codable {
    /// The lowercased address the customer unsubscribed with.
    public var email: String
    /// When the customer asked; Shopify keeps it as the consent's date.
    public var requestedAt: Date

    public init(email: String, requestedAt: Date) {
        self.email = email
        self.requestedAt = requestedAt
    }

    private enum CodingKeys: String, CodingKey {
        case email
        case requestedAt = "requested_at"
    }
}
