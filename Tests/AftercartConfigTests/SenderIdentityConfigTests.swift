import Foundation
import Testing

@testable import AftercartConfig

/// `from`, `reply_to`, `unsubscribe_email`, `postal_address` and `contact`:
/// who a store's mail comes from and what its marketing mail must show.
@Suite struct SenderIdentityConfigTests {
    @Test func everyKeyIsReadAndANamedFromKeepsItsName() throws {
        let store = try #require(
            try parseWooStore(
                """
                from = "東京マグカップ店 <info@tokyo-mugs.example>"
                reply_to = " support@tokyo-mugs.example "
                unsubscribe_email = "unsubscribe@tokyo-mugs.example"
                postal_address = "〒150-0001 東京都渋谷区神宮前1-2-3"
                contact = "03-1234-5678"
                """
            ).stores.first)
        #expect(store.sender.fromAddress == "info@tokyo-mugs.example")
        #expect(store.sender.fromName == "東京マグカップ店")
        #expect(store.sender.replyTo == "support@tokyo-mugs.example")
        #expect(store.sender.unsubscribeEmail == "unsubscribe@tokyo-mugs.example")
        #expect(store.sender.postalAddress == "〒150-0001 東京都渋谷区神宮前1-2-3")
        #expect(store.sender.contact == "03-1234-5678")
        #expect(store.sender.missingForMarketing.isEmpty)
        let bare = try #require(try parseWooStore(#"from = "info@tokyo-mugs.example""#).stores.first)
        #expect(bare.sender.fromAddress == "info@tokyo-mugs.example" && bare.sender.fromName == nil)
        #expect(bare.sender.missingForMarketing == ["postal_address", "contact"])
    }

    @Test(arguments: [
        #"from = "Tokyo Mugs""#, #"from = "a@b.example, c@d.example""#, #"reply_to = "Support <s@shop.example>""#,
        #"reply_to = "no-at-sign""#, #"unsubscribe_email = "u@shop""#, #"postal_address = "  ""#,
        #"contact = " \t ""#,
    ])
    func aBadAddressOrAnEmptyFooterLineIsRefusedNamingItsKey(_ line: String) throws {
        let key = String(line.prefix { $0 != " " })
        do {
            _ = try parseWooStore(line)
            Issue.record("\(line) was accepted")
        } catch let error as ConfigurationError {
            #expect(error.problems.contains { $0.message.contains("stores[0].\(key)") }, "\(error.problems)")
        }
    }

    @Test func aStoreRunningMarketingWithoutAddressAndContactIsAProblemUntilBothAreSet() throws {
        let campaigns = """

            [[campaigns]]
            name = "win-back"
            trigger = "no_repeat_purchase"
            delay = "60d"
            template = "win-back"

            [[campaigns]]
            name = "order-confirmation"
            trigger = "order_placed"
            template = "order-confirmation"
            transactional = true
            """
        let bare = try parseWooStore(campaigns)
        let problems = bare.marketingSenderProblems()
        #expect(problems.count == 1)
        let message = try #require(problems.first?.message)
        #expect(message.contains("\"tokyo-woo\"") && message.contains("(win-back)"), "\(message)")
        #expect(message.contains("postal_address and contact") && !message.contains("order-confirmation"))
        #expect(problems.first?.example?.contains("postal_address = ") == true)
        #expect(try parseWooStore(#"contact = "03-1234-5678""# + campaigns).marketingSenderProblems().count == 1)
        let complete = try parseWooStore(
            #"postal_address = "〒150-0001 東京都渋谷区神宮前1-2-3""# + "\n" + #"contact = "03-1234-5678""# + campaigns)
        #expect(complete.marketingSenderProblems().isEmpty)
        // Order mail alone needs no footer.
        let transactionalOnly = try parseWooStore(
            """

            [[campaigns]]
            name = "order-confirmation"
            trigger = "order_placed"
            template = "order-confirmation"
            transactional = true
            """)
        #expect(transactionalOnly.marketingSenderProblems().isEmpty)
    }
}

/// `branding = { logo_url, accent_color, support_url }`: the look of the store's own pages.
@Suite struct StoreBrandingConfigTests {
    @Test func everyPartIsReadAndNoneIsRequired() throws {
        let store = try #require(
            try parseWooStore(
                ##"branding = { logo_url = "https://mugs.example/logo.png", accent_color = "#0F766E", support_url = "https://mugs.example/contact" }"##
            ).stores.first)
        #expect(store.branding.logoURL?.absoluteString == "https://mugs.example/logo.png")
        #expect(store.branding.accentColor == "#0f766e")
        #expect(store.branding.supportURL?.absoluteString == "https://mugs.example/contact")
        #expect(try parseWooStore("").stores.first?.branding == StoreBranding())
    }

    @Test(arguments: [
        #"branding = { accent_color = "red" }"#, ##"branding = { accent_color = "#12345g" }"##,
        #"branding = { logo_url = "javascript:alert(1)" }"#, #"branding = { logo = "https://x.example/l.png" }"#,
        #"branding = "teal""#,
    ])
    func aBadPartIsRefusedNamingIt(_ line: String) throws {
        #expect(throws: ConfigurationError.self) { try parseWooStore(line) }
    }
}
