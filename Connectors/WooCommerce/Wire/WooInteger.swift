import AftercartModel
import Foundation

/// A WooCommerce integer that sometimes arrives as a string or blank:
/// `line_items[].image.id` is `""` for simple products and `0` for
/// variations, coupon `used_by` holds `"4"`, plugins store counts as text.
///
/// `null` and `""` decode to `nil`; anything that is not a whole number
/// is a decoding error at this field.
struct WooInteger: Sendable, Hashable, Decodable {
    let value: Int?

    init(_ value: Int?) { self.value = value }

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            value = nil
        } else if let number = try? container.decode(Int.self) {
            value = number
        } else if let text = try? container.decode(String.self) {
            let trimmed = text.trimming(.whitespaces)
            if trimmed.isEmpty {
                value = nil
            } else if let number = Self.wholeNumber(trimmed) {
                value = number
            } else {
                throw DecodingError.dataCorruptedError(
                    in: container, debugDescription: "\"\(text.prefix(40))\" is not an integer")
            }
        } else if let decimal = try? container.decode(Decimal.self), let number = Self.wholeNumber(decimal) {
            value = number
        } else {
            throw DecodingError.typeMismatch(
                Int.self, .init(codingPath: decoder.codingPath, debugDescription: "expected an integer"))
        }
    }

    /// `"12"` and `"12.0"` are whole numbers; `"12.5"` is not.
    static func wholeNumber(_ text: String) -> Int? {
        if let number = Int(text) { return number }
        guard let decimal = DecimalText.parse(text) else { return nil }
        return wholeNumber(decimal)
    }

    static func wholeNumber(_ decimal: Decimal) -> Int? {
        var value = decimal
        var rounded = Decimal()
        NSDecimalRound(&rounded, &value, 0, .plain)
        guard rounded == decimal, abs(rounded) < Decimal(1_000_000_000_000_000) else { return nil }
        return NSDecimalNumber(decimal: rounded).intValue
    }
}
