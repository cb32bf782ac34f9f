import AftercartConnector
import AftercartModel
import Foundation
import Testing

@Suite("Redaction")
struct RedactionTests {
    let redaction = Redaction(secrets: [TestSecrets.consumerKey, TestSecrets.consumerSecret, TestSecrets.shopifyToken])

    @Test func queryCredentialsAreMasked() {
        let url =
            "https://shop.example.com/wp-json/wc/v3/orders?per_page=100&consumer_key=ck_abc&consumer_secret=cs_def&page=2"
        #expect(
            redaction.url(url)
                == "https://shop.example.com/wp-json/wc/v3/orders?per_page=100&consumer_key=<redacted>&consumer_secret=<redacted>&page=2"
        )
    }

    @Test func oauthSignatureAndEncodedNamesAreMasked() {
        let url =
            "http://127.0.0.1:8081/wp-json/wc/v3/orders?oauth_consumer_key=ck_1&oauth_signature=abc%3D&oauth_nonce=n1&consumer%5Fkey=x"
        let redacted = redaction.url(url)
        #expect(!redacted.contains("ck_1"))
        #expect(!redacted.contains("abc%3D"))
        #expect(redacted.contains("oauth_nonce=n1"))
        #expect(redacted.contains("consumer%5Fkey=<redacted>"))
    }

    @Test func userInfoIsMasked() {
        #expect(
            redaction.url("https://ck_1:cs_2@shop.example.com/x?a=1") == "https://<redacted>@shop.example.com/x?a=1")
    }

    @Test func credentialsCanBeStrippedForStorage() {
        let url = "https://shop.example.com/orders?page_info=abc&consumer_key=ck_1&limit=50"
        #expect(redaction.strippingCredentials(from: url) == "https://shop.example.com/orders?page_info=abc&limit=50")
        #expect(redaction.strippingCredentials(from: "https://s/x?consumer_key=1") == "https://s/x")
    }

    @Test func sensitiveHeadersAreMasked() {
        #expect(redaction.header(name: "Authorization", value: "Basic Y2s6Y3M=") == "<redacted>")
        #expect(redaction.header(name: "X-Shopify-Access-Token", value: "shpat_1") == "<redacted>")
        #expect(redaction.header(name: "Accept", value: "application/json") == "application/json")
    }

    @Test func printingTransportPartsShowsNoSecret() async throws {
        try await withClient { client in
            let basic = BasicAuthorizer(username: TestSecrets.consumerKey, password: TestSecrets.consumerSecret)
            let transport = makeTransport(client: client, authorizer: basic)
            var dumped = ""
            dump(transport.configuration, to: &dumped)
            dump(transport.redaction, to: &dumped)
            dump(basic, to: &dumped)
            dumped += String(describing: transport.redaction) + String(reflecting: basic)
            for secret in TestSecrets.all { #expect(!dumped.contains(secret)) }
        }
    }

    @Test func secretValuesAreScrubbedFromAnyText() {
        let text =
            "proxy said: bad token \(TestSecrets.shopifyToken.revealed()) for ck \(TestSecrets.consumerKey.revealed())"
        let scrubbed = redaction.text(text)
        for secret in TestSecrets.all { #expect(!scrubbed.contains(secret)) }
        #expect(scrubbed.contains("<redacted>"))
    }
}

@Suite("Redaction in logs and errors")
struct RedactionEndToEndTests {
    @Test func noLogLineOrErrorCarriesACredential() async throws {
        let logs = LogCapture()
        let body =
            #"{"code":"woocommerce_rest_authentication_error","message":"Consumer secret \#(TestSecrets.consumerSecret.revealed()) is invalid."}"#
        try await withScriptedServer([
            .json(503, "{}"),
            .json(401, body),
        ]) { server in
            try await withClient { client in
                let basic = BasicAuthorizer(username: TestSecrets.consumerKey, password: TestSecrets.consumerSecret)
                let transport = makeTransport(client: client, authorizer: basic, logger: logs.logger())
                let request = TransportRequest(
                    url: server.baseURL + "/wp-json/wc/v3/orders?status=any", resource: "orders")
                let error = await connectorError { try await transport.send(request) }
                #expect(server.requests.first?.header("Authorization")?.hasPrefix("Basic ") == true)
                let texts = [error?.description ?? "", error?.debugDetails ?? "", String(describing: error as Any)]
                for text in texts + logs.all {
                    for secret in TestSecrets.all { #expect(!text.contains(secret), "leaked in: \(text)") }
                    #expect(!text.contains("Y2tf"), "base64 credentials leaked in: \(text)")
                }
                #expect(!logs.all.isEmpty)
            }
        }
    }

    @Test func queryCredentialsNeverReachLogsOrErrors() async throws {
        let logs = LogCapture()
        try await withScriptedServer([.json(500, #"{"code":"internal_server_error","message":"boom"}"#)]) { server in
            try await withClient { client in
                let query = QueryItemAuthorizer(items: [
                    (name: "consumer_key", value: TestSecrets.consumerKey),
                    (name: "consumer_secret", value: TestSecrets.consumerSecret),
                ])
                let transport = makeTransport(
                    client: client, retry: RetryPolicy(maxAttempts: 2, baseDelay: .milliseconds(5)),
                    authorizer: query, logger: logs.logger())
                let error = await connectorError {
                    try await transport.send(
                        TransportRequest(url: server.baseURL + "/orders?page=1", resource: "orders"))
                }
                // The store did receive them...
                #expect(server.requests.first?.uri.contains(TestSecrets.consumerKey.revealed()) == true)
                // ...and nothing we print does.
                for text in logs.all + [error?.description ?? "", error?.debugDetails ?? ""] {
                    for secret in TestSecrets.all { #expect(!text.contains(secret), "leaked in: \(text)") }
                }
                #expect(error?.context.url?.contains("consumer_key") != true)
            }
        }
    }

    @Test func shopifyTokenNeverReachesLogs() async throws {
        let logs = LogCapture()
        try await withScriptedServer([
            .json(403, #"{"errors":"[API] This action requires merchant approval for read_orders scope."}"#)
        ]) { server in
            try await withClient { client in
                let token = HeaderTokenAuthorizer(name: "X-Shopify-Access-Token", token: TestSecrets.shopifyToken)
                let transport = makeTransport(client: client, authorizer: token, logger: logs.logger())
                let error = await connectorError {
                    try await transport.send(TransportRequest(url: server.baseURL + "/orders.json"))
                }
                #expect(server.requests.first?.header("X-Shopify-Access-Token") == TestSecrets.shopifyToken.revealed())
                for text in logs.all + [error?.description ?? "", error?.debugDetails ?? ""] {
                    #expect(!text.contains(TestSecrets.shopifyToken.revealed()), "leaked in: \(text)")
                }
            }
        }
    }
}
