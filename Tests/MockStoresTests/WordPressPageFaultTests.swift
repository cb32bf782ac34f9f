import AsyncHTTPClient
import Foundation
import Testing

@testable import MockStores

/// The whole-site pages a real WooCommerce 10.0.2 store answered with
/// (API facts §8.8), as the emulator injects them.
@Suite("WordPress page faults")
struct WordPressPageFaultTests {
    func get(_ mock: MockStoreServer, accept: String?) async throws -> HTTPResult {
        var headers = [("X-Forwarded-Proto", "https"), ("Authorization", mock.basicAuth)]
        if let accept { headers.append(("Accept", accept)) }
        return try await TestHTTP.request(mock.apiBaseURL + "/orders", headers: headers)
    }

    @Test func parsing() throws {
        let plan = try MockFaultPlan(spec: "critical@1,maintenance:0.5,html200@3")
        #expect(plan.exact == [1: .page(.critical), 3: .page(.html200)])
        #expect(plan.rules == [.init(kind: .page(.maintenance), probability: 0.5)])
    }

    @Test func aCriticalErrorIsHTMLUnlessJSONIsAccepted() async throws {
        try await withMock(woo(5, faults: try MockFaultPlan(spec: "critical:1"))) {
            (mock: MockStoreServer) async throws in
            let html = try await get(mock, accept: nil)
            #expect(html.status == 500)
            #expect(html.header("Content-Type") == "text/html; charset=UTF-8")
            #expect(html.text.hasPrefix("<!DOCTYPE html>\n<html lang=\"en-US\">\n<head>"))
            #expect(html.text.contains("<title>WordPress &rsaquo; Error</title>"))
            #expect(html.text.contains("There has been a critical error on this website."))
            let json = try await get(mock, accept: "application/json")
            #expect(json.status == 500)
            #expect(json.value?["code"]?.text == "internal_server_error")
            #expect(json.body.count == 285)
        }
    }

    @Test func maintenanceIs503WithRetryAfterInBothForms() async throws {
        try await withMock(woo(5, faults: try MockFaultPlan(spec: "maintenance:1"))) {
            (mock: MockStoreServer) async throws in
            let html = try await get(mock, accept: nil)
            #expect(html.status == 503)
            #expect(html.header("Retry-After") == "600")
            #expect(html.text.contains("<title>Maintenance</title>"))
            #expect(html.text.contains("Briefly unavailable for scheduled maintenance. Check back in a minute."))
            let json = try await get(mock, accept: "application/json")
            #expect(json.status == 503)
            #expect(json.header("Retry-After") == "600")
            #expect(json.value?["code"]?.text == "wp_die")
            // Every route, the index included.
            let index = try await TestHTTP.request(mock.baseURL + "/wp-json/")
            #expect(index.status == 503)
        }
    }

    @Test func aFirewallPageIs200HTMLWhateverIsAccepted() async throws {
        try await withMock(woo(5, faults: try MockFaultPlan(spec: "html200:1"))) {
            (mock: MockStoreServer) async throws in
            let page = try await get(mock, accept: "application/json")
            #expect(page.status == 200)
            #expect(page.header("Content-Type") == "text/html;charset=UTF-8")
            #expect(page.text == "<html><body>Security check: please enable JavaScript</body></html>")
        }
    }
}
