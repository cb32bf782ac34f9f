public import AftercartModel
import Crypto
public import Foundation

/// The `X-Aftercart-Signature` header: `sha256=` and the lowercase hex
/// HMAC-SHA256 of the raw request body, keyed with `[delivery] webhook_secret`.
public enum WebhookSignature {
    /// The header's name.
    public static let header = "X-Aftercart-Signature"

    /// The header's value for `body`.
    public static func sign(_ body: Data, secret: Secret) -> String {
        let key = SymmetricKey(data: Data(secret.revealed().utf8))
        let mac = HMAC<SHA256>.authenticationCode(for: body, using: key)
        return "sha256=" + mac.map { String(format: "%02x", $0) }.joined()
    }

    /// Whether `signature` is the header value for `body` (compared in
    /// constant time), for receivers written in Swift and for tests.
    public static func isValid(_ signature: String, body: Data, secret: Secret) -> Bool {
        guard signature.hasPrefix("sha256="), let mac = hexBytes(String(signature.dropFirst(7))) else { return false }
        let key = SymmetricKey(data: Data(secret.revealed().utf8))
        return HMAC<SHA256>.isValidAuthenticationCode(mac, authenticating: body, using: key)
    }

    private static func hexBytes(_ text: String) -> [UInt8]? {
        guard text.count % 2 == 0 else { return nil }
        var bytes: [UInt8] = []
        var index = text.startIndex
        while index < text.endIndex {
            let next = text.index(index, offsetBy: 2)
            guard let byte = UInt8(text[index..<next], radix: 16) else { return nil }
            bytes.append(byte)
            index = next
        }
        return bytes
    }
}
