public import AftercartModel
import Foundation

/// Adds credentials to a request, once per attempt: a signature with a
/// nonce (WooCommerce OAuth 1.0a) must be fresh on every retry, and a URL
/// kept between pages must never carry credentials.
public protocol RequestAuthorizer: Sendable {
    func authorize(_ request: inout TransportRequest) async throws
    /// Values that must never be logged; the transport scrubs them everywhere.
    var secrets: [Secret] { get }
    /// The store answered 401 to `request` as it was sent (credentials
    /// included). An authorizer whose credentials expire (a token from an
    /// OAuth grant) drops the one it sent and returns `true`; the transport
    /// then sends the request once more with fresh credentials. A fixed
    /// credential returns `false` (the default): sending it again cannot help.
    func credentialsRejected(_ request: TransportRequest) async -> Bool
}

extension RequestAuthorizer {
    public func credentialsRejected(_ request: TransportRequest) async -> Bool { false }
}

/// A header carrying a token, e.g. `X-Shopify-Access-Token`.
public struct HeaderTokenAuthorizer: RequestAuthorizer {
    public var name: String
    public var token: Secret

    public init(name: String, token: Secret) {
        self.name = name
        self.token = token
    }

    public func authorize(_ request: inout TransportRequest) async throws {
        request.headers[name] = token.revealed()
    }

    public var secrets: [Secret] { [token] }
}

/// HTTP Basic, e.g. WooCommerce keys over HTTPS.
public struct BasicAuthorizer: RequestAuthorizer {
    public var username: Secret
    public var password: Secret

    public init(username: Secret, password: Secret) {
        self.username = username
        self.password = password
    }

    public func authorize(_ request: inout TransportRequest) async throws {
        let pair = Array("\(username.revealed()):\(password.revealed())".utf8)
        request.headers["Authorization"] = "Basic " + Data(pair).base64EncodedString()
    }

    public var secrets: [Secret] {
        let pair = Array("\(username.revealed()):\(password.revealed())".utf8)
        return [username, password, Secret(Data(pair).base64EncodedString())]
    }
}

/// Credentials as query items, e.g. WooCommerce `consumer_key` and
/// `consumer_secret` when a server drops the `Authorization` header.
public struct QueryItemAuthorizer: RequestAuthorizer {
    public var items: [(name: String, value: Secret)]

    public init(items: [(name: String, value: Secret)]) {
        self.items = items
    }

    public func authorize(_ request: inout TransportRequest) async throws {
        request = request.appendingQuery(items.map { ($0.name, $0.value.revealed()) })
    }

    public var secrets: [Secret] { items.map(\.value) }
}
