import AftercartModel
import Foundation
import Testing

@testable import WooCommerceConnector

/// Known-answer vectors for WooCommerce's one-legged OAuth 1.0a.
///
/// The expected base strings and signatures were computed independently of
/// this code with Python 3's standard library (`hmac`, `hashlib`,
/// `urllib.parse.quote(s, safe='-._~')`, `unquote_plus` for the request's
/// query): parameters = decoded query + the four `oauth_*` values, each
/// name and value percent-encoded, sorted, joined `k=v` with `&`; base
/// string = `GET & enc(base URL) & enc(parameters)`; signature =
/// `base64(HMAC(consumer_secret + "&", base string))`.
@Suite struct OAuthSignerTests {
    static let key = Secret("ck_4f1d2c3b5a6978e0d1c2b3a4f5e6d7c8b9a0f1e2")
    static let secret = Secret("cs_9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b")

    /// Calling port 8081 of a store whose WordPress home is
    /// `https://127.0.0.1:8443`: the signature must be over
    /// `http://127.0.0.1:8443/…` (WordPress signs over its home URL).
    @Test func sha256VectorSignsOverTheHomeURLNotTheCalledURL() throws {
        let signer = WooCommerceOAuthSigner(
            consumerKey: Self.key, consumerSecret: Self.secret, homeURL: "https://127.0.0.1:8443")
        let url =
            "http://127.0.0.1:8081/wp-json/wc/v3/orders?per_page=100&page=2&modified_after=2026-11-23T00%3A38%3A27&dates_are_gmt=true&orderby=id&order=asc"
        let nonce = "kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgm"
        let oauth: [(String, String)] = [
            ("oauth_consumer_key", Self.key.revealed()), ("oauth_nonce", nonce),
            ("oauth_signature_method", "HMAC-SHA256"), ("oauth_timestamp", "1763858307"),
        ]
        let base = try signer.signatureBaseString(method: "GET", url: url, oauthParameters: oauth)
        #expect(
            base
                == "GET&http%3A%2F%2F127.0.0.1%3A8443%2Fwp-json%2Fwc%2Fv3%2Forders&dates_are_gmt%3Dtrue%26modified_after%3D2026-11-23T00%253A38%253A27%26oauth_consumer_key%3Dck_4f1d2c3b5a6978e0d1c2b3a4f5e6d7c8b9a0f1e2%26oauth_nonce%3DkYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgm%26oauth_signature_method%3DHMAC-SHA256%26oauth_timestamp%3D1763858307%26order%3Dasc%26orderby%3Did%26page%3D2%26per_page%3D100"
        )
        #expect(signer.signature(of: base) == "eGdWxHCWSRKHLdib/tjES6beS41/qRh56FWw90cKuss=")

        let signed = try signer.sign(method: "GET", url: url, timestamp: 1_763_858_307, nonce: nonce)
        #expect(
            signed
                == url
                + "&oauth_consumer_key=ck_4f1d2c3b5a6978e0d1c2b3a4f5e6d7c8b9a0f1e2&oauth_nonce=kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgm&oauth_signature_method=HMAC-SHA256&oauth_timestamp=1763858307&oauth_signature=eGdWxHCWSRKHLdib%2FtjES6beS41%2FqRh56FWw90cKuss%3D"
        )
        #expect(!signed.contains("oauth_version"))
    }

    /// WordPress in a subdirectory, SHA1, and a query value with UTF-8, a
    /// `+` meaning space and an encoded `%`.
    @Test func sha1VectorWithSubdirectoryAndSpecialCharacters() throws {
        let signer = WooCommerceOAuthSigner(
            consumerKey: Self.key, consumerSecret: Self.secret, homeURL: "https://shop.example.com/store/",
            signatureMethod: .hmacSHA1)
        let url = "https://shop.example.com/store/wp-json/wc/v3/coupons?code=caf%C3%A9+10%25&per_page=1"
        let parameters = try signer.oauthParameters(
            method: "get", url: url, timestamp: 1_700_000_000, nonce: "Zx8Qm2LpR7tV0wYcN4bH6jK1sD9fG3aE")
        #expect(
            parameters.map(\.0) == [
                "oauth_consumer_key", "oauth_nonce", "oauth_signature_method", "oauth_timestamp", "oauth_signature",
            ])
        #expect(parameters[2].1 == "HMAC-SHA1")
        #expect(parameters[4].1 == "MjLmRWkhWjtHWkrmHRLw5yXkIY8=")
    }

    @Test func baseURLKeepsHomeHostPortAndPathWithSchemeForcedToHTTP() throws {
        #expect(
            try WooCommerceOAuthSigner.signingBaseURL(
                homeURL: "https://shop.example.com", requestPath: "/wp-json/wc/v3/orders")
                == "http://shop.example.com/wp-json/wc/v3/orders")
        #expect(
            try WooCommerceOAuthSigner.signingBaseURL(homeURL: "http://127.0.0.1:8443", requestPath: "/wp-json/wc/v3")
                == "http://127.0.0.1:8443/wp-json/wc/v3")
        #expect(
            try WooCommerceOAuthSigner.signingBaseURL(homeURL: "https://a.example/shop", requestPath: "/shop/wp-json/x")
                == "http://a.example/shop/wp-json/x")
        // A proxy that strips the subdirectory: the path is appended to the home URL.
        #expect(
            try WooCommerceOAuthSigner.signingBaseURL(homeURL: "https://a.example/shop", requestPath: "/wp-json/x")
                == "http://a.example/shop/wp-json/x")
        #expect(throws: WooCommerceURLError.self) {
            _ = try WooCommerceOAuthSigner.signingBaseURL(homeURL: "not a url", requestPath: "/x")
        }
    }

    @Test func noncesAre32AlphanumericCharactersAndDiffer() {
        let first = WooCommerceOAuthSigner.makeNonce()
        let second = WooCommerceOAuthSigner.makeNonce()
        #expect(first.count == 32)
        #expect(first.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) })
        #expect(first != second)
    }

    @Test func percentEncodingIsRFC3986() {
        #expect(OAuthPercentEncoding.encode("a-b._~ +/=&é") == "a-b._~%20%2B%2F%3D%26%C3%A9")
        #expect(OAuthPercentEncoding.decodeQueryComponent("a+b%2B%zz%C3%A9") == "a b+%zzé")
    }
}
