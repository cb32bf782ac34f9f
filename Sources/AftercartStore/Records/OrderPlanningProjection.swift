public import AftercartModel
import Foundation

/// The few members of an order the planner scans, written beside the
/// order's payload (column `planning` of `orders`) in the same statement,
/// so a plan scans about 700 bytes per order instead of the 1,100-byte
/// payload (emulator orders; BENCHMARKS.md, "Planning projection").
///
/// The text is a JSON object whose members are a subset of the payload's,
/// with the same names and encodings (see ``Order``), plus `"planning": 1`,
/// which marks it as a projection: `id`, `status`, `financial_status`,
/// `shipment_status`, `currency`, `total`, `refunded_total`, `created_at`,
/// `updated_at`, `shipped_at`, `delivered_at`, `customer` (all five
/// members), `line_items` (`product_id`, `sku`, `name`, `quantity`,
/// `unit_price`, `total`, `subtotal_tax`) and `taxes.prices_include_tax`.
/// Being computed from the record as written (after redaction of a
/// forgotten customer) and rewritten with it on erasure, it never holds
/// more personal data than the payload.
///
/// Written by hand rather than with `JSONEncoder`: it is made for every
/// order a sync writes, and the encoder would double the cost of encoding.
public enum OrderPlanningProjection {
    /// The member that tells a projection from a full payload, and its version.
    public static let marker = "planning"
    /// The format's version; a reader refuses another one.
    public static let version = 1

    /// Whether `text` (what ``PlanningStore/orderPlanningPage(store:after:limit:)``
    /// returned) is a projection rather than a full payload.
    public static func isProjection(_ text: String) -> Bool {
        text.utf8.starts(with: "{\"\(marker)\":".utf8)
    }

    /// The projection of `order`.
    public static func json(of order: Order) -> String {
        var out = ""
        out.reserveCapacity(200 + order.lineItems.count * 120)
        out += "{\"\(marker)\":\(version),\"id\":"
        appendString(order.id, to: &out)
        out += ",\"status\":"
        appendString(order.status.rawValue, to: &out)
        out += ",\"financial_status\":"
        appendString(order.financialStatus.rawValue, to: &out)
        out += ",\"shipment_status\":"
        appendString(order.shipmentStatus.rawValue, to: &out)
        out += ",\"currency\":"
        appendString(order.currency.code, to: &out)
        out += ",\"total\":"
        appendString(order.total.amountText, to: &out)
        out += ",\"refunded_total\":"
        appendString(order.refundedTotal.amountText, to: &out)
        out += ",\"created_at\":"
        appendDate(order.createdAt, to: &out)
        out += ",\"updated_at\":"
        appendDate(order.updatedAt, to: &out)
        out += ",\"shipped_at\":"
        appendDate(order.shippedAt, to: &out)
        out += ",\"delivered_at\":"
        appendDate(order.deliveredAt, to: &out)
        out += ",\"customer\":{\"id\":"
        appendString(order.customer.id, to: &out)
        out += ",\"email\":"
        appendString(order.customer.email, to: &out)
        out += ",\"first_name\":"
        appendString(order.customer.firstName, to: &out)
        out += ",\"last_name\":"
        appendString(order.customer.lastName, to: &out)
        out += ",\"accepts_marketing\":"
        out += order.customer.acceptsMarketing.map { $0 ? "true" : "false" } ?? "null"
        out += "},\"line_items\":["
        for (position, item) in order.lineItems.enumerated() {
            out += position == 0 ? "{\"product_id\":" : ",{\"product_id\":"
            appendString(item.productID, to: &out)
            out += ",\"sku\":"
            appendString(item.sku, to: &out)
            out += ",\"name\":"
            appendString(item.name, to: &out)
            out += ",\"quantity\":\(item.quantity),\"unit_price\":"
            appendString(item.unitPrice.amountText, to: &out)
            out += ",\"total\":"
            appendString(item.total.amountText, to: &out)
            if let tax = item.subtotalTax {
                out += ",\"subtotal_tax\":"
                appendString(tax.amountText, to: &out)
            }
            out += "}"
        }
        out += "]"
        // Only whether prices include tax matters to the planner; `false` and absent read the same.
        if order.taxes?.pricesIncludeTax == true { out += ",\"taxes\":{\"prices_include_tax\":true}" }
        out += "}"
        return out
    }

    private static func appendDate(_ date: Date?, to out: inout String) {
        appendString(date.map(Timestamp.format), to: &out)
    }

    /// `text` as a JSON string (`null` for `nil`), escaped as RFC 8259 requires.
    static func appendString(_ text: String?, to out: inout String) {
        guard let text else {
            out += "null"
            return
        }
        out += "\""
        // Most text needs no escaping: copy it whole.
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            out += text
        } else {
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                case _ where scalar.value < 0x20:
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                default: out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}
