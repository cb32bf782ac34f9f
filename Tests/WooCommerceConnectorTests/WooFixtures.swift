import Foundation
import Testing

/// The shared fixtures: `AFTERCART_FIXTURES`, or `shared/fixtures` beside
/// the repository (`<repo>/../shared/fixtures`).
enum WooFixtures {
    static var directory: URL {
        if let override = ProcessInfo.processInfo.environment["AFTERCART_FIXTURES"] {
            return URL(fileURLWithPath: override)
        }
        return URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // WooCommerceConnectorTests
            .deletingLastPathComponent()  // Tests
            .deletingLastPathComponent()  // repository
            .deletingLastPathComponent()  // its parent
            .appendingPathComponent("shared/fixtures")
    }

    /// The bytes of `name`, relative to the fixtures folder.
    static func data(_ name: String) throws -> Data {
        try Data(contentsOf: directory.appendingPathComponent(name))
    }

    /// A fixture parsed as a JSON object.
    static func object(_ name: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: data(name)) as? [String: Any])
    }

    /// The documented order (`woocommerce_order.json`) with `changes`
    /// applied (`NSNull()` for null) and `removing` keys dropped, as a body.
    static func order(_ changes: [String: Any] = [:], removing: [String] = []) throws -> Data {
        var order = try object("woocommerce_order.json")
        for (key, value) in changes { order[key] = value }
        for key in removing { order.removeValue(forKey: key) }
        return try JSONSerialization.data(withJSONObject: order)
    }

    /// A page (JSON array) of bodies made by ``order(_:removing:)``.
    static func page(_ orders: [Data]) throws -> Data {
        let objects = try orders.map { try JSONSerialization.jsonObject(with: $0) }
        return try JSONSerialization.data(withJSONObject: objects)
    }

    /// A date from a UTC ISO 8601 literal, for expectations.
    static func date(_ text: String) -> Date {
        ISO8601DateFormatter().date(from: text)!
    }
}
