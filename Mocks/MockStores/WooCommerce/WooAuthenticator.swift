import Foundation
import NIOConcurrencyHelpers

/// WooCommerce REST authentication, as observed on real stores (WooCommerce REST API docs, "Authentication"):
/// over HTTPS Basic auth or `consumer_key`/`consumer_secret` query parameters; over plain
/// HTTP only one-legged OAuth 1.0a signed against the *home URL*, Basic being ignored.
final class WooAuthenticator: Sendable {
    let consumerKey: String
    let consumerSecret: String
    let homeURL: String
    let permission: MockKeyPermission
    private let nonces = NIOLockedValueBox<[String: Int64]>([:])

    init(consumerKey: String, consumerSecret: String, homeURL: String, permission: MockKeyPermission = .readWrite) {
        self.consumerKey = consumerKey
        self.permission = permission
        self.consumerSecret = consumerSecret
        self.homeURL = homeURL.hasSuffix("/") ? String(homeURL.dropLast()) : homeURL
    }

    enum Outcome: Equatable {
        case authenticated
        /// No usable credentials: WordPress treats the request as anonymous.
        case anonymous
        case rejected(code: String, message: String)
    }

    func authenticate(_ request: MockRequest, wallClock: Int64) -> Outcome {
        let outcome = request.isHTTPS ? basic(request) : oauth(request, wallClock: wallClock)
        guard outcome == .authenticated else { return outcome }
        return permissionOutcome(method: request.method)
    }

    /// WooCommerce checks the key's permission in `rest_pre_dispatch`, before
    /// any route is matched, so a refused write touches nothing and even an
    /// unregistered route answers 401 (api-facts §8.5). OPTIONS is always allowed.
    private func permissionOutcome(method: String) -> Outcome {
        switch (permission, method) {
        case (_, "OPTIONS"), (.readWrite, _):
            return .authenticated
        case (.read, "GET"), (.read, "HEAD"):
            return .authenticated
        case (.read, _):
            return .rejected(
                code: "woocommerce_rest_authentication_error",
                message: "The API key provided does not have write permissions.")
        case (.write, "GET"), (.write, "HEAD"):
            return .rejected(
                code: "woocommerce_rest_authentication_error",
                message: "The API key provided does not have read permissions.")
        case (.write, _):
            return .authenticated
        }
    }

    private func basic(_ request: MockRequest) -> Outcome {
        var key: String?
        var secret: String?
        if let auth = request.headers["authorization"], auth.lowercased().hasPrefix("basic "),
            let decoded = Data(base64Encoded: String(auth.dropFirst(6)).trimmingCharacters(in: .whitespaces)),
            let text = String(data: decoded, encoding: .utf8), let colon = text.firstIndex(of: ":")
        {
            key = String(text[..<colon])
            secret = String(text[text.index(after: colon)...])
        } else if let k = request.param("consumer_key"), let s = request.param("consumer_secret") {
            key = k
            secret = s
        }
        guard let key, let secret else { return .anonymous }
        // An unknown key is silently ignored, which reads as "not allowed" later.
        guard key == consumerKey else { return .anonymous }
        guard secret == consumerSecret else {
            return .rejected(code: "woocommerce_rest_authentication_error", message: "Consumer secret is invalid.")
        }
        return .authenticated
    }

    private func oauth(_ request: MockRequest, wallClock: Int64) -> Outcome {
        var params = request.query.map { ($0.name, $0.value) }
        if let header = request.headers["authorization"], let headerParams = OAuth1Signature.parseHeader(header) {
            params += headerParams
        }
        let oauthParams = params.filter { $0.0.hasPrefix("oauth_") }
        guard !oauthParams.isEmpty else { return .anonymous }
        func value(_ name: String) -> String? { params.first { $0.0 == name }?.1 }
        let required = [
            "oauth_consumer_key", "oauth_timestamp", "oauth_nonce", "oauth_signature", "oauth_signature_method",
        ]
        let missing = required.filter { value($0) == nil }
        guard missing.isEmpty else {
            return .rejected(
                code: "woocommerce_rest_authentication_error",
                message: "\(missing.joined(separator: ", ")) parameter is missing")
        }
        guard value("oauth_consumer_key") == consumerKey else {
            return .rejected(code: "woocommerce_rest_authentication_error", message: "Consumer key is invalid.")
        }
        guard let method = OAuth1Signature.Method(rawValue: value("oauth_signature_method") ?? "") else {
            return .rejected(
                code: "woocommerce_rest_authentication_error",
                message: "Invalid signature - signature method is invalid.")
        }
        let provided = value("oauth_signature") ?? ""
        let signed = params.filter { $0.0 != "oauth_signature" }
        let url = signingURL(path: request.path, https: false)
        let base = OAuth1Signature.baseString(method: request.method, url: url, parameters: signed)
        let expected = OAuth1Signature.sign(base, consumerSecret: consumerSecret, method: method)
        guard expected == provided.replacingOccurrences(of: " ", with: "+") else {
            return .rejected(
                code: "woocommerce_rest_authentication_error",
                message: "Invalid signature - provided signature does not match.")
        }
        guard let ts = Int64(value("oauth_timestamp") ?? ""), abs(wallClock - ts) <= 15 * 60 else {
            return .rejected(code: "woocommerce_rest_authentication_error", message: "Invalid timestamp.")
        }
        let nonce = value("oauth_nonce") ?? ""
        let reused = nonces.withLockedValue { seen -> Bool in
            if seen[nonce] != nil { return true }
            if seen.count > 100_000 { seen = seen.filter { wallClock - $0.value <= 15 * 60 } }
            seen[nonce] = ts
            return false
        }
        if reused {
            return .rejected(
                code: "woocommerce_rest_authentication_error", message: "Invalid nonce - nonce has already been used.")
        }
        return .authenticated
    }

    /// Home URL with the scheme forced to the request's (WordPress `get_home_url(..., scheme)`).
    func signingURL(path: String, https: Bool) -> String {
        var base = homeURL
        if let r = base.range(of: "://") { base = String(base[r.upperBound...]) }
        return (https ? "https://" : "http://") + base + path
    }

    func resetNonces() { nonces.withLockedValue { $0.removeAll() } }
}
