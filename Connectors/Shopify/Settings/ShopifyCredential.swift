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
    /// A Dev Dashboard app the merchant of another organization installs
    /// (`grant = "authorization_code"`): `aftercart serve` takes the
    /// install, keeps the expiring offline token with its refresh token,
    /// and refreshes it. `scopes` are what the install asks for.
    case authorizationCode(clientID: String, clientSecret: Secret, scopes: [String])

    /// What errors call it.
    public var name: String {
        switch self {
        case .accessToken: "access token"
        case .clientCredentials: "app token (from client_id and client_secret)"
        case .authorizationCode: "app token (from the merchant's install of client_id)"
        }
    }

    /// The client secret, which also signs the app's webhooks.
    public var clientSecret: Secret? {
        switch self {
        case .accessToken: nil
        case .clientCredentials(_, let secret), .authorizationCode(_, let secret, _): secret
        }
    }
}
