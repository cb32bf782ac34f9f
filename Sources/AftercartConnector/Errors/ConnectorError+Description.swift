public import Foundation

extension ConnectorError: CustomStringConvertible, LocalizedError {
    /// One line: `store resource: what happened — why; what to do`.
    public var description: String {
        let context = context
        let prefix = Self.prefix(context)
        let origin = context.origin ?? "the store"
        let check = context.store.map { "run 'aftercart check --store \($0)'" } ?? "run 'aftercart check'"
        let report = "if it persists, report it with the output of --log-level debug"
        let detail = Self.platformDetail(context).map { " (\($0))" } ?? ""
        let tries = context.attempts.map { $0 == 1 ? "" : " after \($0) attempts" } ?? ""
        let body: String
        switch self {
        case .unauthorized:
            let credential = context.credentialName ?? "credentials"
            // The store's own message is kept: WooCommerce says which half
            // of the key pair is wrong, and the advice says why.
            let why = context.diagnosis.map { "; \($0)" } ?? ""
            body = "401 from \(origin) — \(credential) rejected\(detail)\(why); \(check)"
        case .forbidden(let status, _):
            let credential = context.credentialName ?? "credentials"
            body =
                "\(status) from \(origin) — access denied\(detail); give the \(credential) the needed "
                + "permission or scope, then \(check)"
        case .notFound:
            body = "404 from \(origin) — not found\(detail); check base_url and that the record or route exists"
        case .rateLimited(let retryAfter, _):
            let hint = retryAfter.map { ", store asked to wait \(Self.seconds($0))" } ?? ""
            body = "429 from \(origin) — rate limited\(tries)\(hint); the next sync resumes from its cursor"
        case .server(let status, _):
            if let diagnosis = context.diagnosis {
                body = "\(status) from \(origin) — \(diagnosis)\(tries); try again later"
            } else {
                body = "\(status) from \(origin) — the store's server failed\(tries)\(detail); try again later"
            }
        case .badRequest(let status, _):
            body = "\(status) from \(origin) — request refused\(detail); \(report)"
        case .timeout(let seconds, _):
            body =
                "no complete response from \(origin) within \(Self.seconds(seconds))\(tries) — the store is "
                + "slow or unreachable; try again later"
        case .unreachable(let reason, _):
            if let diagnosis = context.diagnosis {
                // The store was reached; what failed is named (an untrusted certificate).
                body = "\(origin) — \(diagnosis); then \(check)"
            } else {
                body = "cannot reach \(origin) (\(reason))\(tries) — check base_url and the network; then \(check)"
            }
        case .invalidResponse(let reason, _):
            body = "invalid response from \(origin) — \(reason); try again later, and \(report)"
        case .decoding(let field, let reason, _):
            body = "unexpected data from \(origin) — field \(field): \(reason); \(report)"
        case .unsupported(let operation, _):
            let platform = context.platform.map { " by \($0)" } ?? ""
            body = "\(operation) is not supported\(platform) as configured"
        }
        return prefix + body
    }

    public var errorDescription: String? { description }

    /// ``description`` plus the request line and the first bytes of the
    /// body, for debug-level logs only.
    public var debugDetails: String {
        var parts = [description]
        let context = context
        if let method = context.method, let url = context.url { parts.append("request: \(method) \(url)") }
        if let code = context.platformCode { parts.append("platform code: \(code)") }
        if let contentType = context.contentType { parts.append("content type: \(contentType)") }
        if let snippet = context.bodySnippet { parts.append("body starts: \(snippet)") }
        return parts.joined(separator: " | ")
    }

    private static func prefix(_ context: ErrorContext) -> String {
        switch (context.store, context.resource) {
        case (let store?, let resource?): "\(store) \(resource): "
        case (let store?, nil): "\(store): "
        case (nil, let resource?): "\(resource): "
        case (nil, nil): ""
        }
    }

    private static func platformDetail(_ context: ErrorContext) -> String? {
        switch (context.platformCode, context.platformMessage) {
        case (let code?, let message?): "\(code): \(message)"
        case (let code?, nil): code
        case (nil, let message?): message
        case (nil, nil): nil
        }
    }

    private static func seconds(_ value: TimeInterval) -> String {
        value == value.rounded() ? "\(Int(value))s" : "\((value * 10).rounded() / 10)s"
    }
}
