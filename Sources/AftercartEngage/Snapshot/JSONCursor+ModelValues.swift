import AftercartJSON
import AftercartModel
import Foundation

/// Reading the normalized JSON's own value forms: money amounts as decimal
/// strings and times as ISO 8601 strings.
extension JSONCursor {
    /// A decimal the normalized JSON carries as a string (money amounts).
    mutating func readDecimal() throws -> Decimal {
        let start = index
        let value = try withString { DecimalText.parse(utf8: $0) }
        guard let value else { throw failure("not a decimal number", at: start) }
        return value
    }

    /// An ISO 8601 date-time, read as `ModelJSON.decoder()` reads it.
    mutating func readDate() throws -> Date {
        let start = index
        let date = try withString { text in
            UTCTimestamp.date(text) ?? Timestamp.parse(String(decoding: text, as: UTF8.self))
        }
        guard let date else { throw failure("not an ISO 8601 date-time", at: start) }
        return date
    }

    mutating func readOptionalDate() throws -> Date? {
        try readNull() ? nil : try readDate()
    }
}
