import AftercartConfig
import AftercartModel
import Foundation
import Testing

@testable import AftercartEngage

/// `[server] link_secret`: links sealed under the merchant's secret open on
/// any install that has it and on none that has another; without it each
/// install keeps its own key in its database.
@Suite struct LinkSecretTests {
    typealias F = EngageFixture

    static func configured(_ variable: String) -> ConfiguredSecret {
        ConfiguredSecret(
            source: .environment(variable), file: "aftercart.toml", line: 12, keyPath: "server.link_secret")
    }

    /// Two installs, each with its own database, removed afterwards.
    static func twoInstalls() async throws -> (F, F) {
        (try await F.make(), try await F.make())
    }

    static func remove(_ installs: (F, F)) {
        Task {
            await installs.0.remove()
            await installs.1.remove()
        }
    }

    @Test func theMerchantsSecretOpensLinksOnEveryInstallThatHoldsIt() async throws {
        let (first, second) = try await Self.twoInstalls()
        defer { Self.remove((first, second)) }
        let url = URL(string: "https://aftercart.shop.example")!
        let secret = Self.configured("AFTERCART_LINK_SECRET")
        let shared = ["AFTERCART_LINK_SECRET": String(repeating: "k", count: 40)]
        func unsubscribe(_ fixture: F, _ environment: [String: String]?) async throws -> UnsubscribeLink {
            let key = try await LinkSecret.key(
                for: "unsubscribe", configured: environment == nil ? nil : secret, database: fixture.database,
                environment: environment ?? [:])
            return UnsubscribeLink(publicURL: url, secret: key)
        }
        let token = try await unsubscribe(first, shared).token(store: "tokyo-woo", email: "Kaito@Example.test")
        // Another database, the same setting: the link opens.
        #expect(try await unsubscribe(second, shared).verify(token)?.email == "kaito@example.test")
        // A rotated secret, or the install's own key: it does not.
        let rotated = ["AFTERCART_LINK_SECRET": String(repeating: "r", count: 40)]
        #expect(try await unsubscribe(second, rotated).verify(token) == nil)
        #expect(try await unsubscribe(first, nil).verify(token) == nil)
        // Each kind of link has its own key: an order page's never opens an unsubscribe.
        let orderKey = try await LinkSecret.key(
            for: "order-page", configured: secret, database: first.database, environment: shared)
        let page = OrderPageLink(publicURL: url, secret: orderKey).token(
            store: "tokyo-woo", orderID: "kaito@example.test")
        #expect(try await unsubscribe(first, shared).verify(page) == nil)
    }

    @Test func withoutTheSettingEachInstallKeepsItsOwnKey() async throws {
        let (first, second) = try await Self.twoInstalls()
        defer { Self.remove((first, second)) }
        let again = try await LinkSecret.key(for: "order-page", configured: nil, database: first.database)
        #expect(try await LinkSecret.key(for: "order-page", configured: nil, database: first.database) == again)
        #expect(try await LinkSecret.key(for: "order-page", configured: nil, database: second.database) != again)
    }

    @Test func anUnsetVariableNamesTheSettingAndItsLine() async throws {
        let fixture = try await F.make()
        defer { Task { [fixture] in await fixture.remove() } }
        do {
            _ = try await LinkSecret.key(
                for: "unsubscribe", configured: Self.configured("UNSET_LINK_SECRET"), database: fixture.database,
                environment: [:])
            Issue.record("an unset variable gave a key")
        } catch let error as ConfigurationError {
            let text = "\(error)"
            #expect(text.contains("server.link_secret") && text.contains("UNSET_LINK_SECRET"), "\(text)")
        }
    }
}
