public import Foundation

/// A complete response: status, headers and the whole body (bounded by
/// ``TransportConfiguration/maxBodyBytes``).
public struct TransportResponse: Sendable {
    /// The HTTP status code.
    public var status: Int
    /// Every response header, rate-limit headers included.
    public var headers: HeaderFields
    /// The complete body.
    public var body: Data
    /// The request URL, redacted: safe to log and to put in errors.
    public var redactedURL: String
    /// Attempts it took, the successful one included.
    public var attempts: Int

    public init(status: Int, headers: HeaderFields, body: Data, redactedURL: String, attempts: Int) {
        self.status = status
        self.headers = headers
        self.body = body
        self.redactedURL = redactedURL
        self.attempts = attempts
    }

    public var isSuccess: Bool { (200..<300).contains(status) }

    /// `X-Shopify-Shop-Api-Call-Limit` or any header of the `used/limit` form.
    public func callLimit(header: String = "X-Shopify-Shop-Api-Call-Limit") -> CallLimit? {
        CallLimit(header: headers[header])
    }

    /// An integer header such as `X-WP-Total` or `X-WP-TotalPages`.
    public func intHeader(_ name: String) -> Int? {
        headers[name].flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
    }

    /// The `Link` header's targets by relation (RFC 8288).
    public var links: [String: String] { LinkHeader.parse(headers.values("Link")) }
}
