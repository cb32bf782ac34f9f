import AftercartModel

/// A stored record as `export` prints it: the normalized JSON plus
/// `vanished_at`, when a full sync or a deletion webhook found the record
/// gone from the store (`null` while it is there), so an exported
/// vanished record can never pass for a live one.
public enum ExportedRecord {
    /// `payload`'s JSON with `vanished_at` added.
    public static func json(_ payload: StoredPayload) -> String {
        let marker = payload.vanishedAt.map { "\"\(Timestamp.format($0))\"" } ?? "null"
        // Payloads are stored as JSON objects: the field goes before the closing brace.
        guard let end = payload.json.lastIndex(of: "}") else { return payload.json }
        let head = payload.json[..<end]
        let separator = head.drop { $0 != "{" }.dropFirst().allSatisfy(\.isWhitespace) ? "" : ","
        return String(head) + separator + "\"vanished_at\":" + marker + "}"
    }
}
