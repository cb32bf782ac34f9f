import AftercartJSON
import AftercartModel
import Foundation

/// Reads order pages straight from their bytes into the wire structs.
///
/// `JSONDecoder` built a tree of every 4–5 KB order before a field was read,
/// most of a sync's CPU (BENCHMARKS.md, issue 23). This reads the fields
/// the mapper uses and checks the grammar of everything it skips. It gives
/// up (`nil`) on anything unusual: a wrong type, a member sent twice, a
/// number it cannot read exactly. The caller then decodes with
/// ``WooWireDecoder``, whose answer and errors (`orders[3].total: …`) stay
/// the reference, so this reader only ever speeds up what would decode.
enum WooOrderBytesReader {
    /// The orders of a `GET /orders` body, or `nil` to decode it the slow way.
    static func page(_ body: Data) -> [WooOrderWire]? {
        JSONCursor.readWhole(body) { try $0.readOptionalArray(order) }
    }

    /// One order body (`GET /orders/{id}`, a webhook delivery), or `nil`.
    static func record(_ body: Data) -> WooOrderWire? {
        JSONCursor.readWhole(body, order)
    }

    private enum OrderField: Int {
        case id, number, status, currency, dateCreated, dateCreatedGMT, dateModifiedGMT, datePaidGMT
        case dateCompletedGMT, discountTotal, shippingTotal, totalTax, total, customerID, billing, lineItems
        case couponLines, refunds, metaData, pricesIncludeTax, discountTax, shippingTax, taxLines, orderKey
    }

    private static let orderFields = ByteNames<OrderField>([
        "id": .id, "number": .number, "status": .status, "currency": .currency, "date_created": .dateCreated,
        "date_created_gmt": .dateCreatedGMT, "date_modified_gmt": .dateModifiedGMT, "date_paid_gmt": .datePaidGMT,
        "date_completed_gmt": .dateCompletedGMT, "discount_total": .discountTotal, "shipping_total": .shippingTotal,
        "total_tax": .totalTax, "total": .total, "customer_id": .customerID, "billing": .billing,
        "line_items": .lineItems, "coupon_lines": .couponLines, "refunds": .refunds, "meta_data": .metaData,
        "prices_include_tax": .pricesIncludeTax, "discount_tax": .discountTax, "shipping_tax": .shippingTax,
        "tax_lines": .taxLines, "order_key": .orderKey,
    ])

    private static func order(_ cursor: inout JSONCursor) throws -> WooOrderWire {
        var id: WooInteger?
        var status: String?
        var currency: String?
        var total: WooText?
        var number: WooText?
        var dates: [String?] = [nil, nil, nil, nil, nil]
        var discountTotal: WooText?
        var shippingTotal: WooText?
        var totalTax: WooText?
        var discountTax: WooText?
        var shippingTax: WooText?
        var customerID: WooInteger?
        var billing: WooBillingWire?
        var lineItems: [WooLineItemWire]?
        var couponLines: [WooCouponLineWire]?
        var refunds: [WooRefundSummaryWire]?
        var taxLines: [WooTaxLineWire]?
        var metaData: WooMetaData?
        var pricesIncludeTax: Bool?
        var orderKey: String?
        try cursor.readMembers(orderFields, number: \.rawValue) { field, cursor in
            switch field {
            case .id: id = try integer(&cursor) ?? WooInteger(nil)
            case .number: number = try optionalText(&cursor)
            case .status: status = try cursor.readString()
            case .currency: currency = try cursor.readString()
            case .dateCreated: dates[0] = try cursor.readOptionalString()
            case .dateCreatedGMT: dates[1] = try cursor.readOptionalString()
            case .dateModifiedGMT: dates[2] = try cursor.readOptionalString()
            case .datePaidGMT: dates[3] = try cursor.readOptionalString()
            case .dateCompletedGMT: dates[4] = try cursor.readOptionalString()
            case .discountTotal: discountTotal = try optionalText(&cursor)
            case .shippingTotal: shippingTotal = try optionalText(&cursor)
            case .totalTax: totalTax = try optionalText(&cursor)
            // A non-optional member: `null` is a value (absent), not a missing member.
            case .total: total = try optionalText(&cursor) ?? WooText(.absent)
            case .customerID: customerID = try integer(&cursor)
            case .billing: billing = try cursor.readNull() ? nil : try self.billing(&cursor)
            case .lineItems: lineItems = try cursor.readOptionalArray(lineItem)
            case .couponLines:
                couponLines = try cursor.readOptionalArray {
                    WooCouponLineWire(code: try $0.readMember("code") { try $0.readOptionalString() } ?? nil)
                }
            case .refunds:
                refunds = try cursor.readOptionalArray {
                    WooRefundSummaryWire(total: try $0.readMember("total") { try optionalText(&$0) } ?? nil)
                }
            case .taxLines:
                taxLines = try cursor.readOptionalArray {
                    WooTaxLineWire(label: try $0.readMember("label") { try $0.readOptionalString() } ?? nil)
                }
            case .metaData: metaData = try cursor.readOptionalArray(metaEntry).map(WooMetaData.init)
            case .pricesIncludeTax: pricesIncludeTax = try cursor.readOptionalBool()
            case .discountTax: discountTax = try optionalText(&cursor)
            case .shippingTax: shippingTax = try optionalText(&cursor)
            case .orderKey: orderKey = try cursor.readOptionalString()
            }
        }
        guard let id, let status, let currency, let total else { throw cursor.failure("a required member is missing") }
        return WooOrderWire(
            id: id, number: number, status: status, currency: currency, dateCreated: dates[0],
            dateCreatedGMT: dates[1], dateModifiedGMT: dates[2], datePaidGMT: dates[3], dateCompletedGMT: dates[4],
            discountTotal: discountTotal, shippingTotal: shippingTotal, totalTax: totalTax, total: total,
            customerID: customerID, billing: billing, lineItems: lineItems, couponLines: couponLines,
            refunds: refunds, metaData: metaData, pricesIncludeTax: pricesIncludeTax, discountTax: discountTax,
            shippingTax: shippingTax, taxLines: taxLines, orderKey: orderKey)
    }

    private static let billingFields = ByteNames<Int>(["first_name": 0, "last_name": 1, "email": 2])

    private static func billing(_ cursor: inout JSONCursor) throws -> WooBillingWire {
        var values: [String?] = [nil, nil, nil]
        try cursor.readMembers(billingFields, number: { $0 }) { field, cursor in
            values[field] = try cursor.readOptionalString()
        }
        return WooBillingWire(firstName: values[0], lastName: values[1], email: values[2])
    }

    private enum LineField: Int {
        case name, productID, variationID, quantity, subtotal, subtotalTax, total, sku, price
    }

    private static let lineFields = ByteNames<LineField>([
        "name": .name, "product_id": .productID, "variation_id": .variationID, "quantity": .quantity,
        "subtotal": .subtotal, "subtotal_tax": .subtotalTax, "total": .total, "sku": .sku, "price": .price,
    ])

    private static func lineItem(_ cursor: inout JSONCursor) throws -> WooLineItemWire {
        var name: String?
        var sku: String?
        var productID: WooInteger?
        var variationID: WooInteger?
        var amounts: [WooText?] = [nil, nil, nil, nil, nil]
        try cursor.readMembers(lineFields, number: \.rawValue) { field, cursor in
            switch field {
            case .name: name = try cursor.readOptionalString()
            case .sku: sku = try cursor.readOptionalString()
            case .productID: productID = try integer(&cursor)
            case .variationID: variationID = try integer(&cursor)
            case .quantity: amounts[0] = try optionalText(&cursor)
            case .subtotal: amounts[1] = try optionalText(&cursor)
            case .subtotalTax: amounts[2] = try optionalText(&cursor)
            case .total: amounts[3] = try optionalText(&cursor)
            case .price: amounts[4] = try optionalText(&cursor)
            }
        }
        return WooLineItemWire(
            name: name, productID: productID, variationID: variationID, quantity: amounts[0], subtotal: amounts[1],
            subtotalTax: amounts[2], total: amounts[3], sku: sku, price: amounts[4])
    }

    private static let metaFields = ByteNames<Int>(["key": 0, "value": 1])

    private static func metaEntry(_ cursor: inout JSONCursor) throws -> WooMetaEntry {
        var key: String?
        var value: WooJSONValue?
        try cursor.readMembers(metaFields, number: { $0 }) { field, cursor in
            if field == 0 {
                key = try cursor.readOptionalString()
            } else {
                value = try cursor.readNull() ? nil : try jsonValue(&cursor, depth: 0)
            }
        }
        return WooMetaEntry(key: key, value: value)
    }

    // MARK: Values

    /// A plugin's value of any shape, as ``WooJSONValue`` decodes it.
    private static func jsonValue(_ cursor: inout JSONCursor, depth: Int) throws -> WooJSONValue {
        guard depth < JSONCursor.maximumDepth else { throw cursor.failure("JSON nested too deeply") }
        switch try cursor.peek() {
        case UInt8(ascii: "n"):
            _ = try cursor.readNull()
            return .null
        case UInt8(ascii: "t"), UInt8(ascii: "f"): return .bool(try cursor.readBool())
        case UInt8(ascii: "\""): return .string(try cursor.readString())
        case UInt8(ascii: "["):
            var values: [WooJSONValue] = []
            var array = try cursor.beginArray()
            while try cursor.nextElement(&array) { values.append(try jsonValue(&cursor, depth: depth + 1)) }
            return .array(values)
        case UInt8(ascii: "{"):
            var members: [String: WooJSONValue] = [:]
            var object = try cursor.beginObject()
            while let key = try cursor.nextKey(&object) {
                let name = try key.unescaped ?? cursor.text(key.range)
                guard members.updateValue(try jsonValue(&cursor, depth: depth + 1), forKey: name) == nil else {
                    throw cursor.failure("member sent twice")
                }
            }
            return .object(members)
        default: return .number(try number(&cursor))
        }
    }

    /// A JSON number read from its digits; one `DecimalText` cannot read exactly (an exponent) gives up.
    private static func number(_ cursor: inout JSONCursor) throws -> Decimal {
        let start = cursor.index
        let (range, _) = try cursor.scanNumber()
        guard let value = DecimalText.parse(utf8: UnsafeBufferPointer(rebasing: cursor.bytes[range])) else {
            throw cursor.failure("a number DecimalText does not read", at: start)
        }
        return value
    }

    /// ``WooText``: a string, a number or `null` (`nil`, as an absent optional member decodes).
    private static func optionalText(_ cursor: inout JSONCursor) throws -> WooText? {
        switch try cursor.peek() {
        case UInt8(ascii: "n"):
            _ = try cursor.readNull()
            return nil
        case UInt8(ascii: "\""): return WooText(.text(try cursor.readString()))
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return WooText(.number(try number(&cursor)))
        default: throw cursor.failure("expected a string or a number")
        }
    }

    /// ``WooInteger``: a number or a numeric string; `null` is `nil`, `""` none.
    private static func integer(_ cursor: inout JSONCursor) throws -> WooInteger? {
        switch try cursor.peek() {
        case UInt8(ascii: "n"):
            _ = try cursor.readNull()
            return nil
        case UInt8(ascii: "\""):
            let text = try cursor.readString().trimming(.whitespaces)
            if text.isEmpty { return WooInteger(nil) }
            guard let value = WooInteger.wholeNumber(text) else { throw cursor.failure("not an integer") }
            return WooInteger(value)
        default:
            return WooInteger(try cursor.readInt())
        }
    }
}
