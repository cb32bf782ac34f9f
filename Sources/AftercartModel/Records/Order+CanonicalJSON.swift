public import AftercartJSON
public import Foundation

/// A record that writes its own normalized JSON, byte for byte what
/// `ModelJSON.encoder()` with sorted keys writes for it.
public protocol CanonicalJSONWritable {
    func write(to writer: inout CanonicalJSONWriter)
}

// Orders are most of what a sync writes: writing them directly instead of
// through `JSONEncoder` was a large share of a sync's CPU (BENCHMARKS.md).
// Members in byte order of their names, as `.sortedKeys` orders them.
extension Order: CanonicalJSONWritable {
    public func write(to writer: inout CanonicalJSONWriter) {
        writer.beginObject()
        if let accessKey {
            writer.key("access_key")
            writer.string(accessKey)
        }
        writer.key("coupon_codes")
        writer.beginArray()
        for code in couponCodes { writer.string(code) }
        writer.endArray()
        writer.key("created_at")
        writer.date(createdAt)
        writer.key("currency")
        writer.string(currency.code)
        writer.key("customer")
        customer.write(to: &writer)
        writer.key("delivered_at")
        writer.optionalDate(deliveredAt)
        writer.key("discount_total")
        writer.string(discountTotal.amountText)
        writer.key("financial_status")
        writer.string(financialStatus.rawValue)
        writer.key("fulfillment_status")
        writer.string(fulfillmentStatus.rawValue)
        writer.key("id")
        writer.string(id)
        writer.key("line_items")
        writer.beginArray()
        for item in lineItems { item.write(to: &writer) }
        writer.endArray()
        writer.key("number")
        writer.string(number)
        writer.key("refunded_total")
        writer.string(refundedTotal.amountText)
        writer.key("shipment_status")
        writer.string(shipmentStatus.rawValue)
        writer.key("shipped_at")
        writer.optionalDate(shippedAt)
        writer.key("shipping_total")
        writer.string(shippingTotal.amountText)
        writer.key("status")
        writer.string(status.rawValue)
        writer.key("store")
        writer.string(store.rawValue)
        writer.key("subtotal")
        writer.string(subtotal.amountText)
        writer.key("tax_total")
        writer.string(taxTotal.amountText)
        if let taxes {
            writer.key("taxes")
            taxes.write(to: &writer)
        }
        writer.key("total")
        writer.string(total.amountText)
        writer.key("tracking")
        writer.beginArray()
        for shipment in tracking { shipment.write(to: &writer) }
        writer.endArray()
        writer.key("updated_at")
        writer.optionalDate(updatedAt)
        writer.endObject()
    }
}

extension OrderCustomer {
    /// The buyer as the order's stored JSON has it.
    public func write(to writer: inout CanonicalJSONWriter) {
        writer.beginObject()
        writer.key("accepts_marketing")
        if let acceptsMarketing { writer.bool(acceptsMarketing) } else { writer.null() }
        writer.key("email")
        writer.optionalString(email)
        writer.key("first_name")
        writer.optionalString(firstName)
        writer.key("id")
        writer.optionalString(id)
        writer.key("last_name")
        writer.optionalString(lastName)
        writer.endObject()
    }
}

extension LineItem {
    /// The line as the order's stored JSON has it.
    public func write(to writer: inout CanonicalJSONWriter) {
        writer.beginObject()
        writer.key("name")
        writer.string(name)
        writer.key("product_id")
        writer.optionalString(productID)
        writer.key("quantity")
        writer.int(quantity)
        writer.key("sku")
        writer.optionalString(sku)
        if let subtotalTax {
            writer.key("subtotal_tax")
            writer.string(subtotalTax.amountText)
        }
        writer.key("total")
        writer.string(total.amountText)
        writer.key("unit_price")
        writer.string(unitPrice.amountText)
        writer.key("variant_id")
        writer.optionalString(variantID)
        writer.endObject()
    }
}

extension Shipment {
    func write(to writer: inout CanonicalJSONWriter) {
        writer.beginObject()
        writer.key("carrier")
        writer.optionalString(carrier)
        writer.key("number")
        writer.string(number)
        writer.key("url")
        writer.optionalString(url)
        writer.endObject()
    }
}

extension OrderTaxes {
    func write(to writer: inout CanonicalJSONWriter) {
        writer.beginObject()
        writer.key("discount_tax")
        writer.string(discountTax.amountText)
        if let label {
            writer.key("label")
            writer.string(label)
        }
        writer.key("prices_include_tax")
        writer.bool(pricesIncludeTax)
        writer.key("shipping_tax")
        writer.string(shippingTax.amountText)
        writer.endObject()
    }
}

extension CanonicalJSONWriter {
    // Times are the model's own form; the writer knows only JSON.
    /// A time as the normalized JSON writes it (``Timestamp/format(_:)``).
    public mutating func date(_ value: Date) { unescapedString { Timestamp.appendUTF8(value, to: &$0) } }

    public mutating func optionalDate(_ value: Date?) {
        if let value { date(value) } else { null() }
    }
}
