public import Foundation

/// Decoding for adapters: turns `DecodingError` into
/// ``ConnectorError/decoding(field:reason:_:)`` with the field path and a
/// short body snippet kept aside for debug logs, so a user never sees a
/// decoder dump.
public enum JSONDecoding {
    /// The most of an unexpected body an error may keep.
    public static let snippetLimit = 200

    /// Decodes `type` from `data`, or throws ``ConnectorError/decoding(field:reason:_:)``
    /// carrying `context` (store, resource, URL) plus the field and snippet.
    public static func decode<T: Decodable>(
        _ type: T.Type, from data: Data, context: ErrorContext, decoder: JSONDecoder = JSONDecoder(),
        redaction: Redaction = Redaction()
    ) throws -> T {
        do {
            return try decoder.decode(type, from: data)
        } catch let error as DecodingError {
            throw decodingError(error, body: data, context: context, redaction: redaction)
        }
    }

    /// Converts a `DecodingError` an adapter caught itself.
    public static func decodingError(
        _ error: DecodingError, body: Data, context: ErrorContext, redaction: Redaction = Redaction()
    ) -> ConnectorError {
        var context = context
        context.bodySnippet = snippet(body, redaction: redaction)
        let (path, reason): ([any CodingKey], String)
        switch error {
        case .typeMismatch(let type, let info):
            (path, reason) = (info.codingPath, "expected \(typeName(type))")
        case .valueNotFound(let type, let info):
            (path, reason) = (info.codingPath, "expected \(typeName(type)), found null")
        case .keyNotFound(let key, let info):
            (path, reason) = (info.codingPath + [key], "missing")
        case .dataCorrupted(let info):
            let isSyntax = info.codingPath.isEmpty
            (path, reason) = (info.codingPath, isSyntax ? "not valid JSON" : shorten(info.debugDescription))
        @unknown default:
            (path, reason) = ([], "unreadable")
        }
        return .decoding(field: fieldPath(path), reason: reason, context)
    }

    /// `line_items[0].price`; `(body)` for the top level.
    public static func fieldPath(_ path: [any CodingKey]) -> String {
        var text = ""
        for key in path {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return text.isEmpty ? "(body)" : text
    }

    /// At most the first `limit` (default ``snippetLimit``) bytes of `body`
    /// as text, cut on a character boundary, with secrets redacted.
    public static func snippet(_ body: Data, limit: Int = snippetLimit, redaction: Redaction = Redaction()) -> String {
        let prefix = body.prefix(limit)
        var text = String(decoding: prefix, as: UTF8.self)
        // A cut through a multi-byte character decodes as U+FFFD; drop it.
        while text.utf8.count > limit || text.hasSuffix("\u{FFFD}") { text.removeLast() }
        return redaction.text(text)
    }

    private static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Bool.Type: "true or false"
        case is Int.Type, is Int64.Type, is Int32.Type, is UInt.Type: "an integer"
        case is Double.Type, is Float.Type, is Decimal.Type: "a number"
        case is [Any].Type: "an array"
        case is [String: Any].Type: "an object"
        default: "\(type)"
        }
    }

    private static func shorten(_ text: String) -> String {
        text.count <= 120 ? text : String(text.prefix(117)) + "..."
    }
}
