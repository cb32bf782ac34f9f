public import AftercartConnector
public import Foundation

extension ShopifyConnector {
    /// Sets the email marketing consent of every customer with `email` to
    /// `UNSUBSCRIBED` (`customerEmailMarketingConsentUpdate`), dated `at`.
    /// Shopify keeps consent on the customer only, and an order's buyer is
    /// read through their customer, so a later sync reads "no consent".
    ///
    /// - Throws: ``ConnectorError/unsupported(operation:_:)`` without scope
    ///   `write_customers`; ``ConnectorError/badRequest(status:_:)`` (422)
    ///   naming Shopify's reason when it refuses (`userErrors`).
    public func withdrawMarketingConsent(email: String, at: Date) async throws -> ConsentWithdrawal {
        try await requireWritable(
            [.marketingConsent], operation: "withdrawing marketing consent", resource: "customer consent")
        let address = email.trimmingCharacters(in: .whitespaces).lowercased()
        var written: [String] = []
        for id in try await customerIDs(forEmails: [address], resource: "customer consent") {
            let variables = ShopifyConsentOperations.Variables(
                input: .init(
                    customerId: "gid://shopify/Customer/\(id)",
                    emailMarketingConsent: .init(
                        marketingState: "UNSUBSCRIBED", marketingOptInLevel: "SINGLE_OPT_IN",
                        consentUpdatedAt: ShopifyEndpoints.queryDate(at))))
            // Setting the same state twice changes nothing, so the transport
            // may send it again after a timeout.
            let answer = try await graphQL.execute(
                ShopifyConsentOperations.withdrawName, query: ShopifyConsentOperations.withdraw, variables: variables,
                estimate: 10, resource: "customer consent", isMutation: false, as: ShopifyConsentUpdateWire.self)
            if let refusal = answer.customerEmailMarketingConsentUpdate.userErrors.first {
                var context = ErrorContext(store: store, resource: "customer consent", platform: platform)
                context.platformCode = refusal.code
                let field = refusal.field.map { " (\($0.joined(separator: ".")))" } ?? ""
                context.platformMessage = "customer \(id): " + String(refusal.message.prefix(300)) + field
                throw ConnectorError.badRequest(status: 422, context)
            }
            written.append("customer \(id)")
        }
        return ConsentWithdrawal(written: written)
    }
}
