public import AftercartModel
import Foundation

/// `X-WC-Webhook-Topic` (`order.updated`), read as the resource it is
/// about and what happened to it.
///
/// `created` and `updated` bodies are the full REST resource (map them
/// with the resource's mapper, e.g. ``WooCommerceOrderMapper/mapOrder(_:)``);
/// `deleted` bodies are only `{"id": …}`. WooCommerce sometimes sends
/// `order.updated` for a new order and decides created/updated by the
/// record's age, so treat both as "upsert" (as seen from real stores).
public struct WooCommerceWebhookTopic: Sendable, Hashable, CustomStringConvertible {
    /// What happened to the record.
    public enum Event: String, Sendable, Hashable {
        case created, updated, deleted, restored
    }

    /// The synced resource, or `nil` for topics Aftercart does not sync
    /// (`product.*`, `action.*`).
    public var resource: ResourceKind?
    /// The topic's resource name as sent (`order`, `product`).
    public var resourceName: String
    /// The event; `nil` for custom `action.<hook>` topics.
    public var event: Event?

    /// Parses `resource.event`; `nil` when the header is not of that form.
    public init?(_ header: String) {
        let parts = header.trimmingCharacters(in: .whitespaces).lowercased().split(separator: ".", maxSplits: 1)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return nil }
        resourceName = String(parts[0])
        event = Event(rawValue: String(parts[1]))
        switch resourceName {
        case "order": resource = .orders
        case "customer": resource = .customers
        case "coupon": resource = .coupons
        default: resource = nil
        }
    }

    public var description: String { "\(resourceName).\(event?.rawValue ?? "?")" }
}
