import TOMLKit

/// A parsed TOML value, copied out of TOMLKit's C++-backed tree.
///
/// TOMLKit's tables are non-`Sendable` classes over toml++ pointers; the
/// validators work on this plain value instead, which also keeps TOMLKit an
/// implementation detail of this target.
indirect enum ConfigValue: Sendable, Equatable {
    case string(String)
    case integer(Int)
    case float(Double)
    case bool(Bool)
    /// A TOML date, time or date-time; the config uses none, so only its
    /// text is kept for messages.
    case dateTime(String)
    case array([ConfigValue])
    case table([String: ConfigValue])

    /// How a merchant would call this kind of value in a message.
    var typeName: String {
        switch self {
        case .string: "a string"
        case .integer: "an integer"
        case .float: "a number with a fraction"
        case .bool: "true or false"
        case .dateTime: "a date"
        case .array: "a list"
        case .table: "a table"
        }
    }

    var string: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    var table: [String: ConfigValue]? {
        if case .table(let value) = self { return value }
        return nil
    }

    var array: [ConfigValue]? {
        if case .array(let value) = self { return value }
        return nil
    }

    var integer: Int? {
        if case .integer(let value) = self { return value }
        return nil
    }

    var bool: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }
}

/// A TOML syntax error with the position the parser reported.
struct TOMLSyntaxError: Error, Sendable {
    var message: String
    var line: Int
    var column: Int
}

enum TOMLDocument {
    /// Parses `text` into a `ConfigValue` table.
    static func parse(_ text: String) throws(TOMLSyntaxError) -> [String: ConfigValue] {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw TOMLSyntaxError(
                message: error.description, line: error.source.begin.line, column: error.source.begin.column)
        } catch {
            throw TOMLSyntaxError(message: "\(error)", line: 1, column: 1)
        }
        return convert(table)
    }

    private static func convert(_ table: TOMLTable) -> [String: ConfigValue] {
        var result: [String: ConfigValue] = [:]
        for key in table.keys {
            if let value = table[key] {
                result[key] = convert(value.tomlValue)
            }
        }
        return result
    }

    private static func convert(_ value: TOMLValue) -> ConfigValue {
        switch value.type {
        case .table: return .table(value.table.map(convert) ?? [:])
        case .array: return .array(value.array.map { array in array.map { convert($0.tomlValue) } } ?? [])
        case .string: return .string(value.string ?? "")
        case .int: return .integer(value.int ?? 0)
        case .double: return .float(value.double ?? 0)
        case .bool: return .bool(value.bool ?? false)
        case .date, .time, .dateTime: return .dateTime(value.debugDescription)
        }
    }
}
