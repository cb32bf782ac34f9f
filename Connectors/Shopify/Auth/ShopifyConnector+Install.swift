public import AftercartConnector
import AftercartModel
import Foundation

/// A merchant's install of the Dev Dashboard app (`grant = "authorization_code"`).
extension ShopifyConnector: AppInstalling {
    public var isInstalledByMerchant: Bool {
        if case .authorizationCode = settings.credential { return true }
        return false
    }

    /// `{shop}/admin/oauth/authorize` asking for the configured scopes and an
    /// offline token (`grant_options[]` left empty).
    public func authorizationURL(redirectURI: String, state: String) -> String {
        guard case .authorizationCode(let clientID, _, let scopes) = settings.credential else { return "" }
        var components = URLComponents()
        components.queryItems = [
            URLQueryItem(name: "client_id", value: clientID),
            URLQueryItem(name: "scope", value: scopes.joined(separator: ",")),
            URLQueryItem(name: "redirect_uri", value: redirectURI),
            URLQueryItem(name: "state", value: state),
            URLQueryItem(name: "grant_options[]", value: ""),
        ]
        let query = (components.percentEncodedQuery ?? "").replacingOccurrences(of: "+", with: "%2B")
        return settings.baseURL + "/admin/oauth/authorize?" + query
    }

    /// Signed with the client secret, and `shop` is this store's shop: a
    /// `*.myshopify.com` host equal to the configured `shop`, or the host of
    /// `base_url` (an emulator or proxy).
    public func checkSignedQuery(_ query: [String: String]) -> InstallQueryCheck {
        guard let secret = settings.credential.clientSecret, ShopifyQuerySignature.verify(query, secret: secret)
        else { return .badSignature }
        guard let shop = query["shop"]?.lowercased(), shop == settings.shopDomain.lowercased() else {
            return .otherShop
        }
        return .accepted
    }

    public func completeInstall(code: String) async throws -> String {
        guard let app = transport.authorizer as? ShopifyAppTokenAuthorizer else {
            throw ConnectorError.unsupported(
                operation: "installing the app (set grant = \"authorization_code\" with client_id and client_secret)",
                ErrorContext(store: store, resource: "install", platform: platform))
        }
        try await app.tokens.installed(try await app.tokens.endpoint.exchange(code: code))
        return settings.shopDomain
    }
}
