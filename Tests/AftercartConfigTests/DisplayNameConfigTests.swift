import Foundation
import Testing

@testable import AftercartConfig

/// `display_name`: the name that signs a store's messages, else the shop's own, else the slug.
@Suite struct DisplayNameConfigTests {
    private func parse(_ extra: String) throws -> AftercartConfiguration {
        try AftercartConfiguration.parse(
            wooStore + "\n" + extra, file: "c.toml", directory: URL(fileURLWithPath: "/nonexistent"),
            environment: ["TOKYO_WOO_KEY": "ck", "TOKYO_WOO_SECRET": "cs"], platforms: .shipped,
            loadCampaignFiles: false)
    }

    @Test func theConfiguredNameWinsThenTheShopsOwnThenTheSlug() throws {
        var store = try #require(try parse("").stores.first)
        #expect(store.displayName == "tokyo-woo")
        store.shopName = "Tokyo Mugs"
        #expect(store.displayName == "Tokyo Mugs")
        var named = try #require(try parse(#"display_name = "東京マグカップ店""#).stores.first)
        named.shopName = "Tokyo Mugs"
        #expect(named.displayName == "東京マグカップ店")
        #expect(throws: ConfigurationError.self) { try parse(#"display_name = "  ""#) }
    }
}
