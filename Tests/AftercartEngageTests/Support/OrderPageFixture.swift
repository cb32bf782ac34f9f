import AftercartConfig
import AftercartModel
import Foundation

@testable import AftercartEngage

/// Orders as the two platforms sync them, put into each state the
/// order-status page knows, and the page content around them.
enum OrderPageFixture {
    /// 2026-11-03 14:05 in Tokyo; 2026-11-03 00:05 in New York. `now` comes after delivery.
    static let placed = Timestamp.parse("2026-11-03T05:05:00Z")!
    static let shipped = Timestamp.parse("2026-11-04T01:30:00Z")!
    static let delivered = Timestamp.parse("2026-11-05T01:45:00Z")!
    static let now = Timestamp.parse("2026-11-05T03:00:00Z")!
    static let day: TimeInterval = 86_400

    /// The states an order's page is rendered in.
    enum State: String, CaseIterable {
        case orderedOnly, paid, shipped, inTransit, outForDelivery, delivered, refunded, cancelled, failedDelivery
    }

    /// A WooCommerce order of a tax-inclusive JPY shop, as api-facts §8.3's
    /// order 72: ¥13,720 of goods, −¥500, ¥726 shipping, ¥13,946 including ¥1,268 消費税.
    static func wooOrder(_ state: State) -> Order {
        let jpy = Currency.jpy
        func line(_ name: String, _ quantity: Int, _ unit: Decimal, tax: Decimal) -> LineItem {
            LineItem(
                productID: name, variantID: nil, sku: nil, name: name, quantity: quantity, unitPrice: Money(unit, jpy),
                total: Money(unit * Decimal(quantity), jpy), subtotalTax: Money(tax, jpy))
        }
        var order = Order(
            store: "tokyo-woo", id: "72", number: "72", status: .processing, financialStatus: .paid,
            fulfillmentStatus: .unfulfilled, shipmentStatus: .none, currency: jpy, total: Money(13_946, jpy),
            subtotal: Money(12_473, jpy), discountTotal: Money(455, jpy), shippingTotal: Money(660, jpy),
            taxTotal: Money(1_268, jpy), refundedTotal: .zero(jpy), createdAt: placed, updatedAt: placed,
            deliveredAt: nil,
            customer: OrderCustomer(
                id: nil, email: "kaito@example.jp", firstName: "海斗", lastName: "田中", acceptsMarketing: nil),
            lineItems: [
                line("Gift Box", 2, 4_000, tax: 800), line("有田焼 湯呑み", 1, 3_000, tax: 300),
                line("有機緑茶", 1, 1_473, tax: 147),
            ],
            couponCodes: ["summer500"], tracking: [],
            taxes: OrderTaxes(
                pricesIncludeTax: true, label: "消費税", discountTax: Money(45, jpy), shippingTax: Money(66, jpy)))
        apply(state, to: &order, parcel: Shipment(carrier: "yamato", number: "4444-1375-8703", url: nil))
        return order
    }

    /// A Shopify order of a US shop: $53.00 of goods, $5.00 shipping, $4.64 tax on top.
    static func shopifyOrder(_ state: State) -> Order {
        let usd = Currency.usd
        var order = Order(
            store: "brooklyn-shopify", id: "450789469", number: "#1001", status: .processing,
            financialStatus: .paid, fulfillmentStatus: .unfulfilled, shipmentStatus: .none, currency: usd,
            total: Money(Decimal(string: "62.64")!, usd), subtotal: Money(53, usd), discountTotal: .zero(usd),
            shippingTotal: Money(5, usd), taxTotal: Money(Decimal(string: "4.64")!, usd), refundedTotal: .zero(usd),
            createdAt: placed, updatedAt: placed, deliveredAt: nil,
            customer: OrderCustomer(
                id: "207119551", email: "bob@example.com", firstName: "Bob", lastName: "Norman",
                acceptsMarketing: true),
            lineItems: [
                LineItem(
                    productID: "632910392", variantID: nil, sku: nil, name: "Linen Apron", quantity: 1,
                    unitPrice: Money(28, usd), total: Money(28, usd)),
                LineItem(
                    productID: "921728736", variantID: nil, sku: nil, name: "Ceramic Mug", quantity: 2,
                    unitPrice: Money(Decimal(string: "12.50")!, usd), total: Money(25, usd)),
            ],
            couponCodes: [], tracking: [],
            taxes: OrderTaxes(pricesIncludeTax: false, label: nil, discountTax: .zero(usd), shippingTax: .zero(usd)))
        apply(state, to: &order, parcel: Shipment(carrier: "USPS", number: "9400111899223397694790", url: nil))
        return order
    }

    /// Sets the statuses, dates and parcel the platforms report in `state`.
    static func apply(_ state: State, to order: inout Order, parcel: Shipment) {
        func ship(_ status: ShipmentStatus) {
            order.fulfillmentStatus = .fulfilled
            order.shipmentStatus = status
            order.shippedAt = shipped
            order.tracking = [parcel]
        }
        switch state {
        case .orderedOnly:
            order.status = .pending
            order.financialStatus = .pending
        case .paid: break
        case .shipped: ship(.confirmed)
        case .inTransit: ship(.inTransit)
        case .outForDelivery: ship(.outForDelivery)
        case .delivered:
            ship(.delivered)
            order.status = .completed
            order.deliveredAt = delivered
        case .refunded:
            order.status = .refunded
            order.financialStatus = .refunded
            order.refundedTotal = order.total
        case .cancelled:
            order.status = .cancelled
            order.financialStatus = .voided
        case .failedDelivery: ship(.failure)
        }
    }

    static let japaneseShop = OrderPageContent.Shop(
        name: "喫茶 田中", locale: "ja-JP", timeZone: TimeZone(identifier: "Asia/Tokyo")!,
        branding: StoreBranding(
            logoURL: URL(string: "https://kissa-tanaka.example/logo.png"), accentColor: "#0f766e",
            supportURL: URL(string: "https://kissa-tanaka.example/contact")),
        contact: "03-1234-5678（平日10時〜17時）")

    static let americanShop = OrderPageContent.Shop(
        name: "Brooklyn Goods", locale: "en-US", timeZone: TimeZone(identifier: "America/New_York")!,
        branding: StoreBranding(accentColor: "#b45309", supportURL: URL(string: "https://brooklyn.example/help")),
        contact: nil)

    static func japaneseProducts() -> [OrderPageContent.Product] {
        [
            .init(name: "急須", price: Money(5_500, .jpy), url: "https://kissa-tanaka.example/products/kyusu"),
            .init(name: "ほうじ茶", price: Money(1_080, .jpy), url: "https://kissa-tanaka.example/products/hojicha"),
        ]
    }

    static func americanProducts() -> [OrderPageContent.Product] {
        [.init(name: "Tea Towel", price: Money(14, .usd), url: "https://brooklyn.example/products/tea-towel")]
    }

    static func japanese(_ state: State, recommendations: [OrderPageContent.Product]? = nil) -> OrderPageContent {
        OrderPageContent(
            shop: japaneseShop, order: wooOrder(state), deliveryEstimate: 4 * day,
            recommendations: recommendations ?? japaneseProducts(), now: now)
    }

    static func american(_ state: State, recommendations: [OrderPageContent.Product]? = nil) -> OrderPageContent {
        OrderPageContent(
            shop: americanShop, order: shopifyOrder(state), deliveryEstimate: 5 * day,
            recommendations: recommendations ?? americanProducts(), now: now)
    }
}
