public import Foundation

/// One logical request; the transport may send it several times.
public struct TransportRequest: Sendable {
    /// HTTP methods the adapters use.
    public enum Method: String, Sendable, Hashable {
        case get = "GET"
        case head = "HEAD"
        case post = "POST"
        case put = "PUT"
        case patch = "PATCH"
        case delete = "DELETE"
    }

    /// The HTTP method.
    public var method: Method
    /// The absolute URL, credentials not included: the authorizer adds them
    /// per attempt (``RequestAuthorizer``).
    public var url: String
    /// Headers sent on every attempt; the authorizer adds credentials.
    public var headers: HeaderFields
    /// The body, sent again unchanged on a retry.
    public var body: Data?
    /// Whether sending this twice does no harm. GET, HEAD and DELETE are
    /// retried; POST, PUT and PATCH only when the caller says so (a coupon
    /// creation guarded by a lookup, a PUT that sets absolute values).
    public var isIdempotent: Bool
    /// What the request is for, in errors: `"orders"`, `"coupon creation"`.
    public var resource: String?
    /// Statuses returned to the caller instead of thrown (e.g. `[404]` for
    /// a lookup that may miss).
    public var acceptedStatuses: Set<Int>
    /// Overrides ``TransportConfiguration/readTimeout`` for this request.
    public var readTimeout: Duration?
    /// Overrides ``TransportConfiguration/connectTimeout`` for this request.
    public var connectTimeout: Duration?

    public init(
        _ method: Method = .get, url: String, headers: HeaderFields = [:], body: Data? = nil,
        isIdempotent: Bool? = nil, resource: String? = nil, acceptedStatuses: Set<Int> = [],
        readTimeout: Duration? = nil, connectTimeout: Duration? = nil
    ) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        // PUT is idempotent by definition, but store APIs use it for
        // "append a tag"-style updates, so it too needs an explicit yes.
        self.isIdempotent = isIdempotent ?? (method == .get || method == .head || method == .delete)
        self.resource = resource
        self.acceptedStatuses = acceptedStatuses
        self.readTimeout = readTimeout
        self.connectTimeout = connectTimeout
    }

    /// A JSON request; sets `Content-Type` and `Accept`.
    public static func json(
        _ method: Method, url: String, body: some Encodable, encoder: JSONEncoder = JSONEncoder(),
        isIdempotent: Bool? = nil, resource: String? = nil
    ) throws -> TransportRequest {
        var request = TransportRequest(
            method, url: url, body: try encoder.encode(body), isIdempotent: isIdempotent, resource: resource)
        request.headers["Content-Type"] = "application/json"
        request.headers["Accept"] = "application/json"
        return request
    }

    /// The same request aimed at another URL (the next page).
    public func with(url: String) -> TransportRequest {
        var copy = self
        copy.url = url
        return copy
    }

    /// The same request with query items appended (encoded per RFC 3986).
    public func appendingQuery(_ items: [(String, String)]) -> TransportRequest {
        guard !items.isEmpty else { return self }
        let encoded = items.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        let separator = url.contains("?") ? (url.hasSuffix("?") || url.hasSuffix("&") ? "" : "&") : "?"
        return with(url: url + separator + encoded)
    }

    private static let unreserved = CharacterSet(
        charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    /// RFC 3986 percent-encoding of a query component.
    public static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? text
    }
}
