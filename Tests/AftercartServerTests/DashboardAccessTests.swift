import AftercartConfig
import AftercartModel
import Foundation
import Testing

@testable import AftercartServer

/// Who opens the dashboard: the admin token, or the basic user and
/// password; nothing else, and no dashboard without either.
@Suite struct DashboardAccessTests {
    static func basic(_ user: String, _ password: String) -> String {
        "Basic " + Data("\(user):\(password)".utf8).base64EncodedString()
    }

    @Test func withoutCredentialsThereIsNoAccessAtAll() {
        #expect(DashboardAccess(token: nil, user: nil, password: nil) == nil)
        #expect(DashboardAccess(token: Secret(""), user: "owner", password: nil) == nil)
        #expect(DashboardAccess(token: nil, user: "", password: Secret("pw")) == nil)
    }

    @Test func theTokenOpensItAsABearerAndNothingElseDoes() throws {
        let access = try #require(DashboardAccess(token: Secret("s3cret-token"), user: nil, password: nil))
        #expect(access.admits(authorization: "Bearer s3cret-token"))
        #expect(access.admits(authorization: "bearer s3cret-token"))
        for wrong in [
            nil, "", "Bearer", "Bearer s3cret-tokeN", "Bearer s3cret-token2", "s3cret-token",
            Self.basic("s3cret-token", "s3cret-token"),
        ] {
            #expect(!access.admits(authorization: wrong), "\(wrong ?? "nil")")
        }
        #expect(access.challenge == "Bearer realm=\"Aftercart\"")
    }

    @Test func theUserAndPasswordOpenItWithBasicAuth() throws {
        let access = try #require(DashboardAccess(token: Secret("tok"), user: "owner", password: Secret("pa:ss word")))
        #expect(access.admits(authorization: Self.basic("owner", "pa:ss word")), "a password may hold a colon")
        #expect(access.admits(authorization: "Bearer tok"))
        for wrong in [
            Self.basic("owner", "pa:ss"), Self.basic("Owner", "pa:ss word"), Self.basic("owner", ""),
            "Basic not-base64!", "Basic " + Data("ownerpa:ss word".utf8).base64EncodedString(),
        ] {
            #expect(!access.admits(authorization: wrong), "\(wrong)")
        }
        #expect(access.challenge == "Basic realm=\"Aftercart\"")
    }

    @Test func theServerSectionsSecretsAreReadWhenTheAccessIsMade() throws {
        let token = ConfiguredSecret(
            source: .environment("AFTERCART_ADMIN_TOKEN"), file: "c.toml", line: 3, keyPath: "server.admin_token")
        let settings = ServerSettings(adminToken: token)
        let access = try #require(try DashboardAccess(settings, environment: ["AFTERCART_ADMIN_TOKEN": "t0k"]))
        #expect(access.admits(authorization: "Bearer t0k"))
        #expect(throws: ConfigurationError.self) { try DashboardAccess(settings, environment: [:]) }
        #expect(try DashboardAccess(ServerSettings(), environment: [:]) == nil, "no keys, no dashboard")
    }

    @Test func datesMustBeRealDaysInOrder() throws {
        let stores = [
            DashboardStore(id: "tokyo-woo", displayName: "Tokyo Mugs", locale: "ja-JP"),
            DashboardStore(id: "brooklyn-shop", displayName: "Brooklyn Socks", locale: "en-US"),
        ]
        for good in ["2026-11-01", "2024-02-29", "1999-12-31"] { #expect(DashboardQuery.isDate(good), "\(good)") }
        for bad in [
            "2026-11-1", "2026-02-30", "2025-02-29", "26-11-01", "2026/11/01", "2026-13-01", "２０２６-11-01",
            "2026-11-01T00:00", "x",
        ] {
            #expect(!DashboardQuery.isDate(bad), "\(bad)")
        }
        #expect(try DashboardQuery.parse([:], stores: stores).get().store.id == "tokyo-woo")
        #expect(
            try DashboardQuery.parse(["store": "brooklyn-shop", "from": "2026-11-01"], stores: stores).get().to == nil)
        #expect(throws: DashboardQuery.Refusal.unknownStore) {
            try DashboardQuery.parse(["store": "nope"], stores: stores).get()
        }
        #expect(throws: DashboardQuery.Refusal.badDate(stores[1])) {
            try DashboardQuery.parse(
                ["store": "brooklyn-shop", "from": "2026-11-30", "to": "2026-11-01"], stores: stores
            ).get()
        }
    }
}
