public import Foundation

/// A value bound to, or read from, a SQL statement, in terms both
/// databases share.
///
/// Each executor encodes it in its own database's type: a ``time`` is
/// fixed-width UTC text in SQLite and a `TIMESTAMPTZ` in PostgreSQL, a
/// ``bool`` is an integer in SQLite.
public enum SQLValue: Sendable, Hashable {
    case null
    case text(String)
    case integer(Int64)
    case bool(Bool)
    case time(Date)

    /// `text` or `null`.
    static func text(_ value: String?) -> SQLValue { value.map { .text($0) } ?? .null }
    /// `time` or `null`.
    static func time(_ value: Date?) -> SQLValue { value.map { .time($0) } ?? .null }
    /// An integer.
    static func integer(_ value: Int) -> SQLValue { .integer(Int64(value)) }
}

/// One result row, as the executor read it; columns are read by position
/// in the order the statement selected them.
public struct SQLRow: Sendable {
    let values: [SQLValue]

    /// Creates a row of `values`.
    public init(_ values: [SQLValue]) {
        self.values = values
    }

    func optionalText(_ index: Int) throws -> String? {
        switch values[index] {
        case .null: return nil
        case .text(let text): return text
        case .integer(let number): return String(number)
        default: throw SQLRowError(index: index, expected: "text", found: values[index])
        }
    }

    func text(_ index: Int) throws -> String { try required(index, "text", optionalText) }

    func int(_ index: Int) throws -> Int {
        switch values[index] {
        case .integer(let number): return Int(number)
        case .bool(let flag): return flag ? 1 : 0
        default: throw SQLRowError(index: index, expected: "an integer", found: values[index])
        }
    }

    func bool(_ index: Int) throws -> Bool {
        switch values[index] {
        case .bool(let flag): return flag
        case .integer(let number): return number != 0
        default: throw SQLRowError(index: index, expected: "a boolean", found: values[index])
        }
    }

    /// A time column: SQLite keeps ``FixedWidthTime`` text, PostgreSQL a timestamp.
    func optionalTime(_ index: Int) throws -> Date? {
        switch values[index] {
        case .null: return nil
        case .time(let date): return date
        case .text(let text):
            guard let date = FixedWidthTime.date(text) else {
                throw SQLRowError(index: index, expected: "a time", found: values[index])
            }
            return date
        default: throw SQLRowError(index: index, expected: "a time", found: values[index])
        }
    }

    func time(_ index: Int) throws -> Date { try required(index, "a time", optionalTime) }

    private func required<T>(_ index: Int, _ expected: String, _ read: (Int) throws -> T?) throws -> T {
        guard let value = try read(index) else { throw SQLRowError(index: index, expected: expected, found: .null) }
        return value
    }
}

/// A column held something other than the code expects: the schema was
/// changed by hand or by a newer binary.
struct SQLRowError: Error, CustomStringConvertible {
    var index: Int
    var expected: String
    var found: SQLValue

    var description: String { "column \(index + 1) holds \(found) where \(expected) was expected" }
}
