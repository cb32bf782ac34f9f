public import AftercartModel

/// How Aftercart authenticates to a shop's Admin API.
public enum ShopifyCredential: Sendable {
    /// A custom app made in the Shopify admin (no longer possible since
    /// 2026, existing ones keep working): an `shpat_…` token that never expires.
    case accessToken(Secret)
    /// A Dev Dashboard app installed on a shop of its own organization:
    /// Aftercart gets tokens with the client credentials grant and renews
    /// them (they last about a day).
    case clientCredentials(clientID: String, clientSecret: Secret)

    /// What errors call it.
    public var name: String {
        switch self {
        case .accessToken: "access token"
        case .clientCredentials: "app token (from client_id and client_secret)"
        }
    }

    /// The client secret, which also signs the app's webhooks.
    public var clientSecret: Secret? {
        if case .clientCredentials(_, let secret) = self { return secret }
        return nil
    }
}
