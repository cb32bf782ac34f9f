import AftercartModel
import Crypto
import Foundation

/// The `hmac` Shopify puts on the requests it sends a merchant's browser
/// to (the App URL, the install callback): hex HMAC-SHA256 keyed with the
/// app's client secret over the other query parameters, sorted by name,
/// each `name=value`, joined with `&`.
enum ShopifyQuerySignature {
    static func sign(_ query: [String: String], secret: Secret) -> String {
        let message = query.filter { $0.key != "hmac" && $0.key != "signature" }.sorted { $0.key < $1.key }
            .map { "\($0.key)=\($0.value)" }.joined(separator: "&")
        let code = HMAC<SHA256>.authenticationCode(
            for: Data(message.utf8), using: SymmetricKey(data: Data(secret.revealed().utf8)))
        return code.map { String(format: "%02x", $0) }.joined()
    }

    /// Whether `query` carries a matching `hmac`, compared in constant time.
    static func verify(_ query: [String: String], secret: Secret) -> Bool {
        guard let given = query["hmac"]?.lowercased(), !given.isEmpty else { return false }
        let expected = sign(query, secret: secret)
        guard given.utf8.count == expected.utf8.count else { return false }
        return zip(given.utf8, expected.utf8).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
