import Foundation
import NIOConcurrencyHelpers

/// The trackings an ``AfterShipEmulator`` follows, its rate-limit window and
/// its injected faults, behind one lock.
struct AfterShipEmulatorState: Sendable {
    struct Tracking: Sendable {
        var id: String
        var number: String
        var orderID: String?
        var tag: String
        /// `(tag, checkpoint_time)`, oldest first.
        var checkpoints: [(tag: String, at: Date)]
        var updatedAt: Date
    }

    var trackings: [String: Tracking] = [:]
    var idsByNumber: [String: String] = [:]
    var nextID = 1
    /// Requests answered in the current one-second window.
    var windowStart: Int64 = 0
    var windowCount = 0
    /// Requests to refuse with 429 before counting the window.
    var forcedTooMany = 0
    var requests = 0
    var refused = 0
}

/// What the emulator answers a request with, before it is written out.
struct AfterShipAnswer: Sendable {
    var status: Int
    var headers: [(String, String)] = []
    var body: [String: any Sendable]

    static func envelope(_ status: Int, code: Int, type: String, message: String, data: [String: any Sendable] = [:])
        -> AfterShipAnswer
    {
        AfterShipAnswer(
            status: status,
            body: ["meta": ["code": code, "type": type, "message": message] as [String: any Sendable], "data": data])
    }

    func json() -> Data {
        (try? JSONSerialization.data(withJSONObject: body, options: [.sortedKeys])) ?? Data("{}".utf8)
    }
}

extension AfterShipEmulatorState.Tracking {
    /// The tracking as the API shows it (`data` of `GET /trackings/{id}`).
    func wire() -> [String: any Sendable] {
        var object: [String: any Sendable] = [
            "id": id, "tracking_number": number, "tag": tag, "slug": "yamato",
            "updated_at": AfterShipEmulator.timestamp(updatedAt),
            "checkpoints": checkpoints.map { point -> [String: any Sendable] in
                ["tag": point.tag, "checkpoint_time": AfterShipEmulator.timestamp(point.at)]
            },
        ]
        if let orderID { object["order_id"] = orderID }
        return object
    }
}
