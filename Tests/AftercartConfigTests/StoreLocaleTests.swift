import Foundation
import Testing

@testable import AftercartConfig

/// `locale` of a `[[stores]]` entry: set, defaulted from the store's own
/// language, refused when no built-in set exists for it.
@Suite struct StoreLocaleTests {
    func parse(_ text: String) throws(ConfigurationError) -> AftercartConfiguration {
        try AftercartConfiguration.parse(
            text, file: "config/aftercart.toml", directory: URL(fileURLWithPath: "/nonexistent"),
            platforms: .shipped, loadCampaignFiles: false)
    }

    @Test func aConfiguredLocaleWinsOverTheStoresLanguage() throws {
        var store = try #require(try parse(wooStore + "\nlocale = \"ja-JP\"\n").stores.first)
        #expect(store.configuredLocale == "ja-JP")
        store.siteLanguage = "en-US"
        #expect(store.locale == "ja-JP")
    }

    @Test func withoutALocaleTheStoresOwnLanguageDecides() throws {
        var store = try #require(try parse(wooStore).stores.first)
        #expect(store.configuredLocale == nil)
        #expect(store.locale == "en-US")
        store.siteLanguage = "ja"
        #expect(store.locale == "ja-JP")
        store.siteLanguage = "ja_JP"
        #expect(store.locale == "ja-JP")
        store.siteLanguage = "de-DE"
        #expect(store.locale == "en-US")
    }

    @Test func aLocaleWithoutBuiltInTemplatesIsAnErrorWithTheNearestOne() {
        do {
            _ = try parse(wooStore + "\nlocale = \"ja_JP\"\n")
            Issue.record("an unknown locale loaded")
        } catch {
            let problem = error.problems.first
            #expect(error.problems.count == 1)
            #expect(problem?.message.contains("stores[0].locale") == true)
            #expect(problem?.message.contains("did you mean \"ja-JP\"?") == true)
            #expect(problem?.line == 8)
        }
    }

    @Test func everyShippedLocaleHasEveryStringTheEnglishTableHas() {
        let english = LocaleStrings.shipped(MessageLocale.english)
        #expect(english.values.count >= 10)
        for locale in MessageLocale.shipped {
            let strings = LocaleStrings.shipped(locale)
            #expect(strings.locale == locale)
            #expect(Set(strings.values.keys) == Set(english.values.keys), "config/locales/\(locale).toml")
        }
        #expect(LocaleStrings.shipped("ja-JP").text("shipment_status.in_transit") == "配送中")
        #expect(
            LocaleStrings.shipped("ja-JP").text("addressee", ["family_name": "田中", "given_name": "海斗"])
                == "田中 海斗 様")
        #expect(LocaleStrings.shipped("fr-FR").locale == "en-US")
    }

    @Test func carriersReadAsTheLocalesCustomersKnowThem() {
        let japanese = LocaleStrings.shipped("ja-JP")
        #expect(japanese.carrierName("Yamato") == "ヤマト運輸")
        #expect(japanese.carrierName("yamato-transport") == "ヤマト運輸")
        #expect(japanese.carrierName("Sagawa Express") == "佐川急便")
        #expect(japanese.carrierName("Japan Post") == "日本郵便")
        #expect(japanese.carrierName("USPS") == "USPS")
        #expect(LocaleStrings.shipped("en-US").carrierName("YAMATO") == "Yamato Transport")
        // Full-width letters as Japanese shops type them, and the carriers' Japanese names.
        #expect(japanese.carrierName("ＹＡＭＡＴＯ") == "ヤマト運輸")
        #expect(japanese.carrierName("ゆうパケット") == "日本郵便（ゆうパケット）")
        #expect(LocaleStrings.shipped("en-US").carrierName("佐川急便") == "Sagawa Express")
        #expect(LocaleStrings.carrierKey("Yamato-Transport") == "yamatotransport")
        #expect(LocaleStrings.carrierKey("ｸﾛﾈｺ ヤマト") == "クロネコヤマト")
        // A carrier the table does not know keeps the store's own name; nothing becomes a key.
        #expect(japanese.carrierName("Kangaroo Express") == "Kangaroo Express")
        #expect(japanese.carrierName("") == "")
        #expect(japanese.carrierName("!!") == "!!")
    }
}
