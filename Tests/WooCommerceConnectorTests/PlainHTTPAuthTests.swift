import AftercartPlatform
import Testing
import WooCommerceConnector

/// Credentials never travel readable over plain http: Basic is refused
/// everywhere (WooCommerce ignores it there anyway, api-facts §7), and
/// query-string keys are refused unless the URL stays on this machine.
@Suite struct PlainHTTPAuthTests {
    private func issues(baseURL: String, auth: String) -> [StoreSettingIssue] {
        let values = StoreSettingValues(["base_url": baseURL, "auth": auth, "consent_meta_key": "opt_in"])
        return WooCommerceConnector.settingsSchema.rules.flatMap { $0.check(values) }
    }

    @Test func queryAuthOverPlainHTTPToAnotherHostIsRefused() throws {
        for url in ["http://shop.example.com", "http://192.168.1.20:8080", "http://shop.local"] {
            let refusal = try #require(issues(baseURL: url, auth: "query").first { $0.keyPath == ["auth"] }, "\(url)")
            #expect(!refusal.isWarning)
            #expect(refusal.message.contains("consumer secret"))
            #expect(refusal.example == "auth = \"oauth1\"")
        }
    }

    @Test func queryAuthStaysAllowedOnLoopbackAndOverHTTPS() {
        for url in ["http://127.0.0.1:8081", "http://localhost:8080", "http://[::1]:8080", "https://shop.example.com"] {
            let refusals = issues(baseURL: url, auth: "query").filter { !$0.isWarning }
            #expect(refusals.isEmpty, "\(url)")
        }
    }

    @Test func basicOverPlainHTTPIsStillRefusedEvenOnLoopback() {
        let refusal = issues(baseURL: "http://127.0.0.1:8081", auth: "basic").first { $0.keyPath == ["auth"] }
        #expect(refusal?.isWarning == false)
    }
}
