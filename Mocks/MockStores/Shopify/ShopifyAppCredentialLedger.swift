import Foundation
import NIOConcurrencyHelpers

/// The emulator's side of a Dev Dashboard app: the client credentials grant
/// at `POST /admin/oauth/access_token` issues tokens that expire after the
/// configured lifetime (Shopify: about a day, `expires_in` 86399, no refresh
/// token), and every authenticated route accepts the static token or one
/// of these while it lives.
final class ShopifyAppCredentialLedger: Sendable {
    private let clientID: String?
    private let clientSecret: String?
    private let lifetime: Double
    private let scopes: [String]
    private let issued = NIOLockedValueBox<[String: Date]>([:])
    private let counter = NIOLockedValueBox(0)

    init(options: ShopifyMockOptions) {
        clientID = options.clientID
        clientSecret = options.clientSecret
        lifetime = options.tokenLifetime
        scopes = options.accessScopes ?? ShopifyAccessScopeGate.all
    }

    /// How many tokens the grant issued.
    var grants: Int { counter.withLockedValue { $0 } }

    /// Forgets every issued token.
    func revokeAll() { issued.withLockedValue { $0.removeAll() } }

    /// Whether `token` is an issued one that has not expired.
    func accepts(_ token: String?, now: Date = Date()) -> Bool {
        guard let token else { return false }
        return issued.withLockedValue { $0[token].map { now < $0 } ?? false }
    }

    /// `POST /admin/oauth/access_token`: a form (as Shopify's docs send it)
    /// or a JSON body (as Shopify's Ruby library does).
    func grant(_ req: MockRequest) -> MockResponse {
        let fields = Self.fields(of: req)
        guard fields["grant_type"] == "client_credentials" else {
            return Self.oauthError(400, "unsupported_grant_type", "grant_type must be client_credentials")
        }
        guard let clientID, let clientSecret, fields["client_id"] == clientID,
            fields["client_secret"] == clientSecret
        else {
            return Self.oauthError(400, "invalid_client", "Client authentication failed")
        }
        let number = counter.withLockedValue { count -> Int in
            count += 1
            return count
        }
        let token = "shpat_grant_\(number)_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        let expires = Date().addingTimeInterval(lifetime)
        issued.withLockedValue { $0[token] = expires }
        var w = JSONWriter(style: .plain, capacity: 256)
        w.beginObject()
        w.field("access_token", token)
        w.field("scope", scopes.joined(separator: ","))
        w.field("expires_in", Int(lifetime.rounded()))
        w.endObject()
        return .json(200, w)
    }

    static func fields(of req: MockRequest) -> [String: String] {
        let body = String(decoding: req.body, as: UTF8.self)
        if req.headers["content-type"]?.contains("json") == true {
            let object = (try? JSONSerialization.jsonObject(with: Data(body.utf8))) as? [String: Any] ?? [:]
            return object.compactMapValues { $0 as? String }
        }
        var components = URLComponents()
        components.percentEncodedQuery = body.replacingOccurrences(of: "+", with: "%20")
        var fields: [String: String] = [:]
        for item in components.queryItems ?? [] { fields[item.name] = item.value ?? "" }
        return fields
    }

    static func oauthError(_ status: Int, _ error: String, _ description: String) -> MockResponse {
        var w = JSONWriter(style: .plain, capacity: 128)
        w.beginObject()
        w.field("error", error)
        w.field("error_description", description)
        w.endObject()
        return .json(status, w)
    }
}
