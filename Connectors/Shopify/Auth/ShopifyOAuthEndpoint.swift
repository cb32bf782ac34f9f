import AftercartConnector
import AftercartModel
import Crypto
import Foundation

/// `POST /admin/oauth/access_token` (unversioned), in its three uses: the
/// client credentials grant, the exchange of an install's code, and the
/// refresh of an expiring offline token. Every answer becomes an
/// ``IssuedCredential`` whose lifetimes count from the ask.
struct ShopifyOAuthEndpoint: Sendable {
    let clientID: String
    let clientSecret: Secret
    let store: StoreID
    /// `{baseURL}/admin/oauth/access_token`.
    let url: String
    /// A transport without an authorizer: these calls carry the client secret instead.
    let transport: HTTPTransport
    let clock: any TransportClock

    /// What every token this endpoint issues is marked as issued to: the
    /// client id keyed with the secret, so a token kept for another app,
    /// or before the secret changed, is not taken for this one.
    var credentialMark: String {
        let code = HMAC<SHA256>.authenticationCode(
            for: Data(clientID.utf8), using: SymmetricKey(data: Data(clientSecret.revealed().utf8)))
        return code.prefix(12).map { String(format: "%02x", $0) }.joined()
    }

    private struct Answer: Decodable {
        var accessToken: String
        var scope: String?
        var expiresIn: Double?
        var refreshToken: String?
        var refreshTokenExpiresIn: Double?

        enum CodingKeys: String, CodingKey {
            case accessToken = "access_token"
            case scope
            case expiresIn = "expires_in"
            case refreshToken = "refresh_token"
            case refreshTokenExpiresIn = "refresh_token_expires_in"
        }
    }

    /// Why the endpoint refused: each use names its own remedy.
    enum Use {
        case clientCredentials, installCode, refresh
    }

    /// A token from the client credentials grant (about a day, no refresh token).
    func clientCredentials() async throws -> IssuedCredential {
        try await ask([("grant_type", "client_credentials")], use: .clientCredentials)
    }

    /// The expiring offline token (`expiring=1`) for an install's `code`.
    func exchange(code: String) async throws -> IssuedCredential {
        try await ask([("code", code), ("expiring", "1")], use: .installCode)
    }

    /// A new access token and a new refresh token for `refreshToken`.
    func refresh(_ refreshToken: Secret) async throws -> IssuedCredential {
        try await ask(
            [("grant_type", "refresh_token"), ("refresh_token", refreshToken.revealed())], use: .refresh)
    }

    private func ask(_ fields: [(String, String)], use: Use) async throws -> IssuedCredential {
        var form = URLComponents()
        form.queryItems =
            [
                URLQueryItem(name: "client_id", value: clientID),
                URLQueryItem(name: "client_secret", value: clientSecret.revealed()),
            ]
            + fields.map { URLQueryItem(name: $0.0, value: $0.1) }
        // `+` is a space in a form: encode it, a token may contain one.
        let body = (form.percentEncodedQuery ?? "").replacingOccurrences(of: "+", with: "%2B")
        // Only the client credentials grant is safe to repeat: a code works
        // once, and a refresh token asked twice leaves one answer unused.
        var request = TransportRequest(
            .post, url: url, body: Data(body.utf8), isIdempotent: use == .clientCredentials,
            resource: "access token")
        request.headers["Content-Type"] = "application/x-www-form-urlencoded"
        request.headers["Accept"] = "application/json"
        // Lifetimes count from the ask, not the answer: a slow answer must
        // not make a token look younger than Shopify thinks it is.
        let asked = clock.date
        let response: TransportResponse
        do {
            response = try await transport.send(request)
        } catch let error as ConnectorError where error.status == 400 || error.status == 401 {
            var context = error.context
            context.diagnosis = Self.diagnosis(use, store: store)
            throw ConnectorError.unauthorized(context)
        }
        // The body holds the token: a decoding error must not quote it.
        guard let answer = try? JSONDecoder().decode(Answer.self, from: response.body), !answer.accessToken.isEmpty
        else {
            throw ConnectorError.decoding(
                field: "access_token", reason: "the token endpoint's answer has no access token",
                transport.errorContext(for: request))
        }
        func after(_ seconds: Double?) -> Date? { seconds.flatMap { $0 > 0 ? asked.addingTimeInterval($0) : nil } }
        return IssuedCredential(
            accessToken: Secret(answer.accessToken), accessExpiresAt: after(answer.expiresIn),
            refreshToken: answer.refreshToken.flatMap { $0.isEmpty ? nil : Secret($0) },
            refreshExpiresAt: after(answer.refreshTokenExpiresIn),
            scopes: (answer.scope ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty },
            issuedAt: asked, issuedTo: credentialMark)
    }

    private static func diagnosis(_ use: Use, store: StoreID) -> String {
        switch use {
        case .clientCredentials:
            // Shopify answers a wrong id or secret with 400 invalid_client.
            "Shopify refused the app's client_id or client_secret, or the app is not installed on this shop; "
                + "copy both from the Dev Dashboard (your app → Settings) and install the app on the shop"
        case .installCode:
            "Shopify refused the install's code (used, expired, or client_id and client_secret of another app); "
                + "open the install link again"
        case .refresh:
            "Shopify refused to refresh the app's token (the refresh token expired or the app was uninstalled)"
        }
    }
}
