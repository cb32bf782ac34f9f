import AftercartConnector
import AftercartModel
import Foundation

/// AfterShip's answer envelope: `{"meta": {"code", "message"}, "data": …}`.
struct AfterShipEnvelope<Payload: Decodable>: Decodable {
    struct Meta: Decodable {
        var code: Int
        var message: String?
    }
    var meta: Meta
    var data: Payload?
}

/// A tracking as AfterShip's Tracking API (2024-04 and later) returns it;
/// only the fields Aftercart reads.
struct AfterShipTrackingWire: Decodable {
    struct Checkpoint: Decodable {
        var tag: String?
        var checkpointTime: String?

        enum CodingKeys: String, CodingKey {
            case tag
            case checkpointTime = "checkpoint_time"
        }
    }

    var id: String
    var trackingNumber: String
    var tag: String?
    var orderID: String?
    var updatedAt: String?
    var checkpoints: [Checkpoint]?

    enum CodingKeys: String, CodingKey {
        case id, tag, checkpoints
        case trackingNumber = "tracking_number"
        case orderID = "order_id"
        case updatedAt = "updated_at"
    }

    /// The stage in the model's terms, dated by the latest checkpoint with
    /// the tracking's tag (the carrier's time), else by `updated_at`.
    func update(receivedAt fallback: Date) -> TrackingUpdate {
        let stage = tag.flatMap(AfterShipTag.stage)
        let dated = checkpoints?.last { $0.tag == tag }?.checkpointTime ?? updatedAt
        return TrackingUpdate(
            trackingNumber: trackingNumber, orderID: orderID, stage: stage,
            at: dated.flatMap(AfterShipTag.date) ?? fallback)
    }
}

/// `POST /trackings`'s body: the number and the order it belongs to; the
/// service detects the carrier.
struct AfterShipNewTracking: Encodable {
    var trackingNumber: String
    var orderID: String

    enum CodingKeys: String, CodingKey {
        case trackingNumber = "tracking_number"
        case orderID = "order_id"
    }
}

/// Any `data`, left unread.
struct AfterShipIgnored: Decodable {
    init(from decoder: any Decoder) throws {}
}

/// `GET /trackings?tracking_numbers=…`: `data.trackings`.
struct AfterShipTrackingList: Decodable {
    var trackings: [AfterShipTrackingWire]
}

/// A webhook delivery: `{"event": "tracking_update", "msg": {tracking}, "ts": …}`.
struct AfterShipWebhookWire: Decodable {
    var event: String?
    var msg: AfterShipTrackingWire?
}

/// AfterShip's main statuses (`tag`) and how the model names them.
enum AfterShipTag {
    /// `Pending` (no information yet) and `Expired` (the carrier stopped
    /// answering) name no stage.
    static func stage(_ tag: String) -> ShipmentStatus? {
        switch tag {
        case "InfoReceived": .confirmed
        case "InTransit": .inTransit
        // Waiting at a pickup point is the last step before the door.
        case "OutForDelivery", "AvailableForPickup": .outForDelivery
        case "Delivered": .delivered
        // A failed attempt and an exception (returned to sender, lost,
        // damaged) are both trouble the shopper hears about.
        case "AttemptFail", "Exception": .failure
        default: nil
        }
    }

    /// ISO 8601 with or without fractional seconds; AfterShip's checkpoint
    /// times carry the carrier's local offset (`2026-12-01T10:00:00+09:00`).
    static func date(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.date(from: text)
    }
}
