import AftercartConnector
import AftercartModel
import Foundation
import Testing

@Suite("ConnectorError descriptions")
struct ErrorDescriptionTests {
    let context = ErrorContext(
        store: "tokyo-woo", resource: "orders", platform: "woocommerce", method: "GET",
        url: "https://shop.example.com/wp-json/wc/v3/orders?per_page=100", credentialName: "consumer key")

    @Test func unauthorizedMatchesSpecExactly() {
        #expect(
            ConnectorError.unauthorized(context).description
                == "tokyo-woo orders: 401 from https://shop.example.com — consumer key rejected; run 'aftercart check --store tokyo-woo'"
        )
    }

    @Test func unauthorizedFromTheWire() async throws {
        try await withScriptedServer([
            .json(
                401,
                #"{"code":"woocommerce_rest_cannot_view","message":"Sorry, you cannot list resources.","data":{"status":401}}"#
            )
        ]) { server in
            try await withClient { client in
                let error = await connectorError {
                    try await makeTransport(client: client).send(
                        TransportRequest(url: server.baseURL + "/wp-json/wc/v3/orders", resource: "orders"))
                }
                // The store's own code and message stay in the line.
                #expect(
                    error?.description
                        == "tokyo-woo orders: 401 from \(server.baseURL) — consumer key rejected (woocommerce_rest_cannot_view: Sorry, you cannot list resources.); run 'aftercart check --store tokyo-woo'"
                )
            }
        }
    }

    @Test func everyCaseNamesStoreResourceAndAdvice() {
        let errors: [ConnectorError] = [
            .unauthorized(context), .forbidden(status: 403, context), .notFound(context),
            .rateLimited(retryAfter: 2, context), .server(status: 503, context), .badRequest(status: 400, context),
            .timeout(seconds: 30, context), .unreachable(reason: "connection refused", context),
            .invalidResponse(reason: "the body ended early", context),
            .decoding(field: "line_items[0].price", reason: "expected a number", context),
            .unsupported(operation: "loyalty adjustment", context),
        ]
        for error in errors {
            let text = error.description
            #expect(text.hasPrefix("tokyo-woo orders: "), "\(text)")
            #expect(!text.contains("\n"))
            #expect(!text.contains("per_page"), "the path and query stay out of the user line: \(text)")
            if case .unsupported = error { continue }
            #expect(text.contains("https://shop.example.com"), "\(text)")
            #expect(text.contains(";"), "needs a what-to-do part: \(text)")
        }
    }

    @Test func platformDetailsAppearShortAndSnippetOnlyInDebug() {
        var context = context
        context.platformCode = "rest_invalid_param"
        context.platformMessage = "Invalid parameter(s): per_page"
        context.bodySnippet = #"{"code":"rest_invalid_param"}"#
        let error = ConnectorError.badRequest(status: 400, context)
        #expect(
            error.description
                == "tokyo-woo orders: 400 from https://shop.example.com — request refused (rest_invalid_param: Invalid parameter(s): per_page); if it persists, report it with the output of --log-level debug"
        )
        #expect(!error.description.contains("{"))
        #expect(error.debugDetails.contains(#"body starts: {"code":"rest_invalid_param"}"#))
        #expect(error.debugDetails.contains("GET https://shop.example.com/wp-json/wc/v3/orders?per_page=100"))
    }

    @Test func attemptsAndRetryHintsAreShown() {
        var context = context
        context.attempts = 5
        #expect(
            ConnectorError.server(status: 503, context).description
                == "tokyo-woo orders: 503 from https://shop.example.com — the store's server failed after 5 attempts; try again later"
        )
        #expect(
            ConnectorError.rateLimited(retryAfter: 2.0, context).description
                == "tokyo-woo orders: 429 from https://shop.example.com — rate limited after 5 attempts, store asked to wait 2s; the next sync resumes from its cursor"
        )
    }

    @Test func withoutStoreOrResourceThePrefixShrinks() {
        let bare = ErrorContext(url: "https://osaka.myshopify.com/admin/api/2025-01/shop.json")
        #expect(ConnectorError.notFound(bare).description.hasPrefix("404 from https://osaka.myshopify.com — "))
        let storeOnly = ErrorContext(store: "osaka-shopify", url: "https://osaka.myshopify.com/x")
        #expect(
            ConnectorError.unauthorized(storeOnly).description
                == "osaka-shopify: 401 from https://osaka.myshopify.com — credentials rejected; run 'aftercart check --store osaka-shopify'"
        )
    }

    @Test func addingContextFillsOnlyWhatIsMissing() {
        let error = ConnectorError.timeout(seconds: 30, ErrorContext(url: "https://s.example"))
            .adding(ErrorContext(store: "tokyo-woo", resource: "coupons", url: "https://other.example"))
        #expect(error.context.store == "tokyo-woo")
        #expect(error.context.resource == "coupons")
        #expect(error.context.url == "https://s.example")
        #expect(error.isTransient)
    }
}

@Suite("JSON decoding helper")
struct JSONDecodingTests {
    struct LineItem: Decodable { let price: Double }
    struct WooOrder: Decodable {
        let id: Int
        let lineItems: [LineItem]
        enum CodingKeys: String, CodingKey {
            case id
            case lineItems = "line_items"
        }
    }

    let context = ErrorContext(
        store: "tokyo-woo", resource: "orders", url: "https://shop.example.com/wp-json/wc/v3/orders")

    @Test func typeMismatchNamesTheFieldPath() {
        let body = Data(#"[{"id":1,"line_items":[{"price":"12.50"}]}]"#.utf8)
        #expect(throws: ConnectorError.self) {
            try JSONDecoding.decode([WooOrder].self, from: body, context: context)
        }
        do {
            _ = try JSONDecoding.decode([WooOrder].self, from: body, context: context)
        } catch let error as ConnectorError {
            guard case .decoding(let field, let reason, let context) = error else {
                Issue.record("expected .decoding, got \(error)")
                return
            }
            #expect(field == "[0].line_items[0].price")
            #expect(reason == "expected a number")
            #expect(context.bodySnippet == String(decoding: body, as: UTF8.self))
            #expect(
                error.description
                    == "tokyo-woo orders: unexpected data from https://shop.example.com — field [0].line_items[0].price: expected a number; if it persists, report it with the output of --log-level debug"
            )
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func missingKeyAndBrokenJSON() {
        func failure(_ text: String) -> (String, String)? {
            do {
                _ = try JSONDecoding.decode(WooOrder.self, from: Data(text.utf8), context: context)
            } catch let ConnectorError.decoding(field, reason, _) {
                return (field, reason)
            } catch {}
            return nil
        }
        #expect(failure(#"{"id":1}"#)! == ("line_items", "missing"))
        #expect(failure("<html>Fatal error</html>")! == ("(body)", "not valid JSON"))
        #expect(failure(#"{"id":null,"line_items":[]}"#)! == ("id", "expected an integer, found null"))
    }

    @Test func snippetIsAtMost200BytesAndRedacted() {
        let secret = TestSecrets.consumerSecret
        let body = Data((secret.revealed() + String(repeating: "é", count: 300)).utf8)
        let snippet = JSONDecoding.snippet(body, redaction: Redaction(secrets: [secret]))
        #expect(snippet.utf8.count <= 200)
        #expect(!snippet.contains(secret.revealed()))
        #expect(!snippet.contains("\u{FFFD}"))
    }
}
