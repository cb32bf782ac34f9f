import AftercartConnector
import Foundation
import Testing

/// What the store said, when it is not the JSON asked for: the transport
/// asks for JSON, refuses HTML as transient, logs what did not parse, and
/// lets the adapter name the cause.
@Suite("Answers that are not JSON")
struct TransportAnswerTests {
    static let interstitial = Scripted(
        status: 200, headers: [("Content-Type", "text/html;charset=UTF-8")],
        body: "<html><body>Security check: please enable JavaScript</body></html>")

    @Test func everyRequestAsksForJSON() async throws {
        try await withScriptedServer([.json(200, "[]")]) { server in
            try await withClient { client in
                _ = try await makeTransport(client: client).send(TransportRequest(url: server.baseURL))
                #expect(server.requests.first?.header("Accept") == "application/json")
            }
        }
    }

    @Test func anHTMLPageWithStatus200IsRetriedAsTransient() async throws {
        try await withScriptedServer([Self.interstitial, .json(200, "[]")]) { server in
            try await withClient { client in
                let response = try await makeTransport(client: client).send(TransportRequest(url: server.baseURL))
                #expect(response.status == 200)
                #expect(response.attempts == 2)
            }
        }
    }

    @Test func anHTMLPageThatStaysIsNamed() async throws {
        try await withScriptedServer([Self.interstitial]) { server in
            try await withClient { client in
                let error = await connectorError {
                    try await makeTransport(client: client).send(
                        TransportRequest(url: server.baseURL, resource: "orders"))
                }
                guard case .invalidResponse(let reason, let context) = error else {
                    Issue.record("expected .invalidResponse, got \(String(describing: error))")
                    return
                }
                #expect(reason == "the store answered an HTML page instead of JSON (a firewall or security plugin?)")
                #expect(error?.isTransient == true)
                #expect(context.contentType == "text/html;charset=UTF-8")
                #expect(error?.description.contains("HTML page instead of JSON") == true)
                // Retried (4 attempts, unless a loaded machine used up the deadline first).
                #expect(server.requestCount > 1)
            }
        }
    }

    @Test func aBodyThatDidNotParseIsLoggedAtDebugWithoutSecrets() async throws {
        let logs = LogCapture()
        let secret = TestSecrets.consumerSecret.revealed()
        let page = Scripted(
            status: 502, headers: [("Content-Type", "text/html")],
            body: "<html><title>Bad gateway</title><body>upstream said \(secret)</body></html>")
        try await withScriptedServer([page]) { server in
            try await withClient { client in
                let transport = makeTransport(
                    client: client, retry: .none,
                    authorizer: BasicAuthorizer(
                        username: TestSecrets.consumerKey, password: TestSecrets.consumerSecret),
                    logger: logs.logger())
                _ = await connectorError { try await transport.send(TransportRequest(url: server.baseURL)) }
            }
        }
        let line = logs.all.first { $0.contains("store body did not parse") } ?? ""
        #expect(line.hasPrefix("debug "), "\(logs.all)")
        #expect(line.contains("status=502"))
        #expect(line.contains("content_type=text/html"))
        #expect(line.contains("body_start=<html><title>Bad gateway</title><body>upstream said <redacted>"))
        #expect(!logs.all.joined().contains(secret))
    }

    @Test func theAdaptersDiagnosisReplacesTheGenericPhrase() async throws {
        let page = Scripted(status: 500, headers: [("Content-Type", "text/html")], body: "<html>fatal</html>")
        try await withScriptedServer([page]) { server in
            try await withClient { client in
                let configuration = TransportConfiguration(
                    store: "tokyo-woo", platform: "woocommerce", retry: .none,
                    diagnoseRefusal: { answer in answer.isHTML && answer.status == 500 ? "the PHP died" : nil })
                let transport = HTTPTransport(
                    client: client, configuration: configuration, logger: LogCapture().logger())
                let error = await connectorError {
                    try await transport.send(TransportRequest(url: server.baseURL, resource: "orders"))
                }
                #expect(
                    error?.description
                        == "tokyo-woo orders: 500 from \(server.baseURL) — the PHP died; try again later")
            }
        }
    }
}
