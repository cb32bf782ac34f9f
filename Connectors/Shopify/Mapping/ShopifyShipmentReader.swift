import AftercartConnector
import AftercartModel
import Foundation

/// Reads an order's `fulfillments[]` into tracking, a shipment status and
/// the shipped and delivered instants (Shopify Admin REST API, Fulfillment).
///
/// - Fulfillments whose `status` is `cancelled` are ignored entirely; their
///   tracking numbers are void.
/// - Tracking: every other fulfillment's `tracking_numbers` (or the single
///   `tracking_number`), paired by position with `tracking_urls`, carrier
///   `tracking_company`.
/// - Shipment status: the most advanced `shipment_status` among them, by
///   ``ShipmentStatus/progress(_:)``; `none` when no carrier or app has said anything.
/// - `shipped_at`: the earliest `created_at` of a fulfillment that really
///   left (status not `failure`/`error`, which mean the fulfillment request
///   itself failed).
/// - `delivered_at`: the latest `updated_at` of a delivered fulfillment:
///   Shopify stamps the fulfillment when the delivery event arrives.
struct ShopifyShipmentReader {
    struct Summary: Sendable, Hashable {
        var status: ShipmentStatus = .none
        var shippedAt: Date?
        var deliveredAt: Date?
        var shipments: [Shipment] = []
    }

    let reading: ShopifyFieldReading

    func read(_ fulfillments: [ShopifyFulfillmentWire], at path: ShopifyFieldPath) throws(ConnectorError) -> Summary {
        var summary = Summary()
        for (index, fulfillment) in fulfillments.enumerated() {
            let itemPath = path.index(index)
            let state = fulfillment.status?.lowercased()
            if state == "cancelled" { continue }
            summary.shipments += Self.shipments(fulfillment)
            let created = try reading.optionalDate(fulfillment.createdAt, at: itemPath.key("created_at"))
            if state != "failure", state != "error", let created {
                summary.shippedAt = min(summary.shippedAt ?? created, created)
            }
            guard let raw = fulfillment.shipmentStatus else { continue }
            let status = Self.shipmentStatus(raw)
            if ShipmentStatus.progress(status) > ShipmentStatus.progress(summary.status) { summary.status = status }
            if status == .delivered,
                let stamped = try reading.optionalDate(fulfillment.updatedAt, at: itemPath.key("updated_at")) ?? created
            {
                summary.deliveredAt = max(summary.deliveredAt ?? stamped, stamped)
            }
        }
        return summary
    }

    static func shipments(_ fulfillment: ShopifyFulfillmentWire) -> [Shipment] {
        var numbers = (fulfillment.trackingNumbers ?? []).compactMap(ShopifyFieldReading.nonEmpty)
        if numbers.isEmpty, let single = ShopifyFieldReading.nonEmpty(fulfillment.trackingNumber) { numbers = [single] }
        var urls = (fulfillment.trackingURLs ?? []).map(ShopifyFieldReading.nonEmpty)
        if urls.isEmpty, numbers.count == 1 { urls = [ShopifyFieldReading.nonEmpty(fulfillment.trackingURL)] }
        let carrier = ShopifyFieldReading.nonEmpty(fulfillment.trackingCompany)
        return numbers.enumerated().map { index, number in
            Shipment(carrier: carrier, number: number, url: index < urls.count ? urls[index] : nil)
        }
    }

    /// REST `shipment_status` and the GraphQL event names it mirrors →
    /// the normalized stage. Unknown values are "in progress" (`in_transit`),
    /// since Shopify may add values (Shopify Admin REST API, Fulfillment `shipment_status`).
    static func shipmentStatus(_ raw: String) -> ShipmentStatus {
        switch raw.lowercased() {
        case "label_printed", "label_purchased": .labelPrinted
        case "confirmed": .confirmed
        case "out_for_delivery", "ready_for_pickup", "ready_for_recipient_pickup": .outForDelivery
        case "delivered", "picked_up": .delivered
        case "failure", "attempted_delivery", "not_delivered", "returning_to_sender": .failure
        default: .inTransit
        }
    }
}
