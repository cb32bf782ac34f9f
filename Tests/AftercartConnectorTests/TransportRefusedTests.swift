import AftercartConnector
import AsyncHTTPClient
import Foundation
import Logging
import MockStores
import Testing

/// Nothing listening fails fast; a store that answers badly keeps the long
/// patience. Attempts and waits are counted on an injected clock, not timed.
@Suite("HTTPTransport refused connections")
struct TransportRefusedTests {
    private func transport(_ client: HTTPClient, clock: ManualClock) -> HTTPTransport {
        HTTPTransport(
            client: client,
            configuration: TransportConfiguration(store: "tokyo-woo", platform: "woocommerce"),
            logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }), clock: clock)
    }

    @Test(arguments: [TransportRequest.Method.get, .post])
    func nothingListeningFailsAfterThreeQuickAttempts(method: TransportRequest.Method) async throws {
        let closed = try ClosedPort()
        let clock = ManualClock()
        try await withClient { client in
            let url = "http://127.0.0.1:\(closed.port)/wp-json/wc/v3/orders"
            let request = TransportRequest(method, url: url, resource: "orders")
            let error = await connectorError { try await transport(client, clock: clock).send(request) }
            guard case .unreachable(let reason, let context) = error else {
                Issue.record("expected .unreachable, got \(String(describing: error))")
                return
            }
            #expect(reason == "nothing listens at 127.0.0.1:\(closed.port): connection refused")
            // A refused connection never reached the store, so a POST is as safe to resend as a GET.
            #expect(context.attempts == 3)
            // No body was ever read, so every sleep on the clock is a backoff.
            #expect(clock.sleeps.count == 2)
            // Ceilings 250 ms then 500 ms: under a second of waiting in all.
            #expect(clock.sleeps.reduce(.zero, +) <= .milliseconds(750))
            #expect(error?.description.contains("after 3 attempts") == true, "\(String(describing: error))")
        }
        withExtendedLifetime(closed) {}
    }

    @Test func aStoreThatAnswers503KeepsEveryAttempt() async throws {
        try await withScriptedServer([.json(503, "{}")]) { server in
            try await withClient { client in
                let clock = ManualClock()
                let error = await connectorError {
                    try await transport(client, clock: clock).send(
                        TransportRequest(url: server.baseURL + "/orders"))
                }
                #expect(error?.status == 503)
                #expect(error?.context.attempts == RetryPolicy().maxAttempts)
                #expect(server.requestCount == RetryPolicy().maxAttempts)
            }
        }
    }

    @Test func refusedAttemptsNeverExceedAttemptsAtAll() {
        let policy = RetryPolicy(maxAttempts: 2, refusedAttempts: 3)
        #expect(policy.refusedAttempts == 2)
        #expect(RetryPolicy.none.refusedAttempts == 1)
    }
}
