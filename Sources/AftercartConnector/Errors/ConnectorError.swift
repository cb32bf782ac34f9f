import AftercartModel
public import Foundation

/// Every way a store conversation fails, typed so callers decide what to
/// do (retry later, stop the store, report), each with its context.
///
/// ``description`` is the line a user sees (ErrorDescriptionTests pins them):
/// store, resource, what happened and what to do, never a secret and never
/// a body dump. ``debugDetails`` adds the first bytes of an unexpected body
/// for debug-level logs.
public enum ConnectorError: Error, Sendable, Hashable {
    /// 401: the credentials were refused.
    case unauthorized(ErrorContext)
    /// 403 (or Shopify 402/423): the credentials lack a permission or scope,
    /// or the shop is frozen or locked.
    case forbidden(status: Int, ErrorContext)
    /// 404: a record or a route does not exist.
    case notFound(ErrorContext)
    /// 429 after the allowed retries; `retryAfter` is the store's last hint.
    case rateLimited(retryAfter: TimeInterval?, ErrorContext)
    /// 5xx after the allowed retries.
    case server(status: Int, ErrorContext)
    /// 400, 409, 413, 422 and other client errors: the store refused the
    /// request as written.
    case badRequest(status: Int, ErrorContext)
    /// No complete response within the allowed time.
    case timeout(seconds: TimeInterval, ErrorContext)
    /// The store could not be reached (DNS, refused, TLS, reset before a response).
    case unreachable(reason: String, ErrorContext)
    /// The response was not usable HTTP: a truncated or oversized body, a
    /// redirect, an unexpected status.
    case invalidResponse(reason: String, ErrorContext)
    /// The body did not have the shape the adapter expects.
    case decoding(field: String, reason: String, ErrorContext)
    /// The adapter, as configured, cannot do this.
    case unsupported(operation: String, ErrorContext)

    /// The context of any case.
    public var context: ErrorContext {
        switch self {
        case .unauthorized(let context), .forbidden(_, let context), .notFound(let context),
            .rateLimited(_, let context), .server(_, let context), .badRequest(_, let context),
            .timeout(_, let context), .unreachable(_, let context), .invalidResponse(_, let context),
            .decoding(_, _, let context), .unsupported(_, let context):
            context
        }
    }

    /// The same error with empty context fields filled from `context`, e.g.
    /// the store and resource an adapter or the engine knows about.
    public func adding(_ context: ErrorContext) -> ConnectorError {
        replacingContext(self.context.merging(context))
    }

    /// The same error with its context replaced.
    public func replacingContext(_ context: ErrorContext) -> ConnectorError {
        switch self {
        case .unauthorized: .unauthorized(context)
        case .forbidden(let status, _): .forbidden(status: status, context)
        case .notFound: .notFound(context)
        case .rateLimited(let retryAfter, _): .rateLimited(retryAfter: retryAfter, context)
        case .server(let status, _): .server(status: status, context)
        case .badRequest(let status, _): .badRequest(status: status, context)
        case .timeout(let seconds, _): .timeout(seconds: seconds, context)
        case .unreachable(let reason, _): .unreachable(reason: reason, context)
        case .invalidResponse(let reason, _): .invalidResponse(reason: reason, context)
        case .decoding(let field, let reason, _): .decoding(field: field, reason: reason, context)
        case .unsupported(let operation, _): .unsupported(operation: operation, context)
        }
    }

    /// The HTTP status the store answered with, when it answered.
    public var status: Int? {
        switch self {
        case .unauthorized: 401
        case .forbidden(let status, _), .server(let status, _), .badRequest(let status, _): status
        case .notFound: 404
        case .rateLimited: 429
        default: nil
        }
    }

    /// Whether trying again later, unchanged, may succeed. Credentials,
    /// missing records, bad requests and unexpected shapes will not.
    public var isTransient: Bool {
        switch self {
        case .rateLimited, .server, .timeout, .unreachable, .invalidResponse: true
        default: false
        }
    }
}
