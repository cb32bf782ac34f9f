import AftercartJSON
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
/// `updated_at`, `shipped_at`, `delivered_at`, `customer` and `line_items`
/// (as in the payload) and `taxes.prices_include_tax`.
/// Being computed from the record as written (after redaction of a
/// forgotten customer) and rewritten with it on erasure, it never holds
/// more personal data than the payload.
///
/// Written with ``CanonicalJSONWriter`` rather than `JSONEncoder`: it is
/// made for every order a sync writes.
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
        var writer = CanonicalJSONWriter(capacity: 200 + order.lineItems.count * 120, sortedMembers: false)
        writer.beginObject()
        writer.key("planning")
        writer.int(version)
        writer.key("id")
        writer.string(order.id)
        writer.key("status")
        writer.string(order.status.rawValue)
        writer.key("financial_status")
        writer.string(order.financialStatus.rawValue)
        writer.key("shipment_status")
        writer.string(order.shipmentStatus.rawValue)
        writer.key("currency")
        writer.string(order.currency.code)
        writer.key("total")
        writer.string(order.total.amountText)
        writer.key("refunded_total")
        writer.string(order.refundedTotal.amountText)
        writer.key("created_at")
        writer.date(order.createdAt)
        writer.key("updated_at")
        writer.optionalDate(order.updatedAt)
        writer.key("shipped_at")
        writer.optionalDate(order.shippedAt)
        writer.key("delivered_at")
        writer.optionalDate(order.deliveredAt)
        // The buyer and the lines as the payload writes them: the scanner reads both forms alike.
        writer.key("customer")
        order.customer.write(to: &writer)
        writer.key("line_items")
        writer.beginArray()
        for item in order.lineItems { item.write(to: &writer) }
        writer.endArray()
        // Only whether prices include tax matters to the planner; `false` and absent read the same.
        if order.taxes?.pricesIncludeTax == true {
            writer.key("taxes")
            writer.beginObject()
            writer.key("prices_include_tax")
            writer.bool(true)
            writer.endObject()
        }
        writer.endObject()
        return writer.text
    }
}
