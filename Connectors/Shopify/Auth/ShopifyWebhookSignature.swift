public import AftercartConnector
public import AftercartModel
import Crypto
public import Foundation

/// Checks Shopify webhook HMACs: `base64(HMAC-SHA256(raw body, secret))`
/// with the app's client secret (Shopify docs, "Verify webhooks").
///
/// Verify the body bytes exactly as delivered, before parsing: re-encoding
/// the JSON changes them. The header comes as `X-Shopify-Hmac-Sha256` or,
/// on newer event deliveries, `Shopify-Hmac-Sha256`, in any letter case.
public enum ShopifyWebhookSignature {
    /// The header names that carry the HMAC, preferred first.
    public static let headerNames = ["X-Shopify-Hmac-Sha256", "Shopify-Hmac-Sha256"]

    /// Whether `hmacBase64` is the HMAC of `body` under `secret`, compared
    /// in constant time. A value that is not base64 is simply wrong.
    public static func verify(body: Data, hmacBase64: String, secret: Secret) -> Bool {
        guard !secret.isEmpty, let expected = Data(base64Encoded: hmacBase64.trimmingCharacters(in: .whitespaces))
        else { return false }
        let key = SymmetricKey(data: Data(secret.revealed().utf8))
        return HMAC<SHA256>.isValidAuthenticationCode(expected, authenticating: body, using: key)
    }

    /// Whether the delivery's HMAC header verifies; `false` without one.
    public static func verify(body: Data, headers: HeaderFields, secret: Secret) -> Bool {
        guard let hmac = hmacHeader(in: headers) else { return false }
        return verify(body: body, hmacBase64: hmac, secret: secret)
    }

    /// The HMAC header's value from either header form, case-insensitively.
    public static func hmacHeader(in headers: HeaderFields) -> String? {
        headerNames.lazy.compactMap { headers[$0] }.first
    }

    /// The same, from a plain dictionary of headers.
    public static func hmacHeader(in headers: [String: String]) -> String? {
        for name in headerNames {
            if let match = headers.first(where: { $0.key.lowercased() == name.lowercased() }) { return match.value }
        }
        return nil
    }

    /// The HMAC Shopify would send for `body`; for tests and mocks.
    public static func signature(body: Data, secret: Secret) -> String {
        let key = SymmetricKey(data: Data(secret.revealed().utf8))
        return Data(HMAC<SHA256>.authenticationCode(for: body, using: key)).base64EncodedString()
    }
}
