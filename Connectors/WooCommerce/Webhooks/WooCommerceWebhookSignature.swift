public import AftercartModel
import Crypto
public import Foundation

/// Checks `X-WC-Webhook-Signature`: `base64(HMAC-SHA256(raw body, secret))`
/// over the body bytes exactly as delivered (WooCommerce REST API docs, "Webhooks").
///
/// Verify before parsing: re-encoding the JSON changes the bytes. The
/// ping WooCommerce sends when a webhook is created (form body
/// `webhook_id=N`, no `X-WC-Webhook-*` headers) carries no signature and
/// must be answered with 2xx without calling this; see ``isPing(body:headers:)``.
public enum WooCommerceWebhookSignature {
    /// The header that carries the signature.
    public static let headerName = "X-WC-Webhook-Signature"

    /// Whether `signature` is the HMAC of `body` under `secret`, compared
    /// in constant time. A signature that is not base64 is simply wrong.
    public static func verify(body: Data, signature: String, secret: Secret) -> Bool {
        guard !secret.isEmpty,
            let expected = Data(base64Encoded: signature.trimmingCharacters(in: .whitespaces))
        else { return false }
        let key = SymmetricKey(data: Data(secret.revealed().utf8))
        return HMAC<SHA256>.isValidAuthenticationCode(expected, authenticating: body, using: key)
    }

    /// The signature WooCommerce would send for `body`; for tests and mocks.
    public static func signature(body: Data, secret: Secret) -> String {
        let key = SymmetricKey(data: Data(secret.revealed().utf8))
        return Data(HMAC<SHA256>.authenticationCode(for: body, using: key)).base64EncodedString()
    }

    /// Whether a delivery is the activation ping: no topic header and a
    /// form body `webhook_id=<digits>`. `headers` are looked up
    /// case-insensitively.
    public static func isPing(body: Data, headers: [String: String]) -> Bool {
        let hasTopic = headers.keys.contains { $0.lowercased() == "x-wc-webhook-topic" }
        guard !hasTopic, body.count < 64 else { return false }
        let text = String(decoding: body, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard text.hasPrefix("webhook_id=") else { return false }
        let id = text.dropFirst("webhook_id=".count)
        return !id.isEmpty && id.allSatisfy(\.isASCII) && id.allSatisfy(\.isNumber)
    }
}
