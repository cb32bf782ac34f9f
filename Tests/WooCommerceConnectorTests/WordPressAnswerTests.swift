import AftercartConnector
import AftercartModel
import AsyncHTTPClient
import Foundation
import Logging
import MockStores
import Testing
import WooCommerceConnector

/// What a real WordPress answers when it is broken, in maintenance, behind a
/// firewall, or refusing a signature (API facts §7 Auth, §8.8), through the
/// emulator and the adapter as the CLI builds it: the error names the cause.
@Suite("WordPress answers named")
struct WordPressAnswerTests {
    /// Runs `body` with an adapter built through the registration against
    /// an emulator injecting `faults`, with extra config `values`.
    func withStore(
        faults: String = "", values: [String: String] = [:],
        _ body: (any StoreConnector, MockStoreServer) async throws -> Void
    ) async throws {
        try await withEmulatedWooStore(
            WooCommerceMockOptions(orders: 30, seed: 3, faults: try MockFaultPlan(spec: faults)), store: "tokyo-woo",
            values: values
        ) { connector, mock, _ in try await body(connector, mock) }
    }

    /// The ``ConnectorError`` `check` throws, or `nil` (recorded as an issue).
    func checkError(
        _ connector: any StoreConnector, sourceLocation: SourceLocation = #_sourceLocation
    ) async -> ConnectorError? {
        do {
            _ = try await connector.check()
            Issue.record("expected a ConnectorError, got success", sourceLocation: sourceLocation)
        } catch let error as ConnectorError {
            return error
        } catch {
            Issue.record("expected a ConnectorError, got \(error)", sourceLocation: sourceLocation)
        }
        return nil
    }

    /// `auto` over HTTP signs with OAuth, and WordPress answered HTML to it;
    /// `basic` sends only `Accept: application/json`, which gets JSON.
    @Test(arguments: ["auto", "basic"])
    func aCriticalErrorIsNamed(auth: String) async throws {
        try await withStore(faults: "critical:1", values: ["auth": auth]) { connector, _ in
            let error = await checkError(connector)
            let text = error?.description ?? ""
            #expect(error?.status == 500)
            // A 500 is retried like any 5xx; one that persists is named after the last attempt.
            #expect(error?.context.attempts == RetryPolicy().maxAttempts)
            #expect(
                text.contains(
                    "— the store's WordPress reported a critical error (PHP fatal error; see the store's error log)"),
                "\(text)")
            #expect(text.hasPrefix("tokyo-woo check: 500 from http://127.0.0.1:"), "\(text)")
        }
    }

    @Test(arguments: ["auto", "basic"])
    func maintenanceModeIsNamedAndNotWaitedOut(auth: String) async throws {
        try await withStore(faults: "maintenance:1", values: ["auth": auth]) { connector, mock in
            let error = await checkError(connector)
            let text = error?.description ?? ""
            #expect(
                text.contains(
                    "— the store is in maintenance mode (a WordPress update is running) and asks to wait 600s"),
                "\(text)")
            #expect(error?.isTransient == true)
            // Retry-After: 600 is beyond what one run waits: one attempt, no
            // retry after a sleep, and the next run tries again.
            #expect(error?.context.attempts == 1)
            #expect(mock.stats().total == 1)
            // Once maintenance is over, the next attempt goes through (Basic
            // over plain HTTP would then be refused for its own reason).
            mock.setFaults(.none)
            if auth == "auto" { _ = try await connector.check() }
        }
    }

    @Test func anHTMLPageWithStatus200IsTransient() async throws {
        try await withStore(faults: "html200:1") { connector, mock in
            let error = await checkError(connector)
            guard case .invalidResponse(let reason, _) = error else {
                Issue.record("expected .invalidResponse, got \(String(describing: error))")
                return
            }
            #expect(reason == "the store answered an HTML page instead of JSON (a firewall or security plugin?)")
            #expect(error?.isTransient == true)
            mock.setFaults(.none)
            _ = try await connector.check()
        }
    }

    @Test func aSignatureOverTheWrongHomeURLSaysSetHomeURL() async throws {
        try await withStore(values: ["home_url": "http://127.0.0.1:1"]) { connector, _ in
            let text = await checkError(connector)?.description ?? ""
            #expect(
                text.contains(
                    "consumer key rejected (woocommerce_rest_authentication_error: Invalid signature - provided signature does not match.)"
                ), "\(text)")
            #expect(text.contains("set home_url to WordPress's home URL"), "\(text)")
        }
    }

    @Test func basicOverPlainHTTPSaysWhy() async throws {
        try await withStore(values: ["auth": "basic"]) { connector, _ in
            let text = await checkError(connector)?.description ?? ""
            #expect(text.contains("consumer key rejected (woocommerce_rest_cannot_view:"), "\(text)")
            #expect(text.contains("over plain HTTP WordPress ignores Basic and query credentials"), "\(text)")
        }
    }

    @Test func aWrongSecretIsNamed() {
        let settings = WooCommerceStoreSettings(
            store: "tokyo-woo", baseURL: "https://shop.example.com", consumerKey: Secret("ck_x"),
            consumerSecret: Secret("cs_x"))
        let body =
            #"{"code":"woocommerce_rest_authentication_error","message":"Consumer secret is invalid.","data":{"status":401}}"#
        let answer = RefusedAnswer(
            status: 401, headers: ["Content-Type": "application/json"], body: Data(body.utf8),
            platformError: PlatformErrorBody.parseCommonShapes(Data(body.utf8)))
        #expect(
            WooCommerceErrorAdvice(settings: settings).diagnose(answer)
                == "the consumer key is known but the consumer secret is wrong")
        // Over HTTPS an anonymous answer is not the plain-HTTP trap.
        let anonymous = #"{"code":"woocommerce_rest_cannot_view","message":"Sorry, you cannot list resources."}"#
        let cannotView = RefusedAnswer(
            status: 401, headers: [:], body: Data(anonymous.utf8),
            platformError: PlatformErrorBody.parseCommonShapes(Data(anonymous.utf8)))
        #expect(WooCommerceErrorAdvice(settings: settings).diagnose(cannotView) == nil)
    }

    /// `ca_file` and `SSL_CERT_FILE` are read when the adapter is made: a
    /// file that cannot be read stops this store with its name, before any request.
    @Test func anUnreadableCAFileIsASetupErrorNamingIt() throws {
        func make(caFile: String?, environment: [String: String]) throws {
            var values = ["base_url": "https://shop.example.com"]
            if let caFile { values["ca_file"] = caFile }
            let settings = ConnectorSettings(
                store: "tokyo-woo", platform: "woocommerce", values: values,
                secrets: ["consumer_key": Secret("ck_x"), "consumer_secret": Secret("cs_x")])
            let client = HTTPClientFactory.makeClient()
            defer { try? client.syncShutdown() }
            _ = try WooCommerceConnector.registration.makeConnector(
                settings,
                ConnectorEnvironment(
                    client: client, logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }),
                    trustEnvironment: environment))
        }
        #expect(throws: ConnectorSetupError(store: "tokyo-woo", message: "ca_file /nonexistent/ca.pem does not exist"))
        {
            try make(caFile: "/nonexistent/ca.pem", environment: [:])
        }
        #expect(
            throws: ConnectorSetupError(
                store: "tokyo-woo", message: "SSL_CERT_FILE /nonexistent/all.pem does not exist")
        ) {
            try make(caFile: nil, environment: ["SSL_CERT_FILE": "/nonexistent/all.pem"])
        }
        try make(caFile: nil, environment: [:])
    }
}
