import AftercartJSON
import AftercartModel
import Foundation
import Testing

/// ``CanonicalJSONWriter`` must write what `ModelJSON.encoder()` writes, byte for byte,
/// or a re-synced unchanged order would be stored again as "changed".
@Suite struct CanonicalJSONWriterTests {
    static let everyASCII = String(String.UnicodeScalarView((0..<0x80).map { Unicode.Scalar(UInt8($0)) }))

    static func order(text: String, full: Bool) -> Order {
        let yen = Currency.jpy
        return Order(
            store: StoreID(full ? "tokyo-woo" : "s"), id: "1042", number: full ? "#\(text)" : "1042",
            status: full ? .completed : .pending, financialStatus: full ? .partiallyRefunded : .pending,
            fulfillmentStatus: .partial, shipmentStatus: full ? .outForDelivery : .none, currency: yen,
            total: Money(12800, yen), subtotal: Money(Decimal(string: "-0.5")!, yen),
            discountTotal: Money(1200, yen), shippingTotal: Money(0, yen), taxTotal: Money(1163, yen),
            refundedTotal: Money(Decimal(string: "31.905")!, yen),
            createdAt: Date(timeIntervalSince1970: 1_793_000_000.25),
            updatedAt: full ? Date(timeIntervalSince1970: 1_793_000_100) : nil,
            shippedAt: full ? Date(timeIntervalSince1970: -86_401) : nil, deliveredAt: nil,
            customer: OrderCustomer(
                id: full ? "77" : nil, email: full ? "hana@example.com" : nil, firstName: full ? "花" : nil,
                lastName: full ? text : nil, acceptsMarketing: full ? false : nil),
            lineItems: full
                ? [
                    LineItem(
                        productID: "12", variantID: nil, sku: text, name: "マグカップ \"大\" / 😀", quantity: -3,
                        unitPrice: Money(6000, yen), total: Money(12000, yen), subtotalTax: Money(960, yen)),
                    LineItem(
                        productID: nil, variantID: "9", sku: nil, name: "", quantity: 0,
                        unitPrice: Money(0, yen), total: Money(Decimal(string: "0.10")!, yen)),
                ] : [],
            couponCodes: full ? ["WELCOME10", text] : [],
            tracking: full ? [Shipment(carrier: nil, number: "1234", url: "https://t.example/a?b=c&d=/e")] : [],
            taxes: full
                ? OrderTaxes(
                    pricesIncludeTax: true, label: "消費税\t10%", discountTax: Money(1, yen), shippingTax: Money(80, yen))
                : nil,
            accessKey: full ? "wc_order_\(text)" : nil)
    }

    @Test(arguments: [true, false])
    func ordersWriteTheEncodersBytes(full: Bool) throws {
        for text in [Self.everyASCII, "é日本\u{2028}\u{2029}\u{FEFF}\u{7F}😀", "", "\\\"\u{0}"] {
            let order = Self.order(text: text, full: full)
            var writer = CanonicalJSONWriter()
            order.write(to: &writer)
            let encoded = String(decoding: try ModelJSON.encoder().encode(order), as: UTF8.self)
            #expect(writer.text == encoded)
            // And it reads back as the same order.
            #expect(try ModelJSON.decoder().decode(Order.self, from: Data(writer.bytes)) == order)
        }
    }

    @Test func taxesWithoutALabelLeaveTheLabelOut() throws {
        var order = Self.order(text: "x", full: true)
        order.taxes?.label = nil
        var writer = CanonicalJSONWriter()
        order.write(to: &writer)
        #expect(!writer.text.contains("\"label\""))
        #expect(writer.text == String(decoding: try ModelJSON.encoder().encode(order), as: UTF8.self))
    }
}
