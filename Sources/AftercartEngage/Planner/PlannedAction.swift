public import AftercartModel
public import AftercartStore
import Foundation

/// An action the planner decided on: the outbox row plus what `plan --json`
/// shows about it.
public struct PlannedAction: Sendable, Hashable {
    /// The row to enqueue.
    public var entry: NewOutboxEntry
    /// Who hears about it (the customer; `nil` for merchant alerts).
    public var customerEmail: String?
    /// `email`, `store` (coupon, note, tag) or `support`.
    public var channel: String
    /// The smart coupon, for `create_coupon` rows and the emails naming one.
    public var coupon: CouponAction?
    /// The rendered subject line of an email.
    public var subject: String?
    /// Whether the message is an order-status message (no consent needed).
    public var transactional: Bool
    /// How a `delivered` firing knew the parcel arrived.
    public var deliverySignal: String?

    /// The JSON object `plan --json` prints, keys sorted.
    public func json() -> String {
        var object: [String: Any] = [
            "key": entry.idempotencyKey, "campaign": entry.campaign, "store": entry.store.rawValue,
            "action": entry.action.rawValue, "subject_kind": entry.subjectKind.rawValue, "subject_id": entry.subjectID,
            "channel": channel, "due_at": Timestamp.format(entry.notBefore), "transactional": transactional,
            "customer_email": customerEmail ?? NSNull(), "subject": subject ?? NSNull(),
            "delivered_signal": deliverySignal ?? NSNull(),
        ]
        if let coupon, let data = try? ModelJSON.encoder().encode(coupon),
            let value = try? JSONSerialization.jsonObject(with: data)
        {
            object["coupon"] = value
        } else {
            object["coupon"] = NSNull()
        }
        let data =
            (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]))
            ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
