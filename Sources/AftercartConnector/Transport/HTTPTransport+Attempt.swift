import AsyncHTTPClient
import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL

/// One attempt: what came back, or what went wrong and whether it is safe to try again.
enum AttemptOutcome: Sendable {
    case response(status: Int, headers: HeaderFields, body: Data)
    case failed(ClassifiedFailure)
}

struct ClassifiedFailure: Sendable {
    var error: ConnectorError
    /// Worth another attempt if retrying is safe.
    var isTransient: Bool
    /// Governed by ``RetryPolicy/retryTimeouts`` rather than ``isTransient``.
    var isTimeout: Bool
    /// False only when the request provably never reached the store
    /// (connection refused), which makes even a POST safe to resend.
    var requestMayHaveBeenProcessed: Bool
    /// Nothing listens at the address (connection refused): governed by
    /// ``RetryPolicy/refusedAttempts`` and ``RetryPolicy/refusedDelay``.
    var isRefused = false
}

private struct BodyTooLarge: Error {}
private struct BodyTimedOut: Error { let after: Duration }
private struct BodyTruncated: Error {}

extension HTTPTransport {
    func perform(_ request: TransportRequest, within remaining: Duration) async -> AttemptOutcome {
        var httpRequest = HTTPClientRequest(url: request.url)
        httpRequest.method = HTTPMethod(rawValue: request.method.rawValue)
        for field in request.headers { httpRequest.headers.add(name: field.name, value: field.value) }
        if !httpRequest.headers.contains(name: "User-Agent") {
            httpRequest.headers.add(name: "User-Agent", value: configuration.userAgent)
        }
        if let accept = configuration.accept, !httpRequest.headers.contains(name: "Accept") {
            httpRequest.headers.add(name: "Accept", value: accept)
        }
        httpRequest.tlsConfiguration = configuration.trust.tlsConfiguration(for: request.url)
        if let body = request.body { httpRequest.body = .bytes(ByteBuffer(bytes: body)) }

        let readTimeout = request.readTimeout ?? configuration.readTimeout
        // AsyncHTTPClient's connect timeout is a client-wide setting, so a
        // request's own connect allowance is folded into the head deadline.
        let connectTimeout = request.connectTimeout ?? configuration.connectTimeout
        // A request's own timeouts win over the store's response timeout.
        let hasOwnTimeouts = request.readTimeout != nil || request.connectTimeout != nil
        let headLimit = (hasOwnTimeouts ? nil : configuration.responseTimeout) ?? connectTimeout + readTimeout
        let headBudget = min(headLimit, remaining)
        let attemptEnd = clock.now + remaining
        let response: HTTPClientResponse
        do {
            // No logger is passed on purpose: AsyncHTTPClient would log the
            // URL, query credentials included.
            response = try await client.execute(
                httpRequest, deadline: .now() + HTTPClientFactory.timeAmount(headBudget))
        } catch {
            // When only the rest of the total deadline was left, that
            // deadline is what ran out, and the error names it, not the rest.
            let limit = headBudget < headLimit ? configuration.totalDeadline : headBudget
            var failure = classify(error, afterHead: false, limit: limit)
            if failure.isRefused {
                failure.error = .unreachable(
                    reason: "nothing listens at \(Self.hostAndPort(of: request.url)): connection refused",
                    ErrorContext())
            }
            return .failed(failure)
        }

        let headers = HeaderFields(response.headers.map { (name: $0.name, value: $0.value) })
        let declaredLength = headers["Content-Length"].flatMap { Int($0) }
        if let declaredLength, declaredLength > configuration.maxBodyBytes {
            return .failed(classify(BodyTooLarge(), afterHead: true, limit: readTimeout))
        }
        do {
            let body = try await readBody(response.body, idle: readTimeout, until: attemptEnd)
            if let declaredLength, headers["Content-Encoding"] == nil, body.count < declaredLength {
                throw BodyTruncated()
            }
            return .response(status: Int(response.status.code), headers: headers, body: body)
        } catch {
            return .failed(classify(error, afterHead: true, limit: readTimeout))
        }
    }

    /// Collects the body while a watchdog enforces the idle read timeout
    /// and the attempt's end: AsyncHTTPClient's own deadline stops at the
    /// response head, and its read timeout is a client-wide setting.
    private func readBody(_ body: HTTPClientResponse.Body, idle: Duration, until end: Duration) async throws -> Data {
        let clock = self.clock
        let limit = configuration.maxBodyBytes
        let lastProgress = NIOLockedValueBox(clock.now)
        return try await withThrowingTaskGroup(of: Data.self) { group in
            group.addTask {
                var collected = ByteBuffer()
                for try await var chunk in body {
                    lastProgress.withLockedValue { $0 = clock.now }
                    guard collected.readableBytes + chunk.readableBytes <= limit else { throw BodyTooLarge() }
                    collected.writeBuffer(&chunk)
                }
                // A cancelled body stream ends quietly; partial data must not pass as a body.
                try Task.checkCancellation()
                return Data(collected.readableBytesView)
            }
            group.addTask {
                while true {
                    let now = clock.now
                    let idleEnd = lastProgress.withLockedValue { $0 } + idle
                    if now >= end { throw BodyTimedOut(after: idle) }
                    if now >= idleEnd { throw BodyTimedOut(after: idle) }
                    try await clock.sleep(for: min(idleEnd, end) - now)
                }
            }
            defer { group.cancelAll() }
            guard let data = try await group.next() else { throw CancellationError() }
            return data
        }
    }

    func classify(_ error: any Error, afterHead: Bool, limit: Duration) -> ClassifiedFailure {
        let blank = ErrorContext()
        func timeout(_ seconds: Duration) -> ClassifiedFailure {
            ClassifiedFailure(
                error: .timeout(seconds: seconds.seconds, blank), isTransient: true, isTimeout: true,
                requestMayHaveBeenProcessed: true)
        }
        func broken(_ reason: String, transient: Bool = true, processed: Bool = true) -> ClassifiedFailure {
            let error: ConnectorError =
                afterHead ? .invalidResponse(reason: reason, blank) : .unreachable(reason: reason, blank)
            return ClassifiedFailure(
                error: error, isTransient: transient, isTimeout: false, requestMayHaveBeenProcessed: processed)
        }
        func refused() -> ClassifiedFailure {
            var failure = broken("connection refused", processed: false)
            failure.isRefused = true
            return failure
        }
        let truncated = "the body ended before its declared length (connection closed)"

        switch error {
        case is BodyTooLarge:
            return broken("the body is larger than \(configuration.maxBodyBytes) bytes", transient: false)
        case let timedOut as BodyTimedOut:
            return timeout(timedOut.after)
        case is BodyTruncated:
            return broken(truncated)
        case is CancellationError:
            return broken("cancelled", transient: false)
        case let error as HTTPClientError:
            switch error {
            case .deadlineExceeded, .readTimeout, .writeTimeout:
                return timeout(limit)
            case .connectTimeout, .tlsHandshakeTimeout, .getConnectionFromPoolTimeout:
                return broken("connection timed out", processed: false)
            case .remoteConnectionClosed:
                return broken(afterHead ? truncated : "the store closed the connection")
            case .cancelled:
                return broken("cancelled", transient: false)
            case .bodyLengthMismatch:
                return broken(truncated)
            case .invalidURL, .emptyHost, .emptyScheme:
                return broken("the URL is not valid", transient: false, processed: false)
            default:
                return broken("HTTP client error", transient: false)
            }
        case let error as NIOSSLError:
            if let untrusted = TLSFailure.untrustedCertificate(error) { return untrusted }
            return broken("TLS handshake failed", transient: false, processed: false)
        case let error as NIOSSLExtraError where error == .failedToValidateHostname:
            return TLSFailure.hostnameMismatch()
        case let error as NIOConnectionError:
            guard Self.isRefusal(error) else { return broken("could not connect", processed: false) }
            return refused()
        case let error as IOError:
            switch error.errnoCode {
            case ECONNREFUSED: return refused()
            case ECONNRESET, EPIPE: return broken(afterHead ? truncated : "connection reset")
            default: return broken("network error \(error.errnoCode)")
            }
        case let error as ChannelError:
            switch error {
            case .connectTimeout: return broken("connection timed out", processed: false)
            case .eof, .ioOnClosedChannel, .alreadyClosed, .outputClosed, .inputClosed:
                return broken(afterHead ? truncated : "the store closed the connection")
            default: return broken("connection failed")
            }
        case is HTTPParserError:
            return broken(afterHead ? truncated : "the answer is not valid HTTP")
        default:
            // Type name only: an error's own description may quote the URL.
            return broken("\(type(of: error))", transient: false)
        }
    }

    /// Whether every address tried refused the connection (no DNS failure,
    /// no timeout): the host is up and nothing listens on the port.
    static func isRefusal(_ error: NIOConnectionError) -> Bool {
        guard error.dnsAError == nil, error.dnsAAAAError == nil, !error.connectionErrors.isEmpty else { return false }
        return error.connectionErrors.allSatisfy { ($0.error as? IOError)?.errnoCode == ECONNREFUSED }
    }

    /// `host:port` of `url`, the port defaulted from the scheme, for an
    /// error that names the address nothing listens at.
    static func hostAndPort(of url: String) -> String {
        guard let components = URLComponents(string: url), let host = components.host else { return url }
        let port = components.port ?? (components.scheme?.lowercased() == "https" ? 443 : 80)
        let shown = host.contains(":") ? "[\(host)]" : host
        return "\(shown):\(port)"
    }
}
