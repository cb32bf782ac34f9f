import AftercartModel
import AftercartStore
import Foundation
import Testing

/// Tokens issued to apps and the `state` of installs under way, on both backends.
@Suite("App credentials and install states")
struct AppCredentialStoreTests {
    static func pair(_ n: Int, at seconds: TimeInterval) -> IssuedCredential {
        IssuedCredential(
            accessToken: Secret("shpat_access_\(n)"), accessExpiresAt: Fixtures.at(seconds + 3_600),
            refreshToken: Secret("shprt_refresh_\(n)"), refreshExpiresAt: Fixtures.at(seconds + 7_776_000),
            scopes: ["read_orders", "write_customers"], issuedAt: Fixtures.at(seconds), issuedTo: "app-\(n)")
    }

    @Test("a credential round-trips and is replaced whole; stores are apart")
    func roundTripAndReplace() async throws {
        try await withStore { persistence in
            let vault = try #require(persistence as? any AppCredentialStore)
            #expect(try await vault.appCredential(store: Fixtures.tokyo) == nil)
            try await vault.saveAppCredential(Self.pair(1, at: 0), store: Fixtures.tokyo)
            #expect(try await vault.appCredential(store: Fixtures.tokyo) == Self.pair(1, at: 0))
            // The refresh answer's pair replaces both tokens together; a
            // grant without refresh token leaves none behind.
            try await vault.saveAppCredential(Self.pair(2, at: 60), store: Fixtures.tokyo)
            #expect(try await vault.appCredential(store: Fixtures.tokyo) == Self.pair(2, at: 60))
            let bare = IssuedCredential(
                accessToken: Secret("shpat_grant"), accessExpiresAt: nil, scopes: [], issuedAt: Fixtures.at(120))
            try await vault.saveAppCredential(bare, store: Fixtures.tokyo)
            #expect(try await vault.appCredential(store: Fixtures.tokyo) == bare)
            #expect(try await vault.appCredential(store: Fixtures.osaka) == nil)
        }
    }

    @Test("an install state works once, for its store, until it expires")
    func installStates() async throws {
        try await withStore { persistence in
            let states = try #require(persistence as? any InstallStateStore)
            try await states.issueInstallState(
                "s1", store: Fixtures.osaka, expiresAt: Fixtures.at(600), now: Fixtures.t0)
            try await states.issueInstallState(
                "s2", store: Fixtures.osaka, expiresAt: Fixtures.at(600), now: Fixtures.t0)
            #expect(try await states.consumeInstallState("unknown", now: Fixtures.at(1)) == nil)
            #expect(try await states.consumeInstallState("s1", now: Fixtures.at(1)) == Fixtures.osaka)
            #expect(try await states.consumeInstallState("s1", now: Fixtures.at(2)) == nil)
            #expect(try await states.consumeInstallState("s2", now: Fixtures.at(600)) == nil)
        }
    }
}
