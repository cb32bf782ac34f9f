import Crypto
import Foundation

/// One-legged OAuth 1.0a as WooCommerce implements it for plain-HTTP requests.
///
/// Signing key is `consumer_secret + "&"` (no token secret); the base string is
/// `METHOD&enc(url)&enc(sorted, encoded params)`; the request body is not signed.
enum OAuth1Signature {
    enum Method: String {
        case hmacSHA1 = "HMAC-SHA1"
        case hmacSHA256 = "HMAC-SHA256"
    }

    /// `url` is scheme://host[:port]/path without query; `parameters` are decoded pairs
    /// (query string plus `oauth_*`, without `oauth_signature`).
    static func baseString(method: String, url: String, parameters: [(String, String)]) -> String {
        var encoded: [(key: String, value: String)] = []
        for (key, value) in parameters {
            encoded.append((PercentEncoding.encode(key), PercentEncoding.encode(value)))
        }
        encoded.sort { (a: (key: String, value: String), b: (key: String, value: String)) -> Bool in
            a.key == b.key ? a.value < b.value : a.key < b.key
        }
        let joined = encoded.map { $0.key + "=" + $0.value }.joined(separator: "&")
        return method.uppercased() + "&" + PercentEncoding.encode(url) + "&" + PercentEncoding.encode(joined)
    }

    static func sign(_ baseString: String, consumerSecret: String, method: Method) -> String {
        let key = SymmetricKey(data: Data((consumerSecret + "&").utf8))
        let message = Data(baseString.utf8)
        switch method {
        case .hmacSHA1:
            return Data(HMAC<Insecure.SHA1>.authenticationCode(for: message, using: key)).base64EncodedString()
        case .hmacSHA256:
            return Data(HMAC<SHA256>.authenticationCode(for: message, using: key)).base64EncodedString()
        }
    }

    /// Parses `Authorization: OAuth k="v", ...` into decoded pairs.
    static func parseHeader(_ header: String) -> [(String, String)]? {
        let trimmed = header.trimmingCharacters(in: .whitespaces)
        guard trimmed.lowercased().hasPrefix("oauth ") else { return nil }
        var pairs: [(String, String)] = []
        for part in trimmed.dropFirst(6).split(separator: ",") {
            let item = part.trimmingCharacters(in: .whitespaces)
            guard let eq = item.firstIndex(of: "=") else { continue }
            let key = String(item[..<eq])
            var value = item[item.index(after: eq)...]
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = value.dropFirst().dropLast() }
            if key == "realm" { continue }
            pairs.append(
                (
                    PercentEncoding.decode(Substring(key), plusAsSpace: false),
                    PercentEncoding.decode(value, plusAsSpace: false)
                ))
        }
        return pairs
    }
}
