/// Marketing consent as Shopify records it (Shopify Admin REST API, Customer
/// `email_marketing_consent`): only
/// `email_marketing_consent.state == "subscribed"` is consent. `pending`
/// (double opt-in not confirmed), `not_subscribed`, `unsubscribed`,
/// `redacted`, `invalid` and a missing record are not. The deprecated
/// `accepts_marketing` and the order's `buyer_accepts_marketing` are not read.
enum ShopifyConsent {
    static func acceptsMarketing(_ consent: ShopifyMarketingConsentWire?) -> Bool {
        consent?.state?.lowercased() == "subscribed"
    }
}
