public import AftercartConnector
public import AftercartModel
public import AsyncHTTPClient
public import Foundation
import NIOCore
import NIOHTTP1

/// POSTs each message as a JSON ``WebhookEvent`` to `[delivery] webhook_url`,
/// signed with HMAC-SHA256 in ``WebhookSignature/header`` when a secret is set.
///
/// 2xx is delivered; 5xx, 429, 408 and network errors are retried; other
/// statuses are refusals. `X-Aftercart-Delivery` carries the idempotency key.
public struct WebhookChannel: MessageChannel {
    public let name = "webhook"
    public let url: URL
    private let secret: Secret?
    private let client: HTTPClient
    private let timeout: TimeAmount

    /// - Parameter client: shared with the connectors; the caller shuts it down.
    public init(url: URL, secret: Secret?, client: HTTPClient, timeoutSeconds: Int64 = 30) {
        self.url = url
        self.secret = secret
        self.client = client
        self.timeout = .seconds(timeoutSeconds)
    }

    public func deliver(_ message: OutgoingMessage, connector: (any StoreConnector)?) async throws(ChannelFailure)
        -> String
    {
        let body: Data
        do {
            body = try ModelJSON.encoder().encode(WebhookEvent(message))
        } catch {
            throw ChannelFailure(transient: false, "could not encode the webhook event: \(error)")
        }
        var request = HTTPClientRequest(url: url.absoluteString)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.headers.add(name: "User-Agent", value: "aftercart")
        request.headers.add(name: "X-Aftercart-Delivery", value: message.origin.idempotencyKey)
        if let secret {
            request.headers.add(name: WebhookSignature.header, value: WebhookSignature.sign(body, secret: secret))
        }
        request.body = .bytes(ByteBuffer(bytes: body))
        let status: Int
        let retryAfter: Double?
        do {
            let response = try await client.execute(request, timeout: timeout)
            status = Int(response.status.code)
            retryAfter = response.headers.first(name: "Retry-After").flatMap(Double.init)
            _ = try? await response.body.collect(upTo: 64 * 1024)
        } catch {
            throw ChannelFailure(transient: true, "webhook \(redacted) unreachable: \(error)")
        }
        switch status {
        case 200..<300:
            return "webhook answered \(status)"
        case 408, 429, 500..<600:
            throw ChannelFailure(transient: true, "webhook \(redacted) answered \(status)", retryAfter: retryAfter)
        default:
            throw ChannelFailure(transient: false, "webhook \(redacted) refused the event with \(status)")
        }
    }

    /// The URL without query or credentials, for errors.
    private var redacted: String {
        "\(url.scheme ?? "http")://\(url.host ?? "?")\(url.port.map { ":\($0)" } ?? "")\(url.path)"
    }
}
