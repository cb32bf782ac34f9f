/// How the server answered one delivery: the HTTP status, the metric's
/// outcome label and a short JSON-able message (never the body).
struct WebhookOutcome: Sendable, Hashable {
    /// The HTTP status.
    var status: Int
    /// `applied`, `duplicate`, `ping`, `ignored`, `unauthorized`, `not_found`,
    /// `too_large`, `invalid`, `unprocessable`, `unavailable`.
    var label: String
    /// What the sender reads in the JSON answer.
    var message: String
    /// Records inserted or changed.
    var changed: Int = 0

    static func applied(changed: Int, stale: Int) -> WebhookOutcome {
        let older = stale > 0 ? ", \(stale) older than stored kept out" : ""
        return WebhookOutcome(
            status: 200, label: "applied", message: "\(changed) records changed\(older)", changed: changed)
    }

    static let duplicate = WebhookOutcome(status: 200, label: "duplicate", message: "already applied")
    static let ping = WebhookOutcome(status: 200, label: "ping", message: "webhook activation acknowledged")
    static func ignored(topic: String) -> WebhookOutcome {
        WebhookOutcome(status: 200, label: "ignored", message: "topic \(topic) is not followed; ignored")
    }
    static let notFound = WebhookOutcome(status: 404, label: "not_found", message: "no such store")
    static func tooLarge(limit: Int) -> WebhookOutcome {
        WebhookOutcome(status: 413, label: "too_large", message: "body larger than \(limit) bytes")
    }
    static let unauthorized = WebhookOutcome(
        status: 401, label: "unauthorized", message: "signature missing or does not match")
    static func invalid(_ reason: String) -> WebhookOutcome {
        WebhookOutcome(status: 400, label: "invalid", message: reason)
    }
    static func unprocessable(_ reason: String) -> WebhookOutcome {
        WebhookOutcome(status: 422, label: "unprocessable", message: reason)
    }
    static func unavailable(_ reason: String) -> WebhookOutcome {
        WebhookOutcome(status: 503, label: "unavailable", message: reason)
    }
}
