import Foundation
import Testing

@testable import MockStores

@Suite("WooCommerce authentication")
struct WooAuthTests {
    @Test("OAuth 1.0a signature known answers (computed independently)")
    func knownAnswer() {
        let params = [
            ("per_page", "2"), ("status", "any processing"), ("oauth_consumer_key", "ck_test"),
            ("oauth_nonce", "abc123"),
            ("oauth_signature_method", "HMAC-SHA256"), ("oauth_timestamp", "1793491200"),
        ]
        let url = "http://127.0.0.1:8443/wp-json/wc/v3/orders"
        let base = OAuth1Signature.baseString(method: "get", url: url, parameters: params)
        #expect(
            base
                == "GET&http%3A%2F%2F127.0.0.1%3A8443%2Fwp-json%2Fwc%2Fv3%2Forders&oauth_consumer_key%3Dck_test%26oauth_nonce%3Dabc123%26oauth_signature_method%3DHMAC-SHA256%26oauth_timestamp%3D1793491200%26per_page%3D2%26status%3Dany%2520processing"
        )
        #expect(
            OAuth1Signature.sign(base, consumerSecret: "cs_test_secret", method: .hmacSHA256)
                == "F6vZtqFP1rHuDaA8pIxhCryKpW2W85RNIVGwSs67u7s=")
        let sha1Params = params.map { $0.0 == "oauth_signature_method" ? ($0.0, "HMAC-SHA1") : $0 }
        let sha1Base = OAuth1Signature.baseString(method: "GET", url: url, parameters: sha1Params)
        #expect(
            OAuth1Signature.sign(sha1Base, consumerSecret: "cs_test_secret", method: .hmacSHA1)
                == "XHnaSQmnGxw+ytn+3bpK6LNMJyg=")
    }

    /// Signs like a client would, against `signingBase` (the store's home URL).
    func oauthURL(
        _ mock: MockStoreServer, path: String, query: [(String, String)], signingBase: String,
        secret: String? = nil, method: String = "HMAC-SHA256", timestamp: Int? = nil, inHeader: Bool = false
    ) -> (url: String, header: String?) {
        let oauth = [
            ("oauth_consumer_key", mock.credentials.consumerKey!), ("oauth_nonce", UUID().uuidString),
            ("oauth_signature_method", method),
            ("oauth_timestamp", String(timestamp ?? Int(Date().timeIntervalSince1970))),
        ]
        let base = OAuth1Signature.baseString(
            method: "GET", url: signingBase + "/wp-json/wc/v3" + path, parameters: query + oauth)
        let signature = OAuth1Signature.sign(
            base, consumerSecret: secret ?? mock.credentials.consumerSecret!,
            method: method == "HMAC-SHA1" ? .hmacSHA1 : .hmacSHA256)
        let all = inHeader ? query : query + oauth + [("oauth_signature", signature)]
        let url = mock.apiBaseURL + path + "?" + PercentEncoding.formQuery(all)
        let header =
            inHeader
            ? "OAuth "
                + (oauth + [("oauth_signature", signature)]).map { "\($0.0)=\"\(PercentEncoding.encode($0.1))\"" }
                .joined(separator: ", ") : nil
        return (url, header)
    }

    @Test("plain HTTP: Basic is ignored, OAuth (query or header, SHA256 or SHA1) works")
    func plainHTTP() async throws {
        try await withMock(woo(5)) { (mock: MockStoreServer) async throws in
            let basic = try await TestHTTP.request(
                mock.apiBaseURL + "/orders", headers: [("Authorization", mock.basicAuth)])
            #expect(basic.status == 401)
            #expect(basic.value?["code"]?.text == "woocommerce_rest_cannot_view")
            #expect(basic.value?["message"]?.text == "Sorry, you cannot list resources.")
            #expect(basic.value?["data"]?["status"]?.int == 401)

            let signed = oauthURL(mock, path: "/orders", query: [("per_page", "2")], signingBase: mock.homeURL)
            let ok = try await TestHTTP.request(signed.url)
            #expect(ok.status == 200, "\(ok.text)")
            #expect(ok.array.count == 2)

            let sha1 = oauthURL(mock, path: "/orders", query: [], signingBase: mock.homeURL, method: "HMAC-SHA1")
            #expect(try await TestHTTP.request(sha1.url).status == 200)

            let header = oauthURL(
                mock, path: "/orders", query: [("per_page", "1")], signingBase: mock.homeURL, inHeader: true)
            #expect(try await TestHTTP.request(header.url, headers: [("Authorization", header.header!)]).status == 200)

            let wrong = oauthURL(mock, path: "/orders", query: [], signingBase: mock.homeURL, secret: "cs_wrong")
            let bad = try await TestHTTP.request(wrong.url)
            #expect(bad.status == 401)
            #expect(bad.value?["code"]?.text == "woocommerce_rest_authentication_error")
            #expect(bad.value?["message"]?.text == "Invalid signature - provided signature does not match.")

            let stale = oauthURL(
                mock, path: "/orders", query: [], signingBase: mock.homeURL,
                timestamp: Int(Date().timeIntervalSince1970) - 3_600)
            #expect(try await TestHTTP.request(stale.url).status == 401)

            let replay = try await TestHTTP.request(signed.url)
            #expect(replay.status == 401, "a nonce is accepted once")

            #expect(try await TestHTTP.request(mock.apiBaseURL + "/orders").status == 401)
        }
    }

    @Test("the signature URL is the home URL, not the requested host")
    func homeURLSigning() async throws {
        try await withMock(woo(3, homeURL: "http://shop.example.test:8443")) { (mock: MockStoreServer) async throws in
            let byHost = oauthURL(mock, path: "/orders", query: [], signingBase: mock.baseURL)
            #expect(try await TestHTTP.request(byHost.url).status == 401)
            let byHome = oauthURL(mock, path: "/orders", query: [], signingBase: "http://shop.example.test:8443")
            let ok = try await TestHTTP.request(byHome.url)
            #expect(ok.status == 200)
            #expect(
                ok.array.first?["_links"]?["self"]?.array?.first?["href"]?.text?.hasPrefix(
                    "http://shop.example.test:8443/") == true)
        }
    }

    @Test(
        "HTTPS via X-Forwarded-Proto: Basic and query keys work; wrong secret and unknown key fail as WooCommerce does")
    func https() async throws {
        try await withMock(woo(3)) { (mock: MockStoreServer) async throws in
            #expect(try await mock.woo("/orders").status == 200)
            let key = mock.credentials.consumerKey!
            let secret = mock.credentials.consumerSecret!
            let query = try await TestHTTP.request(
                mock.apiBaseURL + "/orders?consumer_key=\(key)&consumer_secret=\(secret)",
                headers: [("X-Forwarded-Proto", "https")])
            #expect(query.status == 200)
            let wrongSecret = try await TestHTTP.request(
                mock.apiBaseURL + "/orders",
                headers: [
                    ("X-Forwarded-Proto", "https"),
                    ("Authorization", "Basic " + Data("\(key):cs_nope".utf8).base64EncodedString()),
                ])
            #expect(wrongSecret.status == 401)
            #expect(wrongSecret.value?["code"]?.text == "woocommerce_rest_authentication_error")
            #expect(wrongSecret.value?["message"]?.text == "Consumer secret is invalid.")
            let unknown = try await TestHTTP.request(
                mock.apiBaseURL + "/orders",
                headers: [
                    ("X-Forwarded-Proto", "https"),
                    ("Authorization", "Basic " + Data("ck_nobody:\(secret)".utf8).base64EncodedString()),
                ])
            #expect(unknown.status == 401)
            #expect(unknown.value?["code"]?.text == "woocommerce_rest_cannot_view")
            // The index is public.
            #expect(try await TestHTTP.request(mock.apiBaseURL).status == 200)
        }
    }
}
