import Foundation

/// A WooCommerce field that is documented as a string but arrives as a
/// string, a JSON number or `null`: money (`"12.50"`, `""`, `null`),
/// `line_items[].price` (the number `12.5`), coupon line `nominal_amount`.
///
/// It only records what was sent; the mapper decides what a value means
/// and names the field when it is unusable.
struct WooText: Sendable, Hashable, Decodable {
    enum Raw: Sendable, Hashable {
        case absent
        case text(String)
        /// Read from the JSON number's own digits, never via `Double`.
        case number(Decimal)
    }

    let raw: Raw

    init(_ raw: Raw) { self.raw = raw }

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            raw = .absent
        } else if let text = try? container.decode(String.self) {
            raw = .text(text)
        } else if let number = try? container.decode(Decimal.self) {
            raw = .number(number)
        } else {
            throw DecodingError.typeMismatch(
                String.self,
                .init(codingPath: decoder.codingPath, debugDescription: "expected a string or a number"))
        }
    }

    /// The value as text, for messages and plain string fields.
    var text: String? {
        switch raw {
        case .absent: nil
        case .text(let text): text
        case .number(let number): NSDecimalNumber(decimal: number).stringValue
        }
    }

    /// Whether nothing usable was sent: `null` or an empty/blank string.
    var isBlank: Bool {
        switch raw {
        case .absent: true
        case .text(let text): text.allSatisfy(\.isWhitespace)
        case .number: false
        }
    }
}
