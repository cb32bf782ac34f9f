/// `customerEmailMarketingConsentUpdate(input: {customerId, emailMarketingConsent:
/// {marketingState, marketingOptInLevel, consentUpdatedAt}})`: sets the customer's
/// `email_marketing_consent` and moves `updated_at`, so an incremental sync sees it.
/// Only `SUBSCRIBED`, `UNSUBSCRIBED` and `PENDING` may be set; anything else, an unknown
/// customer or an unreadable date is refused in `userErrors`, as Shopify does.
extension ShopifyEmulator {
    func updateEmailMarketingConsent(_ op: ShopifyGraphQLOperationText) -> GraphQLResult {
        let field = "customerEmailMarketingConsentUpdate"
        guard let input = op.argument("input", of: field)?.object, let gid = input["customerId"]?.text,
            let consent = input["emailMarketingConsent"]?.object, let stateName = consent["marketingState"]?.text
        else {
            return GraphQLResult(
                actualCost: Self.mutationCost,
                errors: [
                    (
                        "\(field): input.customerId and input.emailMarketingConsent.marketingState are required",
                        "BAD_REQUEST"
                    )
                ])
        }
        func refusal(_ path: [String], _ message: String) -> GraphQLResult {
            mutationUserErrors(field, node: "customer", path: ["input"] + path, message: message, code: "INVALID")
        }
        let states: [String: CustomerRecord.Consent] = [
            "SUBSCRIBED": .subscribed, "UNSUBSCRIBED": .unsubscribed, "PENDING": .pending,
        ]
        guard let newState = states[stateName] else {
            return refusal(["emailMarketingConsent", "marketingState"], "Marketing state is not an accepted value")
        }
        guard let number = Self.gidNumber(gid, type: "Customer"), let c = customerIndex(number) else {
            return refusal(["customerId"], "Customer not found")
        }
        var updatedAt: Int64?
        if let text = consent["consentUpdatedAt"]?.text {
            guard let parsed = ParsedTimestamp.parse(text) else {
                return refusal(["emailMarketingConsent", "consentUpdatedAt"], "Consent updated at is invalid")
            }
            updatedAt = parsed.wallSeconds - Int64(parsed.offsetSeconds ?? 0)
        }
        let level = consent["marketingOptInLevel"]?.text?.lowercased()
        state.mutate { o in
            let now = o.tick()
            var rec = o.customers[c] ?? state.people.customer(c)
            rec.consent = newState
            rec.consentAt = updatedAt ?? now
            rec.writtenOptInLevel = level
            rec.lastWriteAt = now
            o.customers[c] = rec
        }
        events.record(.init(kind: .customer, index: c, event: .updated))
        return GraphQLResult(
            data: { w in
                w.beginObject()
                w.key(field)
                w.beginObject()
                w.key("customer")
                w.beginObject()
                w.field("id", gid)
                w.endObject()
                w.emptyArray("userErrors")
                w.endObject()
                w.endObject()
            }, actualCost: Self.mutationCost)
    }
}
