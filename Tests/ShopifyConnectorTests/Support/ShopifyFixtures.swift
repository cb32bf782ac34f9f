import Foundation
import Testing

/// The shared fixtures: `AFTERCART_FIXTURES`, or `shared/fixtures` beside
/// the repository (`<repo>/../shared/fixtures`).
enum ShopifyFixtures {
    static var directory: URL {
        if let override = ProcessInfo.processInfo.environment["AFTERCART_FIXTURES"] {
            return URL(fileURLWithPath: override)
        }
        return URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // Support
            .deletingLastPathComponent()  // ShopifyConnectorTests
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

    /// The documented order (`{"order": …}` from the fixture) with `edit`
    /// applied, as an `orders.json` page body.
    static func ordersPage(_ edit: (inout [String: Any]) -> Void = { _ in }) throws -> Data {
        var order = try #require(
            try object("shopify_order_with_fulfillment_and_refund.json")["order"] as? [String: Any])
        edit(&order)
        return try JSONSerialization.data(withJSONObject: ["orders": [order]])
    }

    /// The documented customer with `edit` applied, as a `customers.json` page body.
    static func customersPage(_ edit: (inout [String: Any]) -> Void = { _ in }) throws -> Data {
        var customer = try #require(try object("shopify_customer.json")["customer"] as? [String: Any])
        edit(&customer)
        return try JSONSerialization.data(withJSONObject: ["customers": [customer]])
    }

    /// A price rule fixture with `edit` applied, as a `{"price_rule": …}` body.
    static func priceRule(_ name: String, _ edit: (inout [String: Any]) -> Void = { _ in }) throws -> Data {
        var rule = try #require(try object(name)["price_rule"] as? [String: Any])
        edit(&rule)
        return try JSONSerialization.data(withJSONObject: ["price_rule": rule])
    }

    /// A date from a UTC ISO 8601 literal, for expectations.
    static func date(_ text: String) -> Date {
        ISO8601DateFormatter().date(from: text)!
    }

    /// Exact decimal from text, for money expectations.
    static func decimal(_ text: String) -> Decimal {
        Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))!
    }
}
