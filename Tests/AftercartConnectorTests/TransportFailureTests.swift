import AftercartConnector
import Foundation
import MockStores
import Testing

@Suite("HTTPTransport failures")
struct TransportFailureTests {
    @Test func hungResponseTimesOut() async throws {
        try await withScriptedServer([.hang]) { server in
            try await withClient { client in
                let transport = makeTransport(client: client, retry: .none, readTimeout: .milliseconds(500))
                let error = await connectorError { try await transport.send(TransportRequest(url: server.baseURL)) }
                guard case .timeout = error else {
                    Issue.record("expected .timeout, got \(String(describing: error))")
                    return
                }
            }
        }
    }

    @Test func cancellationStopsARequestAndIsNotAConnectorError() async throws {
        try await withScriptedServer([.hang]) { server in
            try await withClient { client in
                let transport = makeTransport(client: client, readTimeout: .seconds(30))
                let task = Task { try await transport.send(TransportRequest(url: server.baseURL)) }
                // Cancel once the request is at the server (hanging there), not before.
                for _ in 0..<1_000 where server.requestCount == 0 {
                    try await Task.sleep(for: .milliseconds(20))
                }
                task.cancel()
                await #expect(throws: CancellationError.self) { try await task.value }
                #expect(server.requestCount == 1)
            }
        }
    }

    @Test func perRequestReadTimeoutOverridesTheTransport() async throws {
        try await withScriptedServer([Scripted(status: 200, body: "[]", delay: .seconds(2))]) { server in
            try await withClient { client in
                let transport = makeTransport(client: client, retry: .none, readTimeout: .seconds(30))
                let request = TransportRequest(
                    url: server.baseURL, readTimeout: .milliseconds(300), connectTimeout: .milliseconds(200))
                let error = await connectorError { try await transport.send(request) }
                guard case .timeout(let seconds, _) = error else {
                    Issue.record("expected .timeout, got \(String(describing: error))")
                    return
                }
                #expect(seconds == 0.5)
            }
        }
    }

    @Test func bodyThatStopsArrivingTimesOut() async throws {
        let server = try await RawServer.start([
            .sendAndHold("HTTP/1.1 200 OK\r\nContent-Length: 100\r\nContent-Type: application/json\r\n\r\n[{\"id\":1}")
        ])
        try await withClient { client in
            let transport = makeTransport(client: client, retry: .none, readTimeout: .milliseconds(500))
            let error = await connectorError { try await transport.send(TransportRequest(url: server.baseURL)) }
            guard case .timeout = error else {
                Issue.record("expected .timeout, got \(String(describing: error))")
                return
            }
        }
        await server.stop()
    }

    @Test func truncatedBodyIsInvalidResponse() async throws {
        let server = try await RawServer.start([
            .sendAndClose(
                "HTTP/1.1 200 OK\r\nContent-Length: 1000\r\nContent-Type: application/json\r\n\r\n[{\"id\":1},")
        ])
        try await withClient { client in
            let transport = makeTransport(
                client: client, retry: RetryPolicy(maxAttempts: 2, baseDelay: .milliseconds(10)))
            let error = await connectorError { try await transport.send(TransportRequest(url: server.baseURL)) }
            guard case .invalidResponse(_, let context) = error else {
                Issue.record("expected .invalidResponse, got \(String(describing: error))")
                return
            }
            // A truncated GET is worth a second try.
            #expect(context.attempts == 2)
            #expect(server.requestCount == 2)
        }
        await server.stop()
    }

    @Test func connectionResetIsRetriedThenSucceeds() async throws {
        let server = try await RawServer.start([
            .reset,
            .sendAndClose("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\n[]"),
        ])
        try await withClient { client in
            let response = try await makeTransport(client: client).send(TransportRequest(url: server.baseURL))
            #expect(response.status == 200)
            #expect(response.body == Data("[]".utf8))
            #expect(server.requestCount == 2)
        }
        await server.stop()
    }

    @Test func connectionResetOnPostIsNotRetried() async throws {
        let server = try await RawServer.start([
            .reset,
            .sendAndClose("HTTP/1.1 201 Created\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}"),
        ])
        try await withClient { client in
            let request = TransportRequest(.post, url: server.baseURL, body: Data("{}".utf8))
            let error = await connectorError { try await makeTransport(client: client).send(request) }
            #expect(error != nil)
            #expect(server.requestCount == 1)
        }
        await server.stop()
    }

    @Test func refusedConnectionIsUnreachable() async throws {
        let closed = try ClosedPort()
        let url = "http://127.0.0.1:\(closed.port)"
        try await withClient(connectTimeout: .milliseconds(500)) { client in
            let transport = makeTransport(client: client, retry: .none)
            let error = await connectorError {
                try await transport.send(TransportRequest(url: url, resource: "orders"))
            }
            guard case .unreachable = error else {
                Issue.record("expected .unreachable, got \(String(describing: error))")
                return
            }
            #expect(error?.description.hasPrefix("tokyo-woo orders: cannot reach http://127.0.0.1:") == true)
        }
        withExtendedLifetime(closed) {}
    }

    @Test func oversizedBodyIsRefused() async throws {
        let big = "[" + String(repeating: "1,", count: 5000) + "1]"
        try await withScriptedServer([.json(200, big)]) { server in
            try await withClient { client in
                let transport = makeTransport(client: client, maxBodyBytes: 1000)
                let error = await connectorError { try await transport.send(TransportRequest(url: server.baseURL)) }
                guard case .invalidResponse(let reason, _) = error else {
                    Issue.record("expected .invalidResponse, got \(String(describing: error))")
                    return
                }
                #expect(reason.contains("1000 bytes"))
                #expect(server.requestCount == 1)
            }
        }
    }

    @Test func redirectIsReportedNotFollowed() async throws {
        try await withScriptedServer([
            Scripted(
                status: 301,
                headers: [("Location", "https://www.shop.example.com/wp-json/wc/v3/orders?consumer_key=ck_x")])
        ]) { server in
            try await withClient { client in
                let error = await connectorError {
                    try await makeTransport(client: client).send(TransportRequest(url: server.baseURL))
                }
                guard case .invalidResponse(let reason, _) = error else {
                    Issue.record("expected .invalidResponse, got \(String(describing: error))")
                    return
                }
                #expect(reason.contains("https://www.shop.example.com/wp-json/wc/v3/orders"))
                #expect(!reason.contains("ck_x"))
                #expect(server.requestCount == 1)
            }
        }
    }
}
