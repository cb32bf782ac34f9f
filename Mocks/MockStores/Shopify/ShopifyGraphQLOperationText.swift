/// Just enough of a GraphQL document to serve known operations without a GraphQL engine:
/// whether a field is selected, and the value of one of its arguments (a literal, or a
/// `$variable` looked up in the request's `variables`).
struct ShopifyGraphQLOperationText {
    let text: String
    let variables: [String: JSONValue]
    private let bytes: [UInt8]

    init(text: String, variables: [String: JSONValue]) {
        self.text = text
        self.variables = variables
        bytes = Array(text.utf8)
    }

    /// Whether `field` appears as a field (followed by `(` or `{` or whitespace), not as part
    /// of a longer name.
    func selects(_ field: String) -> Bool { fieldStart(field) != nil }

    /// The value of argument `name` of the first occurrence of `field`.
    func argument(_ name: String, of field: String) -> JSONValue? {
        guard let start = fieldStart(field) else { return nil }
        var i = start + field.utf8.count
        while i < bytes.count, Self.isSpace(bytes[i]) { i += 1 }
        guard i < bytes.count, bytes[i] == UInt8(ascii: "(") else { return nil }
        i += 1
        var depth = 0
        let nameBytes = Array(name.utf8)
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "\"") {
                i = skipString(from: i)
                continue
            }
            if b == UInt8(ascii: "{") || b == UInt8(ascii: "[") { depth += 1 }
            if b == UInt8(ascii: "}") || b == UInt8(ascii: "]") { depth -= 1 }
            if b == UInt8(ascii: ")") && depth == 0 { return nil }
            if depth == 0, matches(nameBytes, at: i), i == 0 || !Self.isNameByte(bytes[i - 1]) {
                var j = i + nameBytes.count
                while j < bytes.count, Self.isSpace(bytes[j]) { j += 1 }
                if j < bytes.count, bytes[j] == UInt8(ascii: ":") {
                    j += 1
                    while j < bytes.count, Self.isSpace(bytes[j]) { j += 1 }
                    return value(at: j)
                }
            }
            i += 1
        }
        return nil
    }

    // MARK: Scanning

    private func fieldStart(_ field: String) -> Int? {
        let needle = Array(field.utf8)
        var i = 0
        while i + needle.count <= bytes.count {
            if bytes[i] == UInt8(ascii: "\"") {
                i = skipString(from: i)
                continue
            }
            // A `$name` is a variable, not a field.
            if matches(needle, at: i), i == 0 || !(Self.isNameByte(bytes[i - 1]) || bytes[i - 1] == UInt8(ascii: "$")),
                i + needle.count == bytes.count || !Self.isNameByte(bytes[i + needle.count])
            {
                return i
            }
            i += 1
        }
        return nil
    }

    private func value(at start: Int) -> JSONValue? {
        guard start < bytes.count else { return nil }
        let b = bytes[start]
        if b == UInt8(ascii: "$") {
            let name = token(from: start + 1)
            return variables[name] ?? .null
        }
        if b == UInt8(ascii: "\"") {
            let end = skipString(from: start)
            let inner = bytes[(start + 1)..<max(start + 1, end - 1)]
            return .string(String(decoding: inner, as: UTF8.self).replacingOccurrences(of: "\\\"", with: "\""))
        }
        let literal = token(from: start)
        if literal == "true" || literal == "false" { return .bool(literal == "true") }
        if literal == "null" { return .null }
        if let first = literal.utf8.first, first == UInt8(ascii: "-") || (48...57).contains(first) {
            return .number(literal)
        }
        return literal.isEmpty ? nil : .string(literal)
    }

    private func token(from start: Int) -> String {
        var end = start
        while end < bytes.count, Self.isNameByte(bytes[end]) || bytes[end] == UInt8(ascii: "-") { end += 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// The index just past the string literal opening at `start`.
    private func skipString(from start: Int) -> Int {
        var i = start + 1
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "\\") {
                i += 2
                continue
            }
            if bytes[i] == UInt8(ascii: "\"") { return i + 1 }
            i += 1
        }
        return bytes.count
    }

    private func matches(_ needle: [UInt8], at i: Int) -> Bool {
        guard i + needle.count <= bytes.count else { return false }
        for k in 0..<needle.count where bytes[i + k] != needle[k] { return false }
        return true
    }

    private static func isNameByte(_ b: UInt8) -> Bool {
        (48...57).contains(b) || (65...90).contains(b) || (97...122).contains(b) || b == UInt8(ascii: "_")
    }

    private static func isSpace(_ b: UInt8) -> Bool {
        b == 32 || b == 9 || b == 10 || b == 13 || b == UInt8(ascii: ",")
    }
}
