import AftercartModel
import Foundation

extension RejectedRecord {
    /// The reject for `record` that failed with `failure` (a
    /// ``ConnectorError/decoding(field:reason:_:)``), or `nil` when the
    /// record has no id to find it by again.
    static func from(_ record: Data, failure: ConnectorError, redaction: Redaction) -> RejectedRecord? {
        guard let id = RecordID.read(from: record) else { return nil }
        return RejectedRecord(
            id: id, reason: reason(of: failure),
            rawJSON: JSONDecoding.snippet(
                Data(redaction.text(String(decoding: record, as: UTF8.self)).utf8), limit: rawLimit))
    }

    /// `field: reason`, without the page position the single-record page
    /// gave the field (`orders[0].line_items[0].quantity` → `line_items[0].quantity`).
    static func reason(of failure: ConnectorError) -> String {
        guard case .decoding(let field, let reason, _) = failure else { return failure.description }
        var path = Substring(field)
        if let dot = path.firstIndex(of: "."), path[..<dot].hasSuffix("[0]") { path = path[path.index(after: dot)...] }
        return "\(path): \(reason)"
    }
}

/// The `id` member of a record, a JSON number or string.
enum RecordID {
    static func read(from record: Data) -> String? {
        guard let value = RawJSON.member("id", of: record), let text = String(data: value, encoding: .utf8) else {
            return nil
        }
        if text.hasPrefix("\"") {
            let inner = text.dropFirst().dropLast()
            return inner.isEmpty || inner.contains("\\") ? nil : String(inner)
        }
        return text.allSatisfy(\.isNumber) && text != "0" ? text : nil
    }
}
