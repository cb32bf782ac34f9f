import AftercartConfig
import AftercartModel
import Foundation
import Testing

@testable import AftercartEngage

/// What a Japanese buyer reads in an order confirmation: amounts as
/// charged (tax included, "includes … 消費税"), a link a guest can open,
/// dates in the store's language; and consent kept on orders only.
@Suite struct ChargedAmountsAndGuestLinkTests {
    typealias F = EngageFixture
    static let now = F.now

    /// One Gift Box ×2 at ¥4,000 + ¥400 tax each, a ¥455 + ¥45 coupon, ¥660 + ¥66 shipping.
    static func taxInclusiveOrder(_ id: String, accessKey: String?) -> Order {
        var order = F.order(id, customer: nil, email: "kaito@example.jp", created: now - 60)
        let jpy = Currency.jpy
        order.lineItems = [
            LineItem(
                productID: "31", variantID: nil, sku: "GIFT", name: "Gift Box", quantity: 2,
                unitPrice: Money(4_000, jpy),
                total: Money(7_545, jpy), subtotalTax: Money(800, jpy))
        ]
        order.subtotal = Money(8_000, jpy)
        order.discountTotal = Money(455, jpy)
        order.shippingTotal = Money(660, jpy)
        order.taxTotal = Money(821, jpy)
        order.total = Money(9_026, jpy)
        order.taxes = OrderTaxes(
            pricesIncludeTax: true, label: "消費税", discountTax: Money(45, jpy), shippingTax: Money(66, jpy))
        order.accessKey = accessKey
        return order
    }

    @Test func theConfirmationShowsWhatTheBuyerPaidWithTheTaxIncluded() async throws {
        var fixture = try await F.make()
        defer { Task { [fixture] in await fixture.remove() } }
        fixture.only("order-confirmation")
        try await fixture.save([Self.taxInclusiveOrder("72", accessKey: "wc_order_abc123")])
        let email = try #require(try await fixture.plan().emails("order-confirmation").first)
        #expect(email.text.contains("2 × Gift Box: ¥8,800"))
        #expect(email.text.contains("Subtotal: ¥8,800"))
        #expect(email.text.contains("Discount: −¥500"))
        #expect(email.text.contains("Shipping: ¥726"))
        #expect(email.text.contains("Total: ¥9,026 (includes ¥821 消費税)"))
        #expect(!email.text.contains("Tax:"))
        #expect(!email.text.contains("¥8,000"))
        #expect(email.html.contains("(includes ¥821 消費税)"))
    }

    @Test func aTaxExclusiveOrderListsItsTaxAndNoIncludesNote() async throws {
        var fixture = try await F.make()
        defer { Task { [fixture] in await fixture.remove() } }
        fixture.only("order-confirmation")
        var order = Self.taxInclusiveOrder("73", accessKey: nil)
        order.taxes?.pricesIncludeTax = false
        try await fixture.save([order])
        let email = try #require(try await fixture.plan().emails("order-confirmation").first)
        #expect(email.text.contains("2 × Gift Box: ¥8,000"))
        #expect(email.text.contains("Discount: −¥455"))
        #expect(email.text.contains("Tax: ¥821"))
        #expect(!email.text.contains("includes"))
    }

    @Test func guestsGetTheOrderReceivedPageWithTheirKeyOrTheStoreHome() async throws {
        var fixture = try await F.make()
        defer { Task { [fixture] in await fixture.remove() } }
        fixture.only("order-confirmation")
        var withKey = Self.taxInclusiveOrder("74", accessKey: "wc_order_abc123")
        withKey.tracking = []
        var withoutKey = Self.taxInclusiveOrder("75", accessKey: nil)
        withoutKey.tracking = []
        withoutKey.customer.email = "other@example.jp"
        try await fixture.save([withKey, withoutKey])
        let emails = try await fixture.plan().emails("order-confirmation")
        let keyed = try #require(emails.first { $0.orderID == "74" })
        #expect(keyed.text.contains("https://shop.example/checkout/order-received/74/?key=wc_order_abc123"))
        #expect(!keyed.text.contains("my-account"))
        let unkeyed = try #require(emails.first { $0.orderID == "75" })
        #expect(unkeyed.text.contains("Follow your order: https://shop.example/\n"))
    }

    @Test func recommendationsQuoteTheTaxInclusivePrice() async throws {
        var fixture = try await F.make()
        defer { Task { [fixture] in await fixture.remove() } }
        fixture.only("win-back")
        try await fixture.save([F.customer("1"), F.customer("2")])
        var first = Self.taxInclusiveOrder("80", accessKey: nil)
        first.customer = OrderCustomer(
            id: "1", email: "c1@example.test", firstName: "Hana", lastName: "Sato", acceptsMarketing: true)
        first.createdAt = Self.now - 200 * F.day
        var second = F.order("81", customer: "2", created: Self.now - 190 * F.day, products: ["31", "P9"])
        second.lineItems[0].unitPrice = Money(4_000, .jpy)
        second.taxes = OrderTaxes(pricesIncludeTax: true, discountTax: .zero(.jpy), shippingTax: .zero(.jpy))
        second.lineItems[0].subtotalTax = Money(400, .jpy)
        try await fixture.save([first, second])
        let snapshot = try await StoreSnapshot.load(store: F.store, from: fixture.database)
        #expect(snapshot.recommendations.product("31")?.unitPrice == Money(4_400, .jpy))
    }

    @Test func aCustomerWhoseRecordSaysNothingTakesConsentFromTheirLatestOrder() async throws {
        var fixture = try await F.make()
        defer { Task { [fixture] in await fixture.remove() } }
        // As with a "_marketing_opt_in" key: on orders, never on the customer.
        try await fixture.save([F.customer("1", consent: nil), F.customer("2", consent: false)])
        try await fixture.save([
            F.order("90", customer: "1", created: Self.now - 10 * F.day, consent: false),
            F.order("91", customer: "1", created: Self.now - 5 * F.day, consent: true),
            F.order("92", customer: "2", created: Self.now - 5 * F.day, consent: true),
        ])
        let snapshot = try await StoreSnapshot.load(store: F.store, from: fixture.database)
        #expect(snapshot.people["c:1"]?.acceptsMarketing == true)
        // The customer's own record wins over an order.
        #expect(snapshot.people["c:2"]?.acceptsMarketing == false)
    }

    @Test func datesFollowTheStoresLanguage() {
        let date = Timestamp.parse("2026-11-22T03:00:00Z")!
        let tokyo = TimeZone(identifier: "Asia/Tokyo")!
        #expect(MessageFormatting(timeZone: tokyo, language: "ja").date(date, currency: .jpy) == "2026年11月22日")
        #expect(MessageFormatting(timeZone: tokyo, language: "en-US").date(date, currency: .jpy) == "November 22, 2026")
        #expect(MessageFormatting(timeZone: tokyo).date(date, currency: .jpy) == "2026年11月22日")
    }
}
