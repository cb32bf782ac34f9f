import Crypto
import Foundation

/// Stable names derived from an outbox row's idempotency key.
enum MessageIdentity {
    /// A Message-ID that is the same each time the row is sent.
    static func messageID(key: String, domain: String) -> String {
        "<aftercart.\(digest(key, length: 24))@\(domain)>"
    }

    /// A MIME boundary that cannot occur in base64 text.
    static func boundary(messageID: String) -> String {
        "=_aftercart_\(digest(messageID, length: 20))"
    }

    /// A file name for the row: its key made safe, plus a digest so two keys
    /// that clean to the same text stay apart.
    static func fileStem(key: String) -> String {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.")
        let safe = String(key.map { allowed.contains($0) ? $0 : "_" }.prefix(80))
        return "\(safe)-\(digest(key, length: 8))"
    }

    static func digest(_ text: String, length: Int) -> String {
        SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined().prefix(length).description
    }
}
