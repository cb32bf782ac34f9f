import AftercartConnector
import AsyncHTTPClient
import Foundation
import Logging
import Testing

/// HTTPS to a store whose certificate a private CA signed, over a real TLS
/// server on loopback with a CA made at test time.
@Suite("Trust for a private CA")
struct TransportTrustTests {
    static let answer =
        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n[]"

    func transport(client: HTTPClient, trust: TransportTrust) -> HTTPTransport {
        let configuration = TransportConfiguration(
            store: "tokyo-woo", platform: "woocommerce", credentialName: "consumer key", connectTimeout: .seconds(2),
            readTimeout: .seconds(5), totalDeadline: .seconds(60),
            retry: RetryPolicy(maxAttempts: 4, baseDelay: .milliseconds(20), maxDelay: .milliseconds(100)),
            trust: trust)
        return HTTPTransport(
            client: client, configuration: configuration,
            logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))
    }

    /// Runs `body` against a TLS server presenting a certificate `ca` signed.
    func withTLSServer(
        _ ca: TestCertificateAuthority, _ body: (String, RawServer) async throws -> Void
    ) async throws {
        let server = try await RawServer.start([.sendAndClose(Self.answer)], tls: try ca.serverContext())
        do {
            try await body("https://localhost:\(server.port)/wp-json/wc/v3/orders", server)
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
    }

    @Test func withoutTheCAItSaysCertificateNotTrustedAtOnce() async throws {
        let ca = try TestCertificateAuthority()
        try await withTLSServer(ca) { url, server in
            try await withClient { client in
                let error = await connectorError {
                    try await transport(client: client, trust: .system).send(
                        TransportRequest(url: url, resource: "orders"))
                }
                let text = error?.description ?? ""
                #expect(
                    text.hasPrefix("tokyo-woo orders: https://localhost:\(server.port) — certificate not trusted"),
                    "\(text)")
                #expect(text.contains("ca_file"), "\(text)")
                #expect(!text.contains("cannot reach"), "\(text)")
                // One attempt, not retries until the deadline (timing is for
                // benchmarks, not tests: the attempt count says it).
                #expect(error?.context.attempts == 1)
                #expect(server.requestCount == 0)
            }
        }
    }

    @Test func caFileMakesTheRequestSucceed() async throws {
        let ca = try TestCertificateAuthority()
        let trust = try TransportTrust(caFile: try ca.writeCA(), environment: [:])
        try await withTLSServer(ca) { url, _ in
            try await withClient { client in
                let response = try await transport(client: client, trust: trust).send(TransportRequest(url: url))
                #expect(response.status == 200)
            }
        }
    }

    @Test func sslCertFileFromTheEnvironmentIsTrusted() async throws {
        let ca = try TestCertificateAuthority()
        let trust = try TransportTrust(caFile: nil, environment: ["SSL_CERT_FILE": try ca.writeCA()])
        try await withTLSServer(ca) { url, _ in
            try await withClient { client in
                let response = try await transport(client: client, trust: trust).send(TransportRequest(url: url))
                #expect(response.status == 200)
            }
        }
    }

    @Test func sslCertDirFromTheEnvironmentIsTrusted() async throws {
        let ca = try TestCertificateAuthority()
        let folder = (try ca.writeCA(named: "0a1b2c3d.0") as NSString).deletingLastPathComponent
        try "not a certificate".write(toFile: folder + "/README", atomically: true, encoding: .utf8)
        let trust = try TransportTrust(caFile: nil, environment: ["SSL_CERT_DIR": folder])
        #expect(!trust.isSystemOnly)
        try await withTLSServer(ca) { url, _ in
            try await withClient { client in
                let response = try await transport(client: client, trust: trust).send(TransportRequest(url: url))
                #expect(response.status == 200)
            }
        }
    }

    @Test func anotherCAIsStillNotTrusted() async throws {
        let ca = try TestCertificateAuthority()
        let other = try TestCertificateAuthority()
        let trust = try TransportTrust(caFile: try other.writeCA(), environment: [:])
        try await withTLSServer(ca) { url, _ in
            try await withClient { client in
                let error = await connectorError {
                    try await transport(client: client, trust: trust).send(TransportRequest(url: url))
                }
                #expect(error?.description.contains("certificate not trusted") == true)
            }
        }
    }

    @Test func unreadableTrustSourcesAreNamed() throws {
        #expect(throws: TransportTrustError.self) {
            try TransportTrust(caFile: "/nonexistent/ca.pem", environment: [:])
        }
        do {
            _ = try TransportTrust(caFile: nil, environment: ["SSL_CERT_FILE": "/nonexistent/bundle.pem"])
            Issue.record("expected an error")
        } catch {
            #expect("\(error)" == "SSL_CERT_FILE /nonexistent/bundle.pem does not exist")
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("aftercart-notpem-\(UUID())")
        try "hello".write(to: folder, atomically: true, encoding: .utf8)
        do {
            _ = try TransportTrust(caFile: folder.path, environment: [:])
            Issue.record("expected an error")
        } catch {
            #expect("\(error)".hasPrefix("ca_file \(folder.path) "), "\(error)")
        }
    }
}
