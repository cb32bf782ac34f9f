import Crypto
import Foundation

/// A few text fields sealed with ChaCha20-Poly1305 under a per-install key
/// into one URL-safe token (base64url of nonce, ciphertext and tag).
///
/// Sealed, not only signed: a link forwarded, or logged by a proxy, does
/// not show whose it is; authenticated: nobody can make a token or change
/// one field of it without the key, so links carry no guessable ids.
public struct SealedToken: Sendable {
    /// The 32 key bytes (`SymmetricKey` itself is not `Sendable`).
    private let keyBytes: Data
    private var key: SymmetricKey { SymmetricKey(data: keyBytes) }

    /// A sealer under `secret` (any text; its SHA-256 is the key).
    public init(secret: String) {
        self.keyBytes = Data(SHA256.hash(data: Data(secret.utf8)))
    }

    /// `fields` joined by US (U+001F, which no field may hold) and sealed;
    /// a fresh nonce each time, so two tokens for the same fields differ.
    public func seal(_ fields: [String]) -> String {
        let payload = Data(fields.joined(separator: "\u{1F}").utf8)
        // Sealing with a key and a random nonce of the right sizes cannot fail.
        let box = try! ChaChaPoly.seal(payload, using: key)
        return Self.base64URL(box.combined)
    }

    /// The `count` fields of a token this key sealed, or `nil` for anything
    /// else (forged, altered, cut, another install's, or empty fields).
    public func open(_ token: String, fields count: Int) -> [String]? {
        guard let combined = Self.data(base64URL: token), let box = try? ChaChaPoly.SealedBox(combined: combined),
            let payload = try? ChaChaPoly.open(box, using: key), let text = String(data: payload, encoding: .utf8)
        else { return nil }
        let fields = text.split(separator: "\u{1F}", omittingEmptySubsequences: false).map(String.init)
        guard fields.count == count, !fields.contains(where: \.isEmpty) else { return nil }
        return fields
    }

    /// `publicURL` (without trailing slashes) + `path` + `token`: a link's whole address.
    static func link(_ publicURL: URL, path: String, token: String) -> String {
        var base = publicURL.absoluteString
        while base.hasSuffix("/") { base.removeLast() }
        return base + path + token
    }

    static func base64URL(_ data: Data) -> String {
        data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    static func data(base64URL text: String) -> Data? {
        guard !text.isEmpty, text.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") })
        else { return nil }
        var standard = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while standard.count % 4 != 0 { standard += "=" }
        return Data(base64Encoded: standard)
    }
}
