import Foundation

/// A URL the signer cannot work with.
public struct WooCommerceURLError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The URL as given (no credentials are in it yet).
    public var url: String
    /// What is wrong with it.
    public var reason: String

    public var description: String { "\(reason): \(url)" }
}

/// The path and decoded query parameters of a request URL.
struct WooCommerceRequestTarget: Sendable {
    let path: String
    let queryItems: [(String, String)]

    init(url: String) throws {
        guard let components = URLComponents(string: url), components.host != nil else {
            throw WooCommerceURLError(url: url, reason: "not an absolute URL")
        }
        path = components.percentEncodedPath.isEmpty ? "/" : components.percentEncodedPath
        var items: [(String, String)] = []
        for pair in (components.percentEncodedQuery ?? "").split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = OAuthPercentEncoding.decodeQueryComponent(parts[0])
            let value = parts.count > 1 ? OAuthPercentEncoding.decodeQueryComponent(parts[1]) : ""
            items.append((name, value))
        }
        queryItems = items
    }
}
