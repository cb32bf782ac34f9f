import Foundation
import Testing

@testable import AftercartConfig

/// `display_name`: the name that signs a store's messages, else the shop's own, else the slug.
@Suite struct DisplayNameConfigTests {
    @Test func theConfiguredNameWinsThenTheShopsOwnThenTheSlug() throws {
        var store = try #require(try parseWooStore("").stores.first)
        #expect(store.displayName == "tokyo-woo")
        store.shopName = "Tokyo Mugs"
        #expect(store.displayName == "Tokyo Mugs")
        var named = try #require(try parseWooStore(#"display_name = "東京マグカップ店""#).stores.first)
        named.shopName = "Tokyo Mugs"
        #expect(named.displayName == "東京マグカップ店")
        #expect(throws: ConfigurationError.self) { try parseWooStore(#"display_name = "  ""#) }
    }
}
