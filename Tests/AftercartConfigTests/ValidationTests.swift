import AftercartPlatform
import Foundation
import ShopifyConnector
import Testing
import WooCommerceConnector

@testable import AftercartConfig

@Suite struct ValidationTests {
    func problems(_ text: String, file: String = "config/aftercart.toml") -> [ConfigurationProblem] {
        do {
            _ = try AftercartConfiguration.parse(
                text, file: file, directory: URL(fileURLWithPath: "/nonexistent"), platforms: .shipped,
                loadCampaignFiles: false)
            return []
        } catch {
            return error.problems
        }
    }

    @Test func fiveMistakesGiveFiveMessagesOnTheirLines() {
        let text = """
            [database]
            url = "mysql://localhost/aftercart"

            [[stores]]
            name = "tokyo-woo"
            platform = "woocommerce"
            base_url = "https://shop.example.com"
            consumer_key = { env = "K" }
            consumer_secret = { env = "S" }
            sync_every = "15 minutes"
            timezone = "Asia/Tokio"
            consent_meta_key = "_opt"

            [[stores]]
            name = "osaka"
            platform = "shopfy"

            [[campaigns]]
            name = "thanks"
            trigger = "deliverd"
            template = "thanks"
            """
        let found = problems(text)
        #expect(found.count == 5)
        #expect(found.map(\.line) == [2, 10, 11, 16, 20])
        #expect(found.allSatisfy { $0.file == "config/aftercart.toml" && $0.example != nil })
        #expect(found[0].message.contains("database.url"))
        #expect(found[1].message.contains("stores[0].sync_every \"15 minutes\" is not a duration"))
        #expect(found[2].message.contains("did you mean \"Asia/Tokyo\"?"))
        #expect(
            found[3].description
                == "config/aftercart.toml:16: stores[1].platform \"shopfy\" is not a platform; did you mean \"shopify\"? Example: platform = \"shopify\""
        )
        #expect(
            found[4].message.contains("campaigns[0].trigger \"deliverd\" is not a trigger; did you mean \"delivered\"?")
        )

        let error = ConfigurationError(problems: found)
        #expect(error.description.split(separator: "\n").count == 6)
        #expect(error.description.hasSuffix("5 configuration problems found; nothing was started."))
    }

    @Test func unknownKeyIsAnErrorWithASuggestion() {
        let found = problems(wooStore + "\nsyncevery = \"15m\"\n")
        #expect(found.count == 1)
        #expect(found.first?.line == 8)
        #expect(
            found.first?.message
                == "stores[0].syncevery is not a known key for a woocommerce store; did you mean \"sync_every\"?")
        #expect(found.first?.example == "sync_every = \"15m\"")
    }

    @Test func unknownTopLevelTableIsAnError() {
        let found = problems("[delivrey]\nchannel = \"file\"\n")
        #expect(found.count == 1)
        #expect(found.first?.line == 1)
        #expect(found.first?.message.contains("did you mean \"delivery\"?") == true)
    }

    @Test func duplicateStoreNamesAreRefused() {
        let found = problems(wooStore + "\n\n" + wooStore)
        #expect(found.count == 1)
        #expect(found.first?.line == 10)
        #expect(found.first?.message.contains("already used by stores[0] (line 2)") == true)
    }

    @Test func missingRequiredKeysPointAtTheTableHeader() {
        let text = """
            [[stores]]
            name = "osaka-shopify"
            platform = "shopify"
            """
        let found = problems(text)
        #expect(found.count == 2)
        #expect(found.allSatisfy { $0.line == 1 })
        #expect(found.contains { $0.message.contains("needs \"access_token\" or \"client_id\"") })
        #expect(found.contains { $0.message.contains("needs \"shop\" or \"base_url\"") })
    }

    @Test func wrongTypesBadURLsAndHostsAreReported() {
        let text = """
            [[stores]]
            name = "osaka-shopify"
            platform = "shopify"
            shop = "https://osaka.myshopify.com"
            access_token = { env = "T" }
            page_size = "100"
            api_version = "2025-02"

            [[stores]]
            name = "woo"
            platform = "woocommerce"
            base_url = "shop.example.com"
            consumer_key = { env = "K" }
            consumer_secret = 42
            marketing_consent = "granted"

            [engage]
            max_messages_per_week = 2.5
            quiet_hours = "9pm-9am"
            """
        let found = problems(text)
        #expect(found.map(\.line) == [4, 6, 7, 12, 14, 18, 19])
        #expect(found[0].example == "shop = \"osaka.myshopify.com\"")
        #expect(found[1].message.contains("must be a whole number, not a string"))
        #expect(found[3].message.contains("is not a URL"))
        #expect(found[4].message.contains("{ env = \"VAR\" } or { file = \"path\" }"))
    }

    @Test func storesWrittenAsSingleTableIsExplained() {
        let found = problems("[stores]\nname = \"x\"\n")
        #expect(found.count == 1)
        #expect(found.first?.message.contains("[[stores]]") == true)
    }

    @Test func syntaxErrorsReportLineAndColumn() {
        let text = """
            [database]
            url = "sqlite:x"
            name = "unterminated
            """
        let found = problems(text)
        #expect(found.count == 1)
        #expect(found.first?.line == 3)
        #expect(found.first?.column != nil)
        #expect(found.first?.message.hasPrefix("TOML syntax error") == true)
    }

    @Test func missingFileSaysHowToCreateOne() {
        do {
            _ = try AftercartConfiguration.load(path: "/nonexistent/aftercart.toml", platforms: .shipped)
            Issue.record("loaded a missing file")
        } catch {
            #expect(error.problems.first?.message.contains("aftercart init") == true)
        }
    }

    @Test func defaultsApply() throws {
        let configuration = try AftercartConfiguration.parse(
            wooStore, file: "c.toml", directory: URL(fileURLWithPath: "/nonexistent"), platforms: .shipped,
            loadCampaignFiles: false)
        #expect(configuration.database.url == .sqlite(path: "data/aftercart.sqlite"))
        #expect(configuration.delivery.channel == .file)
        #expect(configuration.delivery.fileDirectory == "data/outbox")
        #expect(configuration.engage.maxMessagesPerWeek == 2)
        #expect(configuration.engage.quietHours == .default)
        let store = try #require(configuration.stores.first)
        #expect(store.syncEvery == .minutes(15))
        #expect(store.deliveryEstimate == .days(5))
        #expect(store.timeZone.secondsFromGMT() == 0)
        #expect(store.settings.string("auth") == "auto")
        #expect(store.line == 1)
        #expect(configuration.warnings.isEmpty)
    }

    @Test func wooStoreWithoutConsentSourceWarns() throws {
        let text = wooStore.replacingOccurrences(of: "consent_meta_key = \"opt_in\"", with: "")
        let configuration = try AftercartConfiguration.parse(
            text, file: "c.toml", directory: URL(fileURLWithPath: "/nonexistent"), platforms: .shipped,
            loadCampaignFiles: false)
        #expect(configuration.warnings.count == 1)
        #expect(configuration.warnings.first?.message.contains("marketing-consent") == true)
    }

    @Test func smtpChannelNeedsItsKeys() {
        let found = problems("[delivery]\nchannel = \"smtp\"\nsmtp_user = \"u\"\n")
        #expect(found.count == 3)
        #expect(found.contains { $0.message.contains("missing \"smtp_url\"") })
        #expect(found.contains { $0.message.contains("missing \"from\"") })
    }

    @Test func platformSchemasArePluggable() throws {
        var registry = StorePlatformRegistry.shipped
        registry.register(
            StorePlatformSchema(
                platform: "bigcommerce",
                keys: [
                    .init("store_hash", .string, required: true, example: "store_hash = \"abc\"", summary: "hash"),
                    .init(
                        "access_token", .secret, required: true, example: "access_token = { env = \"T\" }",
                        summary: "token"),
                ],
                example: "[[stores]]"))
        let text = """
            [[stores]]
            name = "big"
            platform = "bigcommerce"
            store_hash = "abc"
            access_token = { env = "BIG_TOKEN" }
            """
        let configuration = try AftercartConfiguration.parse(
            text, file: "c.toml", directory: URL(fileURLWithPath: "/"), platforms: registry, loadCampaignFiles: false)
        #expect(configuration.stores.first?.settings.string("store_hash") == "abc")
        #expect(configuration.stores.first?.secrets.keys.sorted() == ["access_token"])
        #expect(WooCommerceConnector.settingsSchema.secretKeys.contains("consumer_secret"))
        #expect(ShopifyConnector.settingsSchema.requiredKeys.isEmpty)
        #expect(ShopifyConnector.settingsSchema.secretKeys.contains("client_secret"))
    }
}
