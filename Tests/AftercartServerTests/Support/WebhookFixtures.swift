import AftercartModel
import Crypto
import Foundation

/// The signed deliveries in `shared/fixtures`, and re-signing for variants.
struct SignedDelivery: Sendable {
    var body: Data
    var headers: [String: String]
    var secret: String

    /// `base64(HMAC-SHA256(body, secret))`, as both platforms sign.
    static func sign(_ body: Data, secret: String) -> String {
        Data(HMAC<SHA256>.authenticationCode(for: body, using: SymmetricKey(data: Data(secret.utf8))))
            .base64EncodedString()
    }

    /// The same delivery with `body` replaced and signed again under `header`.
    func resigned(_ newBody: Data, header: String) -> SignedDelivery {
        var copy = self
        copy.body = newBody
        copy.headers[header] = Self.sign(newBody, secret: secret)
        return copy
    }
}

enum WebhookFixtures {
    static var directory: URL {
        if let override = ProcessInfo.processInfo.environment["AFTERCART_FIXTURES"] {
            return URL(fileURLWithPath: override)
        }
        return URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // Support
            .deletingLastPathComponent()  // AftercartServerTests
            .deletingLastPathComponent()  // Tests
            .deletingLastPathComponent()  // repository
            .deletingLastPathComponent()  // its parent
            .appendingPathComponent("shared/fixtures")
    }

    static func data(_ name: String) throws -> Data {
        try Data(contentsOf: directory.appendingPathComponent(name))
    }

    static func constructed(_ name: String) throws -> SignedDelivery {
        let object = try JSONSerialization.jsonObject(with: data(name)) as? [String: Any] ?? [:]
        guard let body = object["raw_body"] as? String, let headers = object["headers"] as? [String: String],
            let secret = object["secret"] as? String
        else { throw FixtureError(name: name) }
        return SignedDelivery(body: Data(body.utf8), headers: headers, secret: secret)
    }

    /// `orders/updated` for Shopify order 450789469, secret `shpss_test_app_secret`.
    static func shopifyOrder() throws -> SignedDelivery {
        try constructed("shopify_webhook_orders_updated_constructed.json")
    }

    /// `order.updated` for WooCommerce order 727, secret `wc_test_secret_123`.
    static func wooOrder() throws -> SignedDelivery {
        try constructed("woocommerce_webhook_order_updated_constructed.json")
    }

    /// The ping a real WooCommerce 10.0.2 sent on webhook creation: body and request headers.
    static func wooPing() throws -> (body: Data, headers: [String: String]) {
        let body = try data("woocommerce-10-real/webhook_ping.body")
        let text = String(decoding: try data("woocommerce-10-real/webhook_ping.headers"), as: UTF8.self)
        var headers: [String: String] = [:]
        for line in text.split(whereSeparator: \.isNewline) {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].trimmingCharacters(in: .whitespaces)
            // Hop-by-hop and length headers are the client's business.
            if ["host", "connection", "content-length", "accept-encoding"].contains(name.lowercased()) { continue }
            headers[name] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return (body, headers)
    }

    /// A JSON object body with `changes` applied to its top-level keys, compact.
    static func editing(_ body: Data, _ changes: [String: Any]) throws -> Data {
        var object = try JSONSerialization.jsonObject(with: body) as? [String: Any] ?? [:]
        for (key, value) in changes { object[key] = value }
        return try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
    }

    struct FixtureError: Error, CustomStringConvertible {
        var name: String
        var description: String { "fixture \(name) lacks raw_body, headers or secret" }
    }
}
