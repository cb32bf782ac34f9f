import AftercartConnector
import AftercartModel
import Foundation

/// The Admin API tokens of a Dev Dashboard app, from Shopify's client
/// credentials grant (`POST /admin/oauth/access_token`), kept in memory.
///
/// A token lasts about a day and there is no refresh token: the grant is
/// simply asked again. That happens shortly before the token expires
/// (whichever is sooner of five minutes or a tenth of its life, so a short
/// test lifetime works too) and when the store refuses the token with a 401
/// (revoked, or the app was reinstalled). Callers that ask while a grant is
/// under way wait for that one instead of starting their own.
actor ShopifyAppTokens {
    /// One issued token.
    struct Issued: Sendable {
        var token: Secret
        /// The scopes the grant lists, as Shopify wrote them.
        var scopes: [String]
        /// When it stops working; `nil` when the answer gave no lifetime.
        var expiresAt: Date?
        /// When to ask for the next one.
        var renewAt: Date?

        /// `check`'s line: where the token comes from, its expiry and scopes.
        var summary: String {
            let expiry = expiresAt.map { "expires \($0.formatted(.iso8601))" } ?? "no expiry given"
            let granted = scopes.isEmpty ? "no scopes listed" : "scopes " + scopes.joined(separator: ", ")
            return "token from the client credentials grant, \(expiry), renewed before then; \(granted)"
        }
    }

    private struct GrantAnswer: Decodable {
        var accessToken: String
        var scope: String?
        var expiresIn: Double?

        enum CodingKeys: String, CodingKey {
            case accessToken = "access_token"
            case scope
            case expiresIn = "expires_in"
        }
    }

    let clientID: String
    let clientSecret: Secret
    private let endpoint: String
    private let transport: HTTPTransport
    private let clock: any TransportClock
    private var current: Issued?
    private var grant: Task<Issued, any Error>?

    /// Tokens for the shop at `baseURL` (OAuth endpoints are not versioned),
    /// asked for through `transport` (one without an authorizer).
    init(clientID: String, clientSecret: Secret, baseURL: String, transport: HTTPTransport, clock: any TransportClock) {
        self.clientID = clientID
        self.clientSecret = clientSecret
        self.endpoint = baseURL + "/admin/oauth/access_token"
        self.transport = transport
        self.clock = clock
    }

    /// A token that is not about to expire.
    func token() async throws -> Secret {
        if let current, current.renewAt.map({ clock.date < $0 }) ?? true { return current.token }
        return try await renewed().token
    }

    /// The token in use (asking for one when there is none), for `check`.
    func issued() async throws -> Issued {
        if let current { return current }
        return try await renewed()
    }

    /// The store refused `token`: forget it unless a newer one already
    /// replaced it. Always `true`: the next request gets a fresh token.
    func rejected(_ token: String?) -> Bool {
        if let current, current.token.revealed() == token { self.current = nil }
        return true
    }

    private func renewed() async throws -> Issued {
        if let grant { return try await grant.value }
        let task = Task { try await self.askForToken() }
        grant = task
        defer { grant = nil }
        let issued = try await task.value
        current = issued
        return issued
    }

    private func askForToken() async throws -> Issued {
        var form = URLComponents()
        form.queryItems = [
            URLQueryItem(name: "grant_type", value: "client_credentials"),
            URLQueryItem(name: "client_id", value: clientID),
            URLQueryItem(name: "client_secret", value: clientSecret.revealed()),
        ]
        // A grant changes nothing in the shop, so asking again is harmless.
        var request = TransportRequest(
            .post, url: endpoint, body: Data((form.percentEncodedQuery ?? "").utf8), isIdempotent: true,
            resource: "access token")
        request.headers["Content-Type"] = "application/x-www-form-urlencoded"
        request.headers["Accept"] = "application/json"
        // Lifetimes count from the ask, not the answer: a slow answer must
        // not make a token look younger than Shopify thinks it is.
        let asked = clock.date
        let response: TransportResponse
        do {
            response = try await transport.send(request)
        } catch let error as ConnectorError where error.status == 400 || error.status == 401 {
            // Shopify answers a wrong id or secret with 400 invalid_client.
            var context = error.context
            context.diagnosis =
                "Shopify refused the app's client_id or client_secret, or the app is not installed on this shop; "
                + "copy both from the Dev Dashboard (your app → Settings) and install the app on the shop"
            throw ConnectorError.unauthorized(context)
        }
        // The body holds the token: a decoding error must not quote it.
        guard let answer = try? JSONDecoder().decode(GrantAnswer.self, from: response.body),
            !answer.accessToken.isEmpty
        else {
            throw ConnectorError.decoding(
                field: "access_token", reason: "the token grant's answer has no access token",
                transport.errorContext(for: request))
        }
        let now = asked
        let lifetime = answer.expiresIn.flatMap { $0 > 0 ? $0 : nil }
        return Issued(
            token: Secret(answer.accessToken),
            scopes: (answer.scope ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty },
            expiresAt: lifetime.map { now.addingTimeInterval($0) },
            renewAt: lifetime.map { now.addingTimeInterval($0 - min(300, $0 / 10)) })
    }
}
