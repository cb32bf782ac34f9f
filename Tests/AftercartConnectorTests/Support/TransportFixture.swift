import AftercartConnector
import AftercartModel
import AsyncHTTPClient
import Foundation
import Logging
import NIOConcurrencyHelpers
import Testing

/// Secrets the tests hand to transports and then look for in logs and errors.
enum TestSecrets {
    static let consumerKey = Secret("ck_0123456789abcdef0123456789abcdef")
    static let consumerSecret = Secret("cs_fedcba9876543210fedcba9876543210")
    static let shopifyToken = Secret("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")
    static var all: [String] { [consumerKey, consumerSecret, shopifyToken].map { $0.revealed() } }
}

/// Runs `body` with a fresh client and shuts it down afterwards, as the CLI does.
func withClient<T>(connectTimeout: Duration = .seconds(2), _ body: (HTTPClient) async throws -> T) async throws -> T {
    let client = HTTPClientFactory.makeClient(connectTimeout: connectTimeout, readTimeout: .seconds(30))
    do {
        let value = try await body(client)
        try await client.shutdown()
        return value
    } catch {
        try? await client.shutdown()
        throw error
    }
}

func makeTransport(
    client: HTTPClient,
    retry: RetryPolicy = RetryPolicy(maxAttempts: 4, baseDelay: .milliseconds(20), maxDelay: .milliseconds(100)),
    readTimeout: Duration = .seconds(10), totalDeadline: Duration = .seconds(60), maxBodyBytes: Int = 1 << 20,
    authorizer: (any RequestAuthorizer)? = nil, rateLimiter: any RateLimiter = UnlimitedRateLimiter(),
    logger: Logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })
) -> HTTPTransport {
    let configuration = TransportConfiguration(
        store: "tokyo-woo", platform: "woocommerce", credentialName: "consumer key", connectTimeout: .seconds(1),
        readTimeout: readTimeout, totalDeadline: totalDeadline, retry: retry, maxBodyBytes: maxBodyBytes)
    return HTTPTransport(
        client: client, configuration: configuration, authorizer: authorizer, rateLimiter: rateLimiter,
        logger: logger)
}

/// The `ConnectorError` `operation` throws, or `nil` (recorded as an issue).
func connectorError<T>(
    _ operation: () async throws -> T, sourceLocation: SourceLocation = #_sourceLocation
) async -> ConnectorError? {
    do {
        _ = try await operation()
        Issue.record("expected a ConnectorError, got success", sourceLocation: sourceLocation)
    } catch let error as ConnectorError {
        return error
    } catch {
        Issue.record("expected a ConnectorError, got \(error)", sourceLocation: sourceLocation)
    }
    return nil
}

/// A clock whose sleeps move time instantly and are recorded.
final class ManualClock: TransportClock {
    private let state = NIOLockedValueBox<(now: Duration, sleeps: [Duration])>((.zero, []))

    var now: Duration { state.withLockedValue { $0.now } }
    var date: Date { Date(timeIntervalSince1970: 1_800_000_000 + now.components.seconds.toDouble) }
    var sleeps: [Duration] { state.withLockedValue { $0.sleeps } }

    func advance(by duration: Duration) {
        state.withLockedValue { $0.now += duration }
    }

    func sleep(for duration: Duration) async throws {
        try Task.checkCancellation()
        state.withLockedValue {
            $0.sleeps.append(duration)
            $0.now += duration
        }
    }
}

extension Int64 {
    var toDouble: Double { Double(self) }
}
