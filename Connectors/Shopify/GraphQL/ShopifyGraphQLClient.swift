import AftercartConnector
import Foundation
import Logging

/// Sends GraphQL Admin API operations (`POST /admin/api/{version}/graphql.json`, the same
/// `X-Shopify-Access-Token`) within the shop's cost budget.
///
/// Before each query ``ShopifyGraphQLThrottle`` waits until its expected cost has been
/// restored; a `THROTTLED` answer (HTTP 200 with `errors[].extensions.code`, the query did
/// not run) is waited out and sent again; an HTTP 429 is retried by the transport with its
/// `Retry-After`. Other top-level errors become ``ConnectorError``s that name the code
/// (`ACCESS_DENIED` is a 403 naming the missing scope).
struct ShopifyGraphQLClient: Sendable {
    let transport: HTTPTransport
    let throttle: ShopifyGraphQLThrottle
    /// `{apiBaseURL}/graphql.json`.
    let url: String
    let logger: Logger

    /// How many `THROTTLED` answers in a row one operation survives.
    static let throttledAttempts = 12

    /// Runs `query` and returns its decoded `data`.
    ///
    /// - Parameters:
    ///   - operation: the operation name, which keys the learned cost.
    ///   - estimate: the expected cost before Shopify has reported one.
    ///   - isMutation: a mutation is never re-sent after it may have run.
    func execute<Variables: Encodable & Sendable, Payload: Decodable & Sendable>(
        _ operation: String, query: String, variables: Variables, estimate: Int, resource: String,
        isMutation: Bool, as payload: Payload.Type
    ) async throws -> Payload {
        let request = try TransportRequest.json(
            .post, url: url, body: ShopifyGraphQLBody(query: query, variables: variables), isIdempotent: !isMutation,
            resource: resource)
        let context = transport.errorContext(for: request)
        for attempt in 1...Self.throttledAttempts {
            try await throttle.acquire(operation, estimate: estimate)
            let response: TransportResponse
            do {
                response = try await transport.send(request)
            } catch let error as ConnectorError {
                throw ShopifyErrorAdvice.advise(error)
            }
            let envelope = try ShopifyWireDecoder.decode(
                ShopifyGraphQLEnvelope<Payload>.self, from: response.body, context: context)
            let cost = envelope.extensions?.cost
            await throttle.observe(operation, requestedCost: cost?.requestedQueryCost, status: cost?.status)
            let errors = envelope.errors ?? []
            if errors.contains(where: { $0.code == "THROTTLED" }) {
                logger.debug(
                    "GraphQL query throttled; waiting for the cost budget",
                    metadata: [
                        "operation": "\(operation)", "attempt": "\(attempt)",
                        "requested": "\(cost?.requestedQueryCost.map(String.init) ?? "?")",
                        "available": "\(cost?.throttleStatus.map { String($0.currentlyAvailable) } ?? "?")",
                    ])
                continue
            }
            if let first = errors.first { throw Self.failure(first, context: context) }
            guard let data = envelope.data else {
                throw ConnectorError.decoding(field: "data", reason: "missing, and no errors say why", context)
            }
            return data
        }
        var limited = context
        limited.platformMessage =
            "Shopify answered THROTTLED \(Self.throttledAttempts) times in a row; another app may be spending this shop's GraphQL budget"
        throw ConnectorError.rateLimited(retryAfter: nil, limited)
    }

    /// A top-level GraphQL error as a ``ConnectorError``.
    static func failure(_ error: ShopifyGraphQLErrorWire, context: ErrorContext) -> ConnectorError {
        var context = context
        context.platformMessage = String(error.message.prefix(300))
        switch error.code {
        case "ACCESS_DENIED":
            context.platformCode =
                Self.requiredScope(in: error.message).map { "missing scope \($0)" } ?? "ACCESS_DENIED"
            return .forbidden(status: 403, context)
        default:
            context.platformCode = error.code
            return .badRequest(status: 400, context)
        }
    }

    /// The scope named in "Required access: `read_x` access scope.".
    static func requiredScope(in message: String) -> String? {
        guard let open = message.range(of: "`"),
            let close = message.range(of: "`", range: open.upperBound..<message.endIndex)
        else { return nil }
        return String(message[open.upperBound..<close.lowerBound])
    }
}
