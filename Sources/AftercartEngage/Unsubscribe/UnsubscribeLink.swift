public import AftercartModel
public import AftercartStore
import Crypto
public import Foundation

/// The one-click unsubscribe link of a marketing email: the server's public
/// address, `/unsubscribe/`, and a token that holds the store and the
/// customer's address sealed with ChaCha20-Poly1305 under a per-install
/// key. Sealed, not only signed: a link forwarded or logged by a proxy
/// does not show whose it is; and authenticated, so nobody can make or
/// alter a link for another address (no guessable ids; a forged token is
/// answered 404 and changes nothing).
///
/// The secret is the install's own, kept in the database beside the coupon
/// secret, so every worker and the server sign and check alike without a
/// setting a merchant could forget (and then send marketing mail without a
/// way out).
public struct UnsubscribeLink: Sendable {
    /// Where links point: `[server] public_url`.
    public var publicURL: URL
    /// The 32 key bytes (`SymmetricKey` itself is not `Sendable`).
    private let keyBytes: Data
    private var key: SymmetricKey { SymmetricKey(data: keyBytes) }

    /// The path prefix of links on the server.
    public static let path = "/unsubscribe/"

    public init(publicURL: URL, secret: String) {
        self.publicURL = publicURL
        // The stored secret is text; its hash is a key of the right size.
        self.keyBytes = Data(SHA256.hash(data: Data(secret.utf8)))
    }

    /// The links of this install, its secret read from (or, on first use,
    /// created in) `database`.
    public static func load(publicURL: URL, from database: any PlanningStore) async throws -> UnsubscribeLink {
        let secret = try await database.installSecret(named: "unsubscribe") { SmartCouponCode.makeSecret() }
        return UnsubscribeLink(publicURL: publicURL, secret: secret)
    }

    /// The token for `email` of `store`: base64url of the sealed box
    /// (nonce, ciphertext of `store` + US + the lowercased address, tag).
    /// A fresh nonce each time, so two links for one address differ.
    public func token(store: StoreID, email: String) -> String {
        let payload = Data("\(store.rawValue)\u{1F}\(email.lowercased())".utf8)
        // Sealing with a key and a random nonce of the right sizes cannot fail.
        let box = try! ChaChaPoly.seal(payload, using: key)
        return Self.base64URL(box.combined)
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
        guard let combined = Self.data(base64URL: Substring(token)),
            let box = try? ChaChaPoly.SealedBox(combined: combined),
            let payload = try? ChaChaPoly.open(box, using: key),
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
