import Crypto
import Foundation
import NIOConcurrencyHelpers

/// The emulator's side of a merchant installing a Dev Dashboard app (the
/// authorization-code grant): `GET /admin/oauth/authorize` approves at once
/// and sends the browser back to `redirect_uri` with a signed code, and
/// `POST /admin/oauth/access_token` exchanges that code (once) and refreshes.
///
/// As Shopify does: `expiring=1` gives an expiring offline token with a
/// refresh token, without it a token that never expires; only one expiring
/// token per app and shop lives (issuing another revokes the earlier ones);
/// each refresh answers a new refresh token, and the previous one stays
/// usable until its replacement is first used.
final class ShopifyAppInstallLedger: Sendable {
    private struct RefreshToken {
        var expires: Date
        /// The token this one replaced, retired when this one is first used.
        var predecessor: String?
    }

    private struct State {
        var codes: Set<String> = []
        /// Live access tokens and their expiry (`distantFuture`: never).
        var accessTokens: [String: Date] = [:]
        var refreshTokens: [String: RefreshToken] = [:]
        var exchanged = 0
        var refreshed = 0
        var serial = 0
    }

    private let options: ShopifyMockOptions
    private let state = NIOLockedValueBox(State())

    init(options: ShopifyMockOptions) {
        self.options = options
    }

    /// Codes exchanged and refreshes answered.
    var counts: (codes: Int, refreshes: Int) { state.withLockedValue { ($0.exchanged, $0.refreshed) } }

    func accepts(_ token: String?, now: Date = Date()) -> Bool {
        guard let token else { return false }
        return state.withLockedValue { $0.accessTokens[token].map { now < $0 } ?? false }
    }

    /// Forgets every access token (refresh tokens keep working).
    func revokeAccessTokens() { state.withLockedValue { $0.accessTokens.removeAll() } }

    /// Every refresh token stops working.
    func expireRefreshTokens() { state.withLockedValue { $0.refreshTokens.removeAll() } }

    /// `GET /admin/oauth/authorize`: the merchant approves at once.
    func authorize(_ req: MockRequest) -> MockResponse {
        guard let clientID = options.clientID, let secret = options.clientSecret, req.param("client_id") == clientID
        else {
            return ShopifyAppCredentialLedger.oauthError(
                400, "invalid_request", "Oauth error invalid_request: unknown client_id")
        }
        guard let redirect = req.param("redirect_uri"), var target = URLComponents(string: redirect),
            let state = req.param("state")
        else {
            return ShopifyAppCredentialLedger.oauthError(400, "invalid_request", "redirect_uri and state are required")
        }
        let code = next("code_")
        self.state.withLockedValue { _ = $0.codes.insert(code) }
        var query = [
            "code": code, "shop": options.shopDomain, "state": state,
            "host": Data("admin.shopify.com/store/\(options.shopDomain.split(separator: ".")[0])".utf8)
                .base64EncodedString().replacingOccurrences(of: "=", with: ""),
            "timestamp": String(Int(Date().timeIntervalSince1970)),
        ]
        query["hmac"] = Self.sign(query, secret: secret)
        target.queryItems =
            (target.queryItems ?? [])
            + query.sorted { $0.key < $1.key }.map {
                URLQueryItem(name: $0.key, value: $0.value)
            }
        return MockResponse(status: 302, headers: [("Location", target.url?.absoluteString ?? redirect)], body: .init())
    }

    /// The code exchange or a refresh; `nil` for other grants (client credentials).
    func exchange(_ req: MockRequest) -> MockResponse? {
        let fields = ShopifyAppCredentialLedger.fields(of: req)
        let isRefresh = fields["grant_type"] == "refresh_token"
        guard isRefresh || fields["code"] != nil else { return nil }
        guard let clientID = options.clientID, let secret = options.clientSecret, fields["client_id"] == clientID,
            fields["client_secret"] == secret
        else { return ShopifyAppCredentialLedger.oauthError(400, "invalid_client", "Client authentication failed") }
        let now = Date()
        return state.withLockedValue { state -> MockResponse in
            if isRefresh {
                guard let old = fields["refresh_token"], let entry = state.refreshTokens[old], now < entry.expires
                else {
                    return ShopifyAppCredentialLedger.oauthError(
                        400, "invalid_grant", "The refresh token is invalid, expired or revoked")
                }
                if let predecessor = entry.predecessor { state.refreshTokens[predecessor] = nil }
                state.refreshTokens[old]?.predecessor = nil
                state.refreshed += 1
                return issue(&state, expiring: true, replacing: old, now: now)
            }
            guard let code = fields["code"], state.codes.remove(code) != nil else {
                return ShopifyAppCredentialLedger.oauthError(
                    400, "invalid_request", "The authorization code was not found or was already used")
            }
            state.exchanged += 1
            return issue(&state, expiring: fields["expiring"] == "1", replacing: nil, now: now)
        }
    }

    private func issue(_ state: inout State, expiring: Bool, replacing: String?, now: Date) -> MockResponse {
        state.serial += 1
        let token = "shpat_install_\(state.serial)_" + Self.random()
        var w = JSONWriter(style: .plain, capacity: 256)
        w.beginObject()
        w.field("access_token", token)
        w.field("scope", (options.accessScopes ?? ShopifyAccessScopeGate.all).joined(separator: ","))
        if expiring {
            // One live expiring token per app and shop.
            state.accessTokens = state.accessTokens.filter { $0.value == .distantFuture }
            state.accessTokens[token] = now.addingTimeInterval(options.offlineTokenLifetime)
            let refresh = "shprt_\(state.serial)_" + Self.random()
            state.refreshTokens[refresh] = RefreshToken(
                expires: now.addingTimeInterval(options.refreshTokenLifetime), predecessor: replacing)
            w.field("expires_in", Int(options.offlineTokenLifetime.rounded()))
            w.field("refresh_token", refresh)
            w.field("refresh_token_expires_in", Int(options.refreshTokenLifetime.rounded()))
        } else {
            state.accessTokens[token] = .distantFuture
        }
        w.endObject()
        return .json(200, w)
    }

    private func next(_ prefix: String) -> String { prefix + Self.random() }

    private static func random() -> String {
        UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
    }

    /// Hex HMAC-SHA256 over the sorted `name=value` pairs, as Shopify signs its redirects.
    static func sign(_ query: [String: String], secret: String) -> String {
        let message = query.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "&")
        let code = HMAC<SHA256>.authenticationCode(
            for: Data(message.utf8), using: SymmetricKey(data: Data(secret.utf8)))
        return code.map { String(format: "%02x", $0) }.joined()
    }
}
