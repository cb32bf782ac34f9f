import Foundation

/// Any JSON value, for the parts of a WooCommerce payload whose shape a
/// plugin decides: `meta_data[].value` is a string, a number, an array of
/// tracking items or an object, depending on who wrote it.
///
/// Numbers are kept as `Decimal`, decoded from the JSON text itself, so a
/// price of `10.84` never passes through `Double`.
enum WooJSONValue: Sendable, Hashable, Decodable {
    case null
    case bool(Bool)
    case number(Decimal)
    case string(String)
    case array([WooJSONValue])
    case object([String: WooJSONValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode(Decimal.self) {
            self = .number(value)
        } else if let value = try? container.decode([WooJSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: WooJSONValue].self))
        }
    }

    /// The value as text: strings as they are, numbers in plain decimal
    /// notation, booleans as `"1"`/`"0"` (how PHP prints them); `nil` for
    /// null, arrays and objects.
    var text: String? {
        switch self {
        case .string(let value): value
        case .number(let value): NSDecimalNumber(decimal: value).stringValue
        case .bool(let value): value ? "1" : "0"
        case .null, .array, .object: nil
        }
    }

    /// The member `key` of an object, `nil` otherwise.
    subscript(key: String) -> WooJSONValue? {
        guard case .object(let members) = self else { return nil }
        return members[key]
    }

    /// The elements of an array; an object's values in key order, because
    /// PHP serialises a sparse array (`[1 => …, 3 => …]`) as an object.
    var elements: [WooJSONValue]? {
        switch self {
        case .array(let values): values
        case .object(let members): members.keys.sorted().compactMap { members[$0] }
        default: nil
        }
    }
}
