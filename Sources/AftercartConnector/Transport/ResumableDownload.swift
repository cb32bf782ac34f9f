import AsyncHTTPClient
public import Foundation
import NIOCore
import NIOHTTP1

/// A large body read chunk by chunk instead of collected whole (a bulk export file), from
/// any byte offset: the first request asks for `Range: bytes=N-`, and a connection lost
/// mid-body is opened again at the byte after the last one delivered.
///
/// The transport's rules apply to each opening: its retry policy (attempts, backoff,
/// which statuses and failures are worth another try), its head timeout, and the shared
/// client's idle read timeout; its rate limiter does not (a file host is not the store's
/// API). Failures without progress count as attempts; a chunk delivered resets the count.
///
/// Credentials are sent only when `authorized` is set: a signed download URL carries its
/// own, and the store's token must not travel to the file host.
///
/// One reader pulls at a time (the pages of a sync are read one after the other), which is
/// why the body iterator may live in this class unguarded.
public final class ResumableDownload: @unchecked Sendable {
    private let transport: HTTPTransport
    private let request: TransportRequest
    private let authorized: Bool
    private var body: HTTPClientResponse.Body.AsyncIterator?
    private var finished = false
    /// File bytes already received while skipping to the offset, handed out first.
    private var pending: Data?
    /// Bytes of the file before the next chunk: where a reopened request starts.
    public private(set) var offset: Int64

    public init(transport: HTTPTransport, request: TransportRequest, from offset: Int64 = 0, authorized: Bool = false) {
        self.transport = transport
        self.request = request
        self.offset = max(0, offset)
        self.authorized = authorized
    }

    /// The next chunk of the file, `nil` after its last byte.
    public func next() async throws -> Data? {
        guard !finished else { return nil }
        if let pending {
            self.pending = nil
            offset += Int64(pending.count)
            return pending
        }
        let policy = transport.configuration.retry
        var failures = 0
        while true {
            do {
                if body == nil {
                    body = try await open()
                    if let pending {
                        self.pending = nil
                        offset += Int64(pending.count)
                        return pending
                    }
                }
                guard var iterator = body else { return nil }
                let chunk = try await iterator.next()
                body = iterator
                guard let chunk else {
                    finished = true
                    body = nil
                    return nil
                }
                offset += Int64(chunk.readableBytes)
                return Data(chunk.readableBytesView)
            } catch let error as ConnectorError {
                // A refusal of the request itself (status, not found): `open` decided.
                body = nil
                throw error
            } catch {
                body = nil
                try Task.checkCancellation()
                failures += 1
                let failure = transport.classify(error, afterHead: true, limit: transport.configuration.readTimeout)
                guard failure.isTransient || failure.isTimeout, failures < policy.maxAttempts else {
                    throw failure.error.adding(transport.errorContext(for: request))
                }
                transport.logger.info(
                    "download interrupted; resuming",
                    metadata: ["offset": "\(offset)", "attempt": "\(failures)"])
                try await transport.clock.sleep(for: policy.backoff(afterAttempt: failures))
            }
        }
    }

    /// Sends the request for the rest of the file, retrying per the transport's policy.
    private func open() async throws -> HTTPClientResponse.Body.AsyncIterator {
        let policy = transport.configuration.retry
        var attempt = 0
        while true {
            attempt += 1
            var prepared = request
            if offset > 0 { prepared.headers["Range"] = "bytes=\(offset)-" }
            if authorized { try await transport.authorizer?.authorize(&prepared) }
            var http = HTTPClientRequest(url: prepared.url)
            http.method = HTTPMethod(rawValue: prepared.method.rawValue)
            for field in prepared.headers { http.headers.add(name: field.name, value: field.value) }
            http.headers.replaceOrAdd(name: "User-Agent", value: transport.configuration.userAgent)
            http.tlsConfiguration = transport.configuration.trust.tlsConfiguration(for: prepared.url)
            let headBudget =
                transport.configuration.responseTimeout
                ?? transport.configuration.connectTimeout + transport.configuration.readTimeout
            var context = transport.errorContext(for: request)
            context.attempts = attempt
            let failure: ClassifiedFailure
            do {
                let response = try await transport.client.execute(
                    http, deadline: .now() + HTTPClientFactory.timeAmount(headBudget))
                let status = Int(response.status.code)
                if status == 200 || status == 206 {
                    var iterator = response.body.makeAsyncIterator()
                    // A host that ignored the range sends the whole file: skip what was read.
                    if status == 200, offset > 0 { try await skip(offset, of: &iterator) }
                    return iterator
                }
                let headers = HeaderFields(response.headers.map { (name: $0.name, value: $0.value) })
                let collected = try await response.body.collect(upTo: 64 * 1_024)
                let error = transport.statusError(
                    status, headers: headers, body: Data(collected.readableBytesView), retryAfter: nil,
                    context: context)
                guard policy.retryableStatuses.contains(status), attempt < policy.maxAttempts else { throw error }
                failure = ClassifiedFailure(
                    error: error, isTransient: true, isTimeout: false, requestMayHaveBeenProcessed: true)
            } catch let error as ConnectorError {
                throw error
            } catch {
                try Task.checkCancellation()
                failure = transport.classify(error, afterHead: false, limit: headBudget)
                guard failure.isTransient || failure.isTimeout, attempt < policy.maxAttempts else {
                    throw failure.error.adding(context)
                }
            }
            transport.logger.info(
                "retrying download", metadata: ["attempt": "\(attempt)", "reason": "\(failure.error.debugDetails)"])
            try await transport.clock.sleep(for: policy.backoff(afterAttempt: attempt))
        }
    }

    /// Reads past the first `count` bytes; what arrives beyond them waits in ``pending``.
    private func skip(_ count: Int64, of iterator: inout HTTPClientResponse.Body.AsyncIterator) async throws {
        var left = count
        while left > 0 {
            guard var chunk = try await iterator.next() else { return }
            let drop = Int(min(left, Int64(chunk.readableBytes)))
            chunk.moveReaderIndex(forwardBy: drop)
            left -= Int64(drop)
            if chunk.readableBytes > 0 { pending = Data(chunk.readableBytesView) }
        }
    }
}
