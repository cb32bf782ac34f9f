import Foundation

extension HTTPTransport {
    /// The error a non-accepted status means, with the platform's code and
    /// message and a redacted body snippet for debug logs.
    func statusError(
        _ status: Int, headers: HeaderFields, body: Data, retryAfter: Duration?, context: ErrorContext
    ) -> ConnectorError {
        var context = context
        let parsed = configuration.errorBodyParser(body)
        if let parsed {
            context.platformCode = parsed.code.map { redaction.text(String($0.prefix(80))) }
            context.platformMessage = parsed.message.map { Self.shortened(redaction.text($0)) }
        }
        if !body.isEmpty { context.bodySnippet = JSONDecoding.snippet(body, redaction: redaction) }
        context.contentType = headers["Content-Type"]
        let answer = RefusedAnswer(status: status, headers: headers, body: body, platformError: parsed)
        context.diagnosis = configuration.diagnoseRefusal(answer).map(redaction.text)
        if parsed == nil, !body.isEmpty { logUnparsedBody(answer) }
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

    /// A 2xx answer to a request that asked for JSON, when it is an HTML
    /// page: a firewall's or security plugin's interstitial, a login page,
    /// a host's error page. Such a page passes for nothing, and since it
    /// usually goes away, it is transient.
    func htmlInsteadOfJSON(
        _ request: TransportRequest, status: Int, headers: HeaderFields, body: Data, context: ErrorContext
    ) -> ConnectorError? {
        let accept = request.headers["Accept"] ?? configuration.accept
        guard let accept, accept.lowercased().contains("json") else { return nil }
        let answer = RefusedAnswer(status: status, headers: headers, body: body, platformError: nil)
        guard answer.isHTML else { return nil }
        logUnparsedBody(answer)
        var context = context
        context.contentType = headers["Content-Type"]
        if !body.isEmpty { context.bodySnippet = JSONDecoding.snippet(body, redaction: redaction) }
        context.diagnosis = configuration.diagnoseRefusal(answer).map(redaction.text)
        let reason = "the store answered an HTML page instead of JSON (a firewall or security plugin?)"
        return .invalidResponse(reason: context.diagnosis ?? reason, context)
    }

    /// What a body that did not parse was, for whoever reads the debug log:
    /// status, content type and the first bytes, secrets redacted.
    func logUnparsedBody(_ answer: RefusedAnswer) {
        logger.debug(
            "store body did not parse",
            metadata: [
                "status": "\(answer.status)", "content_type": "\(answer.contentType ?? "(none)")",
                "body_start": "\(JSONDecoding.snippet(answer.body, redaction: redaction))",
            ])
    }

    /// Platform messages can be paragraphs of HTML; one short line is enough.
    static func shortened(_ message: String) -> String {
        let oneLine = message.split(whereSeparator: \.isNewline).joined(separator: " ")
        return oneLine.count <= 160 ? oneLine : String(oneLine.prefix(157)) + "..."
    }
}
