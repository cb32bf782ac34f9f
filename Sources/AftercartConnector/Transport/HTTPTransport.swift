public import AsyncHTTPClient
import Foundation
public import Logging

/// Sends one store's requests over the shared `HTTPClient`: credentials
/// per attempt, pacing, per-request timeouts, retries with jittered
/// backoff and `Retry-After`, a total deadline, a body size limit, and
/// redaction of every log line and error.
///
/// Non-success statuses become ``ConnectorError``s unless the request
/// lists them in ``TransportRequest/acceptedStatuses``.
public struct HTTPTransport: Sendable {
    public let configuration: TransportConfiguration
    /// The configured redaction plus the authorizer's secrets.
    public let redaction: Redaction
    let client: HTTPClient
    /// What adds credentials to each attempt.
    public let authorizer: (any RequestAuthorizer)?
    let rateLimiter: any RateLimiter
    let logger: Logger
    let clock: any TransportClock

    public init(
        client: HTTPClient, configuration: TransportConfiguration, authorizer: (any RequestAuthorizer)? = nil,
        rateLimiter: any RateLimiter = UnlimitedRateLimiter(), logger: Logger,
        clock: any TransportClock = SystemClock()
    ) {
        self.client = client
        self.configuration = configuration
        self.authorizer = authorizer
        self.rateLimiter = rateLimiter
        self.clock = clock
        self.redaction = configuration.redaction.adding(secrets: authorizer?.secrets ?? [])
        var logger = logger
        if let store = configuration.store { logger[metadataKey: "store"] = "\(store)" }
        if let platform = configuration.platform { logger[metadataKey: "platform"] = "\(platform)" }
        self.logger = logger
    }

    /// The context an error about `request` starts from.
    public func errorContext(for request: TransportRequest) -> ErrorContext {
        ErrorContext(
            store: configuration.store, resource: request.resource, platform: configuration.platform,
            method: request.method.rawValue, url: redaction.url(request.url),
            credentialName: configuration.credentialName)
    }

    /// How often one request renews refused credentials: once for a token
    /// that expired on the way, and once more for a renewed short-lived
    /// token that a stalled process sent too late; a third refusal is the
    /// store's answer.
    static let renewalsPerRequest = 2

    /// Sends `request`, retrying what is safe to retry, and returns the
    /// first success or accepted status.
    public func send(_ request: TransportRequest) async throws -> TransportResponse {
        let policy = configuration.retry
        let deadline = clock.now + configuration.totalDeadline
        let redactedURL = redaction.url(request.url)
        var attempt = 0
        var renewals = 0
        while true {
            attempt += 1
            try await rateLimiter.acquire()
            let remaining = deadline - clock.now
            guard remaining > .zero else {
                await rateLimiter.observe(.noAnswer)
                throw ConnectorError.timeout(
                    seconds: configuration.totalDeadline.seconds, context(request, attempt - 1))
            }
            var prepared = request
            do {
                try await authorizer?.authorize(&prepared)
            } catch {
                await rateLimiter.observe(.noAnswer)
                throw error
            }
            logger.debug(
                "http request",
                metadata: ["method": "\(request.method.rawValue)", "url": "\(redactedURL)", "attempt": "\(attempt)"])
            let started = clock.now
            let outcome = await perform(prepared, within: remaining)

            let failure: AttemptFailure
            switch outcome {
            case .response(let status, let headers, let body):
                metrics.answered(status: status)
                let retryAfter =
                    RetryAfter.parse(headers["Retry-After"], now: clock.date)
                    ?? (status == 429 ? RetryAfter.rateLimitReset(headers["X-RateLimit-Reset"], now: clock.date) : nil)
                await rateLimiter.observe(RateLimitFeedback(status: status, headers: headers, retryAfter: retryAfter))
                logger.debug(
                    "http response",
                    metadata: [
                        "status": "\(status)", "url": "\(redactedURL)", "bytes": "\(body.count)",
                        "ms": "\(Int((clock.now - started).seconds * 1000))",
                    ])
                if (200..<300).contains(status),
                    let error = htmlInsteadOfJSON(
                        request, status: status, headers: headers, body: body, context: context(request, attempt))
                {
                    failure = AttemptFailure(error: error, retryable: request.isIdempotent, retryAfter: nil)
                } else if (200..<300).contains(status) || request.acceptedStatuses.contains(status) {
                    return TransportResponse(
                        status: status, headers: headers, body: body, redactedURL: redactedURL, attempts: attempt)
                } else if status == 401, renewals < Self.renewalsPerRequest, let authorizer,
                    await authorizer.credentialsRejected(prepared)
                {
                    // An expired token: the store did nothing, so even a POST
                    // goes again at once, with the credentials just renewed.
                    renewals += 1
                    logger.info("store refused expired credentials; renewed them", metadata: ["url": "\(redactedURL)"])
                    continue
                } else {
                    let error = statusError(
                        status, headers: headers, body: body, retryAfter: retryAfter,
                        context: context(request, attempt))
                    // A 429 means the store refused before doing anything, so
                    // even a non-idempotent request is safe to send again.
                    let safe = request.isIdempotent || status == 429
                    failure = AttemptFailure(
                        error: error, retryable: safe && policy.retryableStatuses.contains(status),
                        retryAfter: retryAfter)
                }
            case .failed(let classified):
                await rateLimiter.observe(.noAnswer)
                try Task.checkCancellation()
                metrics.failedWithoutAnswer()
                let safe = request.isIdempotent || !classified.requestMayHaveBeenProcessed
                let retryable = safe && (classified.isTimeout ? policy.retryTimeouts : classified.isTransient)
                failure = AttemptFailure(
                    error: classified.error.adding(context(request, attempt)), retryable: retryable, retryAfter: nil,
                    isRefused: classified.isRefused)
            }

            let attemptLimit = failure.isRefused ? min(policy.refusedAttempts, policy.maxAttempts) : policy.maxAttempts
            guard failure.retryable, attempt < attemptLimit else {
                logger.debug("http request failed", metadata: ["error": "\(failure.error.debugDetails)"])
                throw failure.error
            }
            if let retryAfter = failure.retryAfter, retryAfter > policy.maxRetryAfter {
                logger.debug("retry-after beyond limit", metadata: ["retry_after_s": "\(retryAfter.seconds)"])
                throw failure.error
            }
            let delay =
                failure.retryAfter
                ?? (failure.isRefused
                    ? policy.refusedBackoff(afterAttempt: attempt) : policy.backoff(afterAttempt: attempt))
            guard clock.now + delay < deadline else {
                logger.debug("no time left to retry", metadata: ["error": "\(failure.error.debugDetails)"])
                throw failure.error
            }
            logger.info(
                "retrying store request",
                metadata: [
                    "url": "\(redactedURL)", "attempt": "\(attempt)", "delay_ms": "\(Int(delay.seconds * 1000))",
                    "reason": "\(failure.error.status.map(String.init) ?? Self.caseName(failure.error))",
                ])
            metrics.retrying()
            try await clock.sleep(for: delay)
        }
    }

    private var metrics: TransportMetrics { TransportMetrics(store: configuration.store?.rawValue) }

    private func context(_ request: TransportRequest, _ attempts: Int) -> ErrorContext {
        var context = errorContext(for: request)
        context.attempts = attempts
        return context
    }

    private struct AttemptFailure {
        let error: ConnectorError
        let retryable: Bool
        let retryAfter: Duration?
        /// Nothing listens at the address: the policy's short refused budget applies.
        var isRefused = false
    }

    static func caseName(_ error: ConnectorError) -> String {
        switch error {
        case .timeout: "timeout"
        case .unreachable: "unreachable"
        case .invalidResponse: "invalid response"
        default: "error"
        }
    }
}
