import Foundation
import Testing

@testable import AftercartConfig

/// Problems point at the right line whatever TOML spelling the merchant chose.
@Suite struct LineNumberTests {
    func problems(_ text: String) -> [ConfigurationProblem] {
        do {
            _ = try AftercartConfiguration.parse(
                text, file: "c.toml", directory: URL(fileURLWithPath: "/nonexistent"), platforms: .shipped,
                loadCampaignFiles: false)
            return []
        } catch {
            return error.problems
        }
    }

    @Test func subTablesOfArrayEntriesUseTheLatestEntry() {
        let found = problems(
            wooStore + """

                [[campaigns]]
                name = "a"
                trigger = "order_placed"
                template = "order-confirmation"

                [[campaigns]]
                name = "b"
                trigger = "order_placed"
                template = "order-confirmation"

                [campaigns.coupon]
                kind = "percnt"
                amount = "10"
                """)
        #expect(found.count == 1)
        #expect(found.first?.line == 19)
        #expect(found.first?.message.hasPrefix("campaigns[1].coupon.kind \"percnt\"") == true)
        #expect(found.first?.example == "kind = \"percent\"")
    }

    @Test func inlineArraysOfTablesAndDottedKeysAreLocated() throws {
        let found = problems(
            """
            stores = [
              { name = "a", platform = "woocommerce", base_url = "https://a.example", consumer_key = { env = "A" }, consumer_secret = { env = "B" }, consent_meta_key = "x" },

              { name = "b", platform = "shopify", shop = "b.myshopify.com", access_token = { env = "C" }, page_size = 999 },
            ]
            delivery.channel = "fax"
            """)
        try #require(found.count == 2)
        #expect(found.map(\.line) == [4, 6])
        #expect(found[0].message.contains("stores[1].page_size is 999"))
        #expect(found[1].message.contains("delivery.channel \"fax\" is not a delivery channel"))
    }

    @Test func problemsInsideMultilineArraysPointAtTheElementLine() {
        let found = problems(
            wooStore + """

                [[campaigns]]
                name = "ship"
                trigger = "shipment_status_changed"
                template = "shipping-update"
                conditions.shipment_statuses = [
                  "in_transit",
                  "deliverd",
                ]
                """)
        #expect(found.count == 1)
        #expect(found.first?.line == 14)
        #expect(found.first?.message.contains("did you mean \"delivered\"") == true)
    }

    @Test func secretsDoNotLeakThroughDumpingTheConfiguration() throws {
        let configuration = try AftercartConfiguration.parse(
            wooStore.replacingOccurrences(of: "{ env = \"TOKYO_WOO_KEY\" }", with: "\"ck_leak_me\""),
            file: "c.toml", directory: URL(fileURLWithPath: "/nonexistent"), platforms: .shipped,
            loadCampaignFiles: false)
        var text = ""
        dump(configuration, to: &text)
        #expect(!text.contains("ck_leak_me"))
        #expect(!"\(configuration.stores)".contains("ck_leak_me"))
        #expect(!configuration.warnings.description.contains("ck_leak_me"))
    }

    @Test func badEnvironmentNamesAreRefused() {
        let found = problems(wooStore.replacingOccurrences(of: "TOKYO_WOO_KEY", with: "1-BAD"))
        #expect(found.count == 1)
        #expect(found.first?.line == 5)
        #expect(found.first?.message.contains("is not a variable name") == true)
    }
}
