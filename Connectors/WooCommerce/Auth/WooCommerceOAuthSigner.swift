public import AftercartModel
import Crypto
import Foundation

/// Signs requests with WooCommerce's one-legged OAuth 1.0a, the only key
/// authentication WooCommerce accepts over plain HTTP (over HTTPS, Basic
/// auth is simpler; WooCommerce REST API docs, "Authentication").
///
/// What WooCommerce checks, and so what this builds:
/// - parameters `oauth_consumer_key`, `oauth_timestamp`, `oauth_nonce`,
///   `oauth_signature_method`, `oauth_signature`, and no `oauth_version`;
/// - signing key `consumer_secret + "&"` (there is no token secret);
/// - base string `METHOD & enc(base URL) & enc(sorted enc(k)=enc(v) pairs)`
///   over the oauth parameters and the request's own query parameters
///   (the body is not signed), with RFC 3986 percent-encoding;
/// - a base URL built from the store's WordPress **home URL**, with its
///   host and port and the scheme forced to `http`, followed by the
///   requested path. Not the URL actually called: behind a proxy or a port
///   mapping those differ, and only the home URL verifies (OAuthSignerTests).
public struct WooCommerceOAuthSigner: Sendable {
    /// The HMAC WooCommerce accepts.
    public enum SignatureMethod: String, Sendable, Hashable, CaseIterable {
        case hmacSHA256 = "HMAC-SHA256"
        case hmacSHA1 = "HMAC-SHA1"
    }

    /// `ck_…`, sent as `oauth_consumer_key`.
    public let consumerKey: Secret
    /// `cs_…`, never sent: it keys the HMAC.
    public let consumerSecret: Secret
    /// WordPress's home URL (Settings → General → Site Address), e.g.
    /// `https://shop.example.com` or `http://127.0.0.1:8443/shop`.
    public let homeURL: String
    /// HMAC-SHA256 unless the store needs SHA1.
    public let signatureMethod: SignatureMethod

    public init(
        consumerKey: Secret, consumerSecret: Secret, homeURL: String, signatureMethod: SignatureMethod = .hmacSHA256
    ) {
        self.consumerKey = consumerKey
        self.consumerSecret = consumerSecret
        self.homeURL = homeURL
        self.signatureMethod = signatureMethod
    }

    /// `url` with the OAuth parameters appended to its query. `timestamp`
    /// is unix seconds (WooCommerce allows 15 minutes of skew); `nonce`
    /// must be unique per key, see ``makeNonce(using:)``.
    public func sign(method: String, url: String, timestamp: Int, nonce: String) throws -> String {
        let oauth = try oauthParameters(method: method, url: url, timestamp: timestamp, nonce: nonce)
        let query = oauth.map { "\(OAuthPercentEncoding.encode($0.0))=\(OAuthPercentEncoding.encode($0.1))" }
        let (beforeFragment, fragment) = Self.splitFragment(url)
        let separator = beforeFragment.contains("?") ? (beforeFragment.hasSuffix("?") ? "" : "&") : "?"
        return beforeFragment + separator + query.joined(separator: "&") + fragment
    }

    /// The five OAuth parameters, `oauth_signature` last, in the order
    /// they are appended to the URL.
    public func oauthParameters(
        method: String, url: String, timestamp: Int, nonce: String
    ) throws -> [(String, String)] {
        var parameters: [(String, String)] = [
            ("oauth_consumer_key", consumerKey.revealed()),
            ("oauth_nonce", nonce),
            ("oauth_signature_method", signatureMethod.rawValue),
            ("oauth_timestamp", String(timestamp)),
        ]
        let base = try signatureBaseString(method: method, url: url, oauthParameters: parameters)
        parameters.append(("oauth_signature", signature(of: base)))
        return parameters
    }

    /// The string that is signed; exposed for tests and for debugging a
    /// store that answers "Invalid signature".
    public func signatureBaseString(
        method: String, url: String, oauthParameters: [(String, String)]
    ) throws -> String {
        let target = try WooCommerceRequestTarget(url: url)
        let baseURL = try Self.signingBaseURL(homeURL: homeURL, requestPath: target.path)
        var pairs: [(name: String, value: String)] = []
        for (name, value) in target.queryItems + oauthParameters {
            pairs.append((OAuthPercentEncoding.encode(name), OAuthPercentEncoding.encode(value)))
        }
        pairs.sort { lhs, rhs in lhs.name == rhs.name ? lhs.value < rhs.value : lhs.name < rhs.name }
        let parameterString = pairs.map { pair in pair.name + "=" + pair.value }.joined(separator: "&")
        return [
            method.uppercased(), OAuthPercentEncoding.encode(baseURL), OAuthPercentEncoding.encode(parameterString),
        ]
        .joined(separator: "&")
    }

    /// `base64(HMAC(consumer_secret + "&", baseString))`.
    public func signature(of baseString: String) -> String {
        let key = SymmetricKey(data: Data((consumerSecret.revealed() + "&").utf8))
        let message = Data(baseString.utf8)
        switch signatureMethod {
        case .hmacSHA256:
            return Data(HMAC<SHA256>.authenticationCode(for: message, using: key)).base64EncodedString()
        case .hmacSHA1:
            return Data(HMAC<Insecure.SHA1>.authenticationCode(for: message, using: key)).base64EncodedString()
        }
    }

    /// The URL WooCommerce rebuilds to check a signature: `http://` + the
    /// home URL's host and port + its path + the requested path with the
    /// home path removed (WordPress in a subdirectory), as
    /// `get_home_url(null, $request_path)` does.
    static func signingBaseURL(homeURL: String, requestPath: String) throws -> String {
        guard let home = URLComponents(string: homeURL), let host = home.host, !host.isEmpty else {
            throw WooCommerceURLError(url: homeURL, reason: "the store's home URL has no host")
        }
        let hostPort = home.port.map { "\(host):\($0)" } ?? host
        var homePath = home.percentEncodedPath
        while homePath.hasSuffix("/") { homePath.removeLast() }
        var relative = requestPath
        if !homePath.isEmpty, relative.hasPrefix(homePath + "/") {
            relative.removeFirst(homePath.count)
        }
        while relative.hasPrefix("/") { relative.removeFirst() }
        return "http://\(hostPort)\(homePath)/\(relative)"
    }

    /// 32 random letters and digits, as WooCommerce's docs ask.
    public static func makeNonce<Generator: RandomNumberGenerator>(using generator: inout Generator) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
        return String((0..<32).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] })
    }

    /// A nonce from the system's secure generator.
    public static func makeNonce() -> String {
        var generator = SystemRandomNumberGenerator()
        return makeNonce(using: &generator)
    }

    private static func splitFragment(_ url: String) -> (String, String) {
        guard let hash = url.firstIndex(of: "#") else { return (url, "") }
        return (String(url[..<hash]), String(url[hash...]))
    }
}
