import AftercartModel
import AftercartStore
import Foundation

/// Writes records to standard output as JSON lines or CSV, buffered.
struct RecordLineWriter {
    let format: ExportFormat
    private var columns: [String]?
    private var buffer = Data()

    init(format: ExportFormat) { self.format = format }

    /// Takes one record's JSON object text.
    mutating func write(json: String) throws {
        switch format {
        case .jsonl:
            buffer.append(contentsOf: json.utf8)
            buffer.append(UInt8(ascii: "\n"))
        case .csv:
            guard case .object(let object) = try JSONDecoder().decode(JSONCell.self, from: Data(json.utf8)) else {
                return
            }
            if columns == nil {
                // Identity first, then the rest alphabetically: the JSON key set is fixed per resource.
                let lead = ["store", "id"].filter { object[$0] != nil }
                let header = lead + object.keys.filter { !lead.contains($0) }.sorted()
                columns = header
                append(row: header)
            }
            append(row: (columns ?? []).map { Self.cell(object[$0]) })
        }
        if buffer.count > 64 * 1024 { flush() }
    }

    mutating func finish() { flush() }

    private mutating func append(row: [String]) {
        buffer.append(contentsOf: row.map(Self.quote).joined(separator: ",").utf8)
        buffer.append(contentsOf: "\r\n".utf8)
    }

    private mutating func flush() {
        FileHandle.standardOutput.write(buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    /// Scalars as text; nested lists and objects as compact JSON.
    static func cell(_ value: JSONCell?) -> String {
        switch value {
        case nil, .null?: return ""
        case .string(let text)?: return text
        case .bool(let flag)?: return flag ? "true" : "false"
        case .number(let number)?: return number
        case let nested?: return nested.compactJSON
        }
    }

    /// RFC 4180 quoting.
    static func quote(_ cell: String) -> String {
        guard cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return cell }
        return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

/// A JSON value, kept only as far as CSV cells need it.
indirect enum JSONCell: Decodable {
    case null
    case bool(Bool)
    case number(String)
    case string(String)
    case array([JSONCell])
    case object([String: JSONCell])

    init(from decoder: any Decoder) throws {
        if var list = try? decoder.unkeyedContainer() {
            var items: [JSONCell] = []
            while !list.isAtEnd { items.append(try list.decode(JSONCell.self)) }
            self = .array(items)
            return
        }
        if let object = try? decoder.singleValueContainer().decode([String: JSONCell].self) {
            self = .object(object)
            return
        }
        let single = try decoder.singleValueContainer()
        if single.decodeNil() {
            self = .null
        } else if let flag = try? single.decode(Bool.self) {
            self = .bool(flag)
        } else if let integer = try? single.decode(Int64.self) {
            self = .number(String(integer))
        } else if let number = try? single.decode(Double.self) {
            self = .number(String(number))
        } else {
            self = .string(try single.decode(String.self))
        }
    }

    /// Compact JSON with sorted keys.
    var compactJSON: String {
        switch self {
        case .null: return "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .number(let number): return number
        case .string(let text):
            let data = (try? JSONEncoder().encode(text)) ?? Data()
            return String(decoding: data, as: UTF8.self)
        case .array(let items): return "[" + items.map(\.compactJSON).joined(separator: ",") + "]"
        case .object(let members):
            let body = members.keys.sorted().map { key in
                JSONCell.string(key).compactJSON + ":" + (members[key] ?? .null).compactJSON
            }
            return "{" + body.joined(separator: ",") + "}"
        }
    }
}
