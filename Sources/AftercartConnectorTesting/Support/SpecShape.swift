import AftercartModel
import Foundation

/// The normalized model's JSON (RecordJSONTests pins examples) as checks on encoded JSON: the keys a
/// reader of `aftercart export` relies on, money as decimal strings, and
/// times in UTC with `Z`.
enum SpecShape {
    struct Rules {
        var required: [String]
        var money: [String] = []
        var dates: [String] = []
    }

    static func rules(for resource: ResourceKind) -> Rules {
        switch resource {
        case .orders:
            Rules(
                required: [
                    "store", "id", "number", "status", "financial_status", "fulfillment_status", "shipment_status",
                    "currency", "total", "subtotal", "discount_total", "shipping_total", "tax_total", "refunded_total",
                    "created_at", "updated_at", "delivered_at", "customer", "line_items", "coupon_codes", "tracking",
                ],
                money: ["total", "subtotal", "discount_total", "shipping_total", "tax_total", "refunded_total"],
                dates: ["created_at", "updated_at", "delivered_at", "shipped_at"])
        case .customers:
            Rules(
                required: [
                    "store", "id", "email", "first_name", "last_name", "accepts_marketing", "orders_count",
                    "total_spent", "created_at",
                ],
                money: ["total_spent"], dates: ["created_at", "updated_at"])
        case .coupons:
            Rules(
                required: [
                    "store", "id", "code", "kind", "amount", "expires_at", "usage_limit", "used_count",
                    "email_restrictions", "created_by_aftercart",
                ],
                money: ["amount"], dates: ["expires_at", "updated_at"])
        case .loyalty:
            Rules(
                required: ["store", "customer_id", "points", "tier", "points_expiring", "expires_at", "source"],
                dates: ["expires_at", "updated_at"])
        case .reviews:
            Rules(
                required: ["store", "id", "product_id", "customer_email", "rating", "verified", "created_at"],
                dates: ["created_at"])
        }
    }

    static let orderCustomerKeys = ["id", "email", "first_name", "last_name", "accepts_marketing"]
    static let lineItemKeys = ["product_id", "variant_id", "sku", "name", "quantity", "unit_price", "total"]
    static let trackingKeys = ["carrier", "number", "url"]

    /// Problems with one record's JSON; empty when it has the model's keys and
    /// decodes back to the same bytes.
    static func problems(_ record: any SyncRecord, resource: ResourceKind) -> [String] {
        let encoder = ModelJSON.encoder()
        let data: Data
        do {
            data = try encoder.encode(record)
        } catch {
            return ["does not encode: \(error)"]
        }
        guard let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
            return ["does not encode to a JSON object"]
        }
        var problems: [String] = []
        let rules = rules(for: resource)
        problems += missing(rules.required, in: object, at: "")
        for key in rules.money { problems += moneyProblems(object[key], at: key) }
        for key in rules.dates { problems += dateProblems(object[key], at: key) }
        if resource == .orders {
            if let customer = object["customer"] as? [String: Any] {
                problems += missing(orderCustomerKeys, in: customer, at: "customer.")
            } else {
                problems.append("customer is not an object")
            }
            for (index, item) in ((object["line_items"] as? [[String: Any]]) ?? []).enumerated() {
                problems += missing(lineItemKeys, in: item, at: "line_items[\(index)].")
                problems += moneyProblems(item["unit_price"], at: "line_items[\(index)].unit_price")
                problems += moneyProblems(item["total"], at: "line_items[\(index)].total")
            }
            for (index, item) in ((object["tracking"] as? [[String: Any]]) ?? []).enumerated() {
                problems += missing(trackingKeys, in: item, at: "tracking[\(index)].")
            }
        }
        if resource == .reviews, let rating = object["rating"] as? Int, !(1...5).contains(rating) {
            problems.append("rating \(rating) is outside 1…5")
        }
        problems += roundTrip(record, data: data, encoder: encoder)
        return problems
    }

    private static func missing(_ keys: [String], in object: [String: Any], at prefix: String) -> [String] {
        keys.filter { object[$0] == nil }.map { "key \(prefix)\($0) is missing (the model wants it, null if unknown)" }
    }

    private static func moneyProblems(_ value: Any?, at key: String) -> [String] {
        guard let value, !(value is NSNull) else { return [] }
        guard let text = value as? String else { return ["\(key) is \(value), not a decimal string"] }
        return isDecimal(text) ? [] : ["\(key) \"\(text)\" is not a decimal string"]
    }

    private static func dateProblems(_ value: Any?, at key: String) -> [String] {
        guard let value, !(value is NSNull) else { return [] }
        guard let text = value as? String else { return ["\(key) is \(value), not a timestamp string"] }
        return isUTCTimestamp(text) ? [] : ["\(key) \"\(text)\" is not UTC ISO 8601 with Z"]
    }

    /// `-12.50`, `12800`; no exponent, no grouping, no currency sign.
    static func isDecimal(_ text: String) -> Bool {
        var body = Substring(text)
        if body.hasPrefix("-") { body = body.dropFirst() }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count) else { return false }
        return parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }
    }

    /// `2026-11-05T09:00:00Z` or with `.123` milliseconds.
    static func isUTCTimestamp(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 20 || bytes.count == 24, bytes.last == UInt8(ascii: "Z") else { return false }
        let pattern = bytes.count == 20 ? "dddd-dd-ddTdd:dd:ddZ" : "dddd-dd-ddTdd:dd:dd.dddZ"
        for (byte, expected) in zip(bytes, pattern.utf8) {
            if expected == UInt8(ascii: "d") {
                guard (48...57).contains(byte) else { return false }
            } else if byte != expected {
                return false
            }
        }
        return Timestamp.parse(text) != nil
    }

    private static func roundTrip<R: SyncRecord>(_ record: R, data: Data, encoder: JSONEncoder) -> [String] {
        do {
            let decoded = try ModelJSON.decoder().decode(R.self, from: data)
            let again = try encoder.encode(decoded)
            guard again == data else {
                return [
                    "does not round-trip through ModelJSON: \(String(decoding: data.prefix(160), as: UTF8.self)) became \(String(decoding: again.prefix(160), as: UTF8.self))"
                ]
            }
            return []
        } catch {
            return ["its JSON does not decode back: \(error)".prefix(300).description]
        }
    }
}
