import Foundation

/// `GET customers/{id}/metafields.json`: `{"metafields": [...]}`.
struct ShopifyMetafieldListWire: Sendable, Decodable {
    let metafields: [ShopifyMetafieldWire]
}

/// One metafield. `value` is text for most types but a JSON number for
/// `number_integer` on some API versions, so it is read as either.
struct ShopifyMetafieldWire: Sendable, Decodable {
    let namespace: String
    let key: String
    let value: ShopifyScalar
    let type: String?
    let updatedAt: String?

    enum CodingKeys: String, CodingKey {
        case namespace, key, value, type
        case updatedAt = "updated_at"
    }
}

/// A JSON scalar kept as sent: text, a number (from its digits, never via
/// `Double`), a Boolean, or `null`.
enum ShopifyScalar: Sendable, Hashable, Decodable {
    case null
    case text(String)
    case number(Decimal)
    case bool(Bool)

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let text = try? container.decode(String.self) {
            self = .text(text)
        } else if let flag = try? container.decode(Bool.self) {
            self = .bool(flag)
        } else if let number = try? container.decode(Decimal.self) {
            self = .number(number)
        } else {
            throw DecodingError.typeMismatch(
                String.self, .init(codingPath: decoder.codingPath, debugDescription: "expected a scalar"))
        }
    }

    /// The value as text (`nil` for `null`).
    var text: String? {
        switch self {
        case .null: nil
        case .text(let text): text
        case .number(let number): NSDecimalNumber(decimal: number).stringValue
        case .bool(let flag): flag ? "true" : "false"
        }
    }
}
