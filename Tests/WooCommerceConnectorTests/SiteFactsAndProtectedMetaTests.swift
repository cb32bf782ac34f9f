import AftercartConnector
import AftercartModel
import AftercartPlatform
import Foundation
import MockStores
import Testing

@testable import WooCommerceConnector

/// What a real WooCommerce 10 store tells about itself, and the customer
/// meta it never shows (api-facts §8.1–8.2), against the emulator.
@Suite struct SiteFactsAndProtectedMetaTests {
    static let japaneseShop = WooCommerceMockOptions(
        orders: 20, seed: 5, data: MockDataOptions(orders: 20, seed: 5, currency: .jpy, timeZone: "Asia/Tokyo"),
        site: WooCommerceMockSite(pricesIncludeTax: true, language: "ja"))

    @Test func checkLearnsZoneCurrencyLanguageAndTaxDisplayFromTheStore() async throws {
        try await withEmulatedWooStore(Self.japaneseShop) { connector, _, _ in
            let facts = try await connector.check()
            #expect(facts.timeZoneIdentifier == "Asia/Tokyo")
            #expect(facts.currency == .jpy)
            #expect(facts.language == "ja")
            #expect(facts.pricesIncludeTax == true)
            #expect(facts.platformVersion == "WooCommerce 10.0.2")
        }
    }

    @Test func anEnglishSiteSaysSoAndAWordPressLocaleBecomesALanguageTag() async throws {
        let options = WooCommerceMockOptions(
            orders: 5, seed: 6, data: MockDataOptions(orders: 5, seed: 6, currency: .usd, timeZone: "America/New_York"))
        try await withEmulatedWooStore(options) { connector, _, _ in
            let facts = try await connector.check()
            #expect(facts.language == "en-US")
            #expect(facts.pricesIncludeTax == false)
            #expect(facts.timeZoneIdentifier == "America/New_York")
        }
        #expect(WooCommerceConnector.languageTag("de_DE_formal") == "de-DE")
        #expect(WooCommerceConnector.fixedZone(gmtOffsetHours: "9")?.secondsFromGMT() == 9 * 3_600)
        #expect(WooCommerceConnector.fixedZone(gmtOffsetHours: "5.5")?.secondsFromGMT() == 19_800)
        #expect(WooCommerceConnector.fixedZone(gmtOffsetHours: "abc") == nil)
    }

    @Test func protectedCustomerMetaIsNeverShownAndAWriteOfItIsDropped() async throws {
        try await withEmulatedWooStore(Self.japaneseShop) { _, mock, _ in
            let write = try await rawWooRequest(
                mock, put: true, "customers/2",
                body: #"{"meta_data":[{"key":"_points","value":"500"},{"key":"points","value":"500"}]}"#)
            #expect(write.status == 200)
            #expect(!write.body.contains(#""_points""#))
            #expect(write.body.contains(#""key":"points""#))
            let read = try await rawWooRequest(mock, "customers/2")
            #expect(!read.body.contains(#""key":"_"#))
            #expect(read.body.contains(#""key":"aftercart_points""#))
            // Order meta keeps its protected keys (the tracking and status copies).
            let orders = try await rawWooRequest(mock, "orders?per_page=20")
            #expect(orders.body.contains(#""key":"_"#))
        }
    }

    @Test func aShopManagersKeySeesNoCustomerMetaAndCheckSaysWhy() async throws {
        var options = Self.japaneseShop
        options.site.keyOwner = .shopManager
        let values = [
            "consent_meta_key": "aftercart_marketing_consent", "loyalty.source": "customer_meta",
            "loyalty.points_key": "aftercart_points",
        ]
        try await withEmulatedWooStore(options, values: values) { connector, mock, _ in
            let raw = try await rawWooRequest(mock, "customers/2")
            #expect(!raw.body.contains("meta_data"))
            let facts = try await connector.check()
            #expect(facts.warnings.contains { $0.contains("not an administrator") && $0.contains("aftercart_points") })
            let pages = try await allPages(connector.read(.loyalty, since: nil))
            #expect(pages.flatMap(\.records.anyRecords).isEmpty)
            let page = try await rawWooRequest(mock, "customers?per_page=5")
            let mapped = try WooCommerceLoyaltyMapper(store: "emulated-woo").mapCustomerMetaPage(
                Data(page.body.utf8), keys: WooCommerceLoyaltyMetaKeys(points: "aftercart_points"))
            #expect(mapped.records.isEmpty)
            #expect(mapped.skipped.count == 5)
            #expect(mapped.skipped.allSatisfy { $0.reason == .customerMetaHidden })
            // Consent is unknown, not "denied", for a customer whose meta is hidden.
            let customers = try await allPages(connector.read(.customers, since: nil)).flatMap(\.records.anyRecords)
            #expect(!customers.isEmpty)
            let consents = customers.compactMap { $0 as? Customer }.map(\.acceptsMarketing)
            #expect(consents.allSatisfy { $0 == nil })
        }
    }

    @Test func anAdministratorsKeyReadsUnprefixedLoyaltyKeys() async throws {
        let values = ["loyalty.source": "customer_meta", "loyalty.points_key": "aftercart_points"]
        try await withEmulatedWooStore(Self.japaneseShop, values: values) { connector, _, _ in
            let facts = try await connector.check()
            #expect(!facts.warnings.contains { $0.contains("not an administrator") })
            let accounts = try await allPages(connector.read(.loyalty, since: nil)).flatMap(\.records.anyRecords)
            #expect(!accounts.isEmpty)
        }
    }

    @Test func protectedMetaKeysInTheConfigAreWarnedAbout() throws {
        let schema = WooCommerceConnector.settingsSchema
        let values = StoreSettingValues([
            "base_url": "https://shop.example.com", "consent_meta_key": "_marketing_opt_in",
            "loyalty.source": "customer_meta", "loyalty.points_key": "_points", "loyalty.tier_key": "loyalty_tier",
        ])
        let issues = schema.rules.flatMap { $0.check(values) }
        let loyalty = issues.filter { $0.keyPath == ["loyalty", "points_key"] }
        #expect(loyalty.count == 1)
        #expect(loyalty.first?.isWarning == true)
        #expect(loyalty.first?.example == "points_key = \"points\"")
        #expect(issues.contains { $0.keyPath == ["consent_meta_key"] && $0.message.contains("orders") })
        #expect(!issues.contains { $0.keyPath == ["loyalty", "tier_key"] })
    }
}
