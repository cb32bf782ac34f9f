/// The GraphQL document that writes a customer's email marketing consent
/// (GraphQL Admin API `customerEmailMarketingConsentUpdate`, scope
/// `write_customers`) and its wire shapes.
enum ShopifyConsentOperations {
    static let withdrawName = "AftercartConsentWithdraw"
    static let withdraw = """
        mutation AftercartConsentWithdraw($input: CustomerEmailMarketingConsentUpdateInput!) {
          customerEmailMarketingConsentUpdate(input: $input) {
            customer { id }
            userErrors { field message code }
          }
        }
        """

    struct Variables: Encodable, Sendable {
        let input: Input
    }

    struct Input: Encodable, Sendable {
        /// `gid://shopify/Customer/{id}`.
        let customerId: String
        let emailMarketingConsent: Consent
    }

    /// Only `SUBSCRIBED`, `UNSUBSCRIBED` and `PENDING` may be set.
    struct Consent: Encodable, Sendable {
        let marketingState: String
        let marketingOptInLevel: String
        /// ISO 8601, when the customer asked.
        let consentUpdatedAt: String
    }
}

/// `data` of ``ShopifyConsentOperations/withdraw``.
struct ShopifyConsentUpdateWire: Decodable, Sendable {
    let customerEmailMarketingConsentUpdate: Payload

    struct Payload: Decodable, Sendable {
        let userErrors: [ShopifyGraphQLUserErrorWire]
    }
}
