import Foundation

extension HTTPTransport {
    /// The error a non-accepted status means, with the platform's code and
    /// message and a redacted body snippet for debug logs.
    func statusError(
        _ status: Int, headers: HeaderFields, body: Data, retryAfter: Duration?, context: ErrorContext
    ) -> ConnectorError {
        var context = context
        if let parsed = configuration.errorBodyParser(body) {
            context.platformCode = parsed.code.map { redaction.text(String($0.prefix(80))) }
            context.platformMessage = parsed.message.map { Self.shortened(redaction.text($0)) }
        }
        if !body.isEmpty { context.bodySnippet = JSONDecoding.snippet(body, redaction: redaction) }
        switch status {
        case 401:
            return .unauthorized(context)
        case 402, 403, 423:
            return .forbidden(status: status, context)
        case 404:
            return .notFound(context)
        case 429:
            return .rateLimited(retryAfter: retryAfter?.seconds, context)
        case 500...599:
            return .server(status: status, context)
        case 300...399:
            let target = headers["Location"].map { redaction.strippingCredentials(from: $0) }
            let reason =
                target.map { "redirected (\(status)) to \($0); set base_url to that address" }
                ?? "redirected (\(status)) without a location"
            return .invalidResponse(reason: reason, context)
        case 400...499:
            return .badRequest(status: status, context)
        default:
            return .invalidResponse(reason: "unexpected status \(status)", context)
        }
    }

    /// Platform messages can be paragraphs of HTML; one short line is enough.
    static func shortened(_ message: String) -> String {
        let oneLine = message.split(whereSeparator: \.isNewline).joined(separator: " ")
        return oneLine.count <= 160 ? oneLine : String(oneLine.prefix(157)) + "..."
    }
}
