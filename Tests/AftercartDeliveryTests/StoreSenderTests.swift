import AftercartConfig
import AftercartModel
import Testing

@testable import AftercartDelivery

/// Each store's emails come from its own `from` under its display name,
/// with its `reply_to` and `unsubscribe_email`; a store that sets none
/// sends from `[delivery] from` under its display name.
@Suite struct StoreSenderTests {
    @Test func aStoresOwnAddressesWinAndTheDeliveryAddressIsTheFallback() throws {
        var tokyo = StoreConfiguration(id: "tokyo-woo", platform: "woocommerce")
        tokyo.shopName = "Tokyo Mugs"
        tokyo.sender = SenderIdentity(
            fromAddress: "info@tokyo-mugs.example", replyTo: "support@tokyo-mugs.example",
            unsubscribeEmail: "unsubscribe@tokyo-mugs.example")
        var osaka = StoreConfiguration(id: "osaka-shopify", platform: "shopify")
        osaka.sender = SenderIdentity(fromAddress: "hi@osaka.example", fromName: "大阪ソックス")
        let brooklyn = StoreConfiguration(id: "brooklyn-shop", platform: "shopify")
        var options = DeliveryOptions(from: try MailAddress(parsing: "Aftercart <hello@aftercart.example>"))
        options.adopt([tokyo, osaka, brooklyn])

        let first = options.sender(for: "tokyo-woo")
        #expect(first.from == (try MailAddress(address: "info@tokyo-mugs.example", name: "Tokyo Mugs")))
        #expect(first.replyTo?.address == "support@tokyo-mugs.example")
        #expect(first.unsubscribeEmail == "unsubscribe@tokyo-mugs.example")
        #expect(options.sender(for: "osaka-shopify").from.name == "大阪ソックス")
        let fallback = options.sender(for: "brooklyn-shop")
        #expect(fallback.from == (try MailAddress(address: "hello@aftercart.example", name: "brooklyn-shop")))
        #expect(fallback.replyTo == nil && fallback.unsubscribeEmail == nil)
        #expect(options.sender(for: "not-adopted").from == options.from)
    }
}
