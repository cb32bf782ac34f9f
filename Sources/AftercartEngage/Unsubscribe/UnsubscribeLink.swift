public import AftercartModel
public import AftercartStore
import Crypto
public import Foundation

/// The one-click unsubscribe link of a marketing email: the server's public
/// address, `/unsubscribe/`, and a token that names the store and the
/// customer's address and is signed with an HMAC-SHA256 under a per-install
/// secret, so nobody can make or alter a link for another address (no
/// guessable ids; a forged token is answered 404 and changes nothing).
///
/// The secret is the install's own, kept in the database beside the coupon
/// secret, so every worker and the server sign and check alike without a
/// setting a merchant could forget (and then send marketing mail without a
/// way out).
public struct UnsubscribeLink: Sendable {
    /// Where links point: `[server] public_url`.
    public var publicURL: URL
    private let secret: Data

    /// The path prefix of links on the server.
    public static let path = "/unsubscribe/"

    public init(publicURL: URL, secret: String) {
        self.publicURL = publicURL
        self.secret = Data(secret.utf8)
    }

    /// The links of this install, its secret read from (or, on first use,
    /// created in) `database`.
    public static func load(publicURL: URL, from database: any PlanningStore) async throws -> UnsubscribeLink {
        let secret = try await database.installSecret(named: "unsubscribe") { SmartCouponCode.makeSecret() }
        return UnsubscribeLink(publicURL: publicURL, secret: secret)
    }

    /// The token for `email` of `store`: base64url of `store` + US + the
    /// lowercased address, a dot, base64url of its MAC.
    public func token(store: StoreID, email: String) -> String {
        let payload = Data("\(store.rawValue)\u{1F}\(email.lowercased())".utf8)
        let mac = Data(HMAC<SHA256>.authenticationCode(for: payload, using: SymmetricKey(data: secret)))
        return Self.base64URL(payload) + "." + Self.base64URL(mac)
    }

    /// The whole link for `email` of `store`.
    public func url(store: StoreID, email: String) -> String {
        var base = publicURL.absoluteString
        while base.hasSuffix("/") { base.removeLast() }
        return base + Self.path + token(store: store, email: email)
    }

    /// The store and address a token names, or `nil` when it is not one this
    /// install signed (forged, altered, cut, or another install's).
    public func verify(_ token: String) -> (store: StoreID, email: String)? {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, let payload = Self.data(base64URL: parts[0]), let mac = Self.data(base64URL: parts[1]),
            HMAC<SHA256>.isValidAuthenticationCode(mac, authenticating: payload, using: SymmetricKey(data: secret)),
            let text = String(data: payload, encoding: .utf8)
        else { return nil }
        let fields = text.split(separator: "\u{1F}", maxSplits: 1, omittingEmptySubsequences: false)
        guard fields.count == 2, !fields[0].isEmpty, !fields[1].isEmpty else { return nil }
        return (StoreID(String(fields[0])), String(fields[1]))
    }

    static func base64URL(_ data: Data) -> String {
        data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    static func data(base64URL text: Substring) -> Data? {
        guard !text.isEmpty, text.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else {
            return nil
        }
        var standard = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while standard.count % 4 != 0 { standard += "=" }
        return Data(base64Encoded: standard)
    }
}
