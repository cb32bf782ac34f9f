public import AftercartModel
import Foundation

/// Removes credentials from URLs, headers and free text before they reach
/// a log line or an error.
///
/// Three layers, because one is never enough: header names that carry
/// credentials, query items that carry them (WooCommerce keys and OAuth 1
/// signatures), and the literal secret values themselves wherever they
/// appear (an echoing proxy, a Link URL that repeats the query).
public struct Redaction: Sendable {
    /// What replaces a removed value.
    public static let mask = "<redacted>"

    /// Header names whose values are always masked (lower-case).
    public static let defaultHeaderNames: Set<String> = [
        "authorization", "proxy-authorization", "x-shopify-access-token", "cookie", "set-cookie",
        "x-wc-webhook-signature", "x-shopify-hmac-sha256",
    ]

    /// Query item names whose values are always masked (lower-case).
    public static let defaultQueryItemNames: Set<String> = [
        "consumer_key", "consumer_secret", "oauth_consumer_key", "oauth_signature", "oauth_token",
        "access_token", "password", "api_key", "token",
    ]

    public var headerNames: Set<String>
    public var queryItemNames: Set<String>
    /// Kept as ``Secret``s so that printing or dumping a redaction (or a
    /// configuration holding one) shows nothing.
    private var secrets: [Secret]

    /// - Parameter secrets: values to scrub from any text; values shorter
    ///   than 4 characters are ignored, since masking them would mangle
    ///   ordinary words without protecting anything.
    public init(
        secrets: [Secret] = [], headerNames: Set<String> = Redaction.defaultHeaderNames,
        queryItemNames: Set<String> = Redaction.defaultQueryItemNames
    ) {
        self.headerNames = headerNames
        self.queryItemNames = queryItemNames
        self.secrets = Self.normalized(secrets)
    }

    /// The same redaction with more secret values.
    public func adding(secrets more: [Secret]) -> Redaction {
        var copy = self
        copy.secrets = Self.normalized(secrets + more)
        return copy
    }

    /// Unique, long enough, longest first so a secret containing another is masked whole.
    private static func normalized(_ secrets: [Secret]) -> [Secret] {
        Array(Set(secrets.filter { $0.revealed().count >= 4 })).sorted { $0.revealed().count > $1.revealed().count }
    }

    /// Whether a header's value must be masked.
    public func isSensitiveHeader(_ name: String) -> Bool {
        headerNames.contains(name.lowercased())
    }

    /// Whether a query item's value must be masked.
    public func isSensitiveQueryItem(_ name: String) -> Bool {
        queryItemNames.contains(name.lowercased())
    }

    /// `url` with sensitive query values and userinfo masked and secret
    /// values scrubbed.
    public func url(_ url: String) -> String {
        text(rewriteQuery(of: maskUserInfo(url)) { isSensitiveQueryItem($0) ? .mask : .keep })
    }

    /// `url` with sensitive query items removed entirely, for a URL that is
    /// stored (a page token) or sent again after the authorizer re-adds them.
    public func strippingCredentials(from url: String) -> String {
        rewriteQuery(of: url) { isSensitiveQueryItem($0) ? .drop : .keep }
    }

    /// A header's value, masked if the header is sensitive.
    public func header(name: String, value: String) -> String {
        isSensitiveHeader(name) ? Self.mask : text(value)
    }

    /// `text` with every known secret value masked.
    public func text(_ text: String) -> String {
        var result = text
        for secret in secrets {
            let value = secret.revealed()
            if result.contains(value) { result = result.replacingOccurrences(of: value, with: Self.mask) }
        }
        return result
    }

    private func maskUserInfo(_ url: String) -> String {
        guard let schemeEnd = url.range(of: "://") else { return url }
        let authorityEnd = url[schemeEnd.upperBound...].firstIndex(where: { "/?#".contains($0) }) ?? url.endIndex
        guard let at = url[schemeEnd.upperBound..<authorityEnd].lastIndex(of: "@") else { return url }
        return String(url[..<schemeEnd.upperBound]) + Self.mask + String(url[at...])
    }

    private enum ItemAction { case keep, mask, drop }

    /// Rebuilds the query, deciding per item name (percent-decoded).
    private func rewriteQuery(of url: String, _ action: (String) -> ItemAction) -> String {
        guard let questionMark = url.firstIndex(of: "?") else { return url }
        let fragmentStart = url[questionMark...].firstIndex(of: "#") ?? url.endIndex
        let query = url[url.index(after: questionMark)..<fragmentStart]
        let items = query.split(separator: "&", omittingEmptySubsequences: true).compactMap { item -> String? in
            let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let rawName = String(parts[0])
            switch action(rawName.removingPercentEncoding ?? rawName) {
            case .keep: return String(item)
            case .mask: return rawName + "=" + Self.mask
            case .drop: return nil
            }
        }
        let base = String(url[..<questionMark])
        let fragment = String(url[fragmentStart...])
        return items.isEmpty ? base + fragment : base + "?" + items.joined(separator: "&") + fragment
    }
}
