import Foundation

/// Just enough of a JSON scanner to cut a body into values without
/// decoding them: the bytes of each record stay exactly as the store sent
/// them (a number re-encoded through `Double` could change an amount).
/// Every function returns `nil` for a body that is not complete JSON of
/// the expected shape.
enum RawJSON {
    /// `body` without surrounding whitespace, when it is one complete value.
    static func trimmed(_ body: Data) -> Data? {
        let bytes = [UInt8](body)
        var index = skipSpace(bytes, 0)
        let start = index
        guard let end = valueEnd(bytes, index) else { return nil }
        index = skipSpace(bytes, end)
        guard index == bytes.count else { return nil }
        return Data(bytes[start..<end])
    }

    /// The elements of a JSON array, each as its raw bytes.
    static func elements(of array: Data) -> [Data]? {
        let bytes = [UInt8](array)
        var index = skipSpace(bytes, 0)
        guard index < bytes.count, bytes[index] == UInt8(ascii: "[") else { return nil }
        index = skipSpace(bytes, index + 1)
        var elements: [Data] = []
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            return skipSpace(bytes, index + 1) == bytes.count ? [] : nil
        }
        while index < bytes.count {
            guard let end = valueEnd(bytes, index) else { return nil }
            elements.append(Data(bytes[index..<end]))
            index = skipSpace(bytes, end)
            guard index < bytes.count else { return nil }
            if bytes[index] == UInt8(ascii: "]") { return skipSpace(bytes, index + 1) == bytes.count ? elements : nil }
            guard bytes[index] == UInt8(ascii: ",") else { return nil }
            index = skipSpace(bytes, index + 1)
        }
        return nil
    }

    /// The raw value of member `name` of the top-level object of `body`.
    static func member(_ name: String, of body: Data) -> Data? {
        let bytes = [UInt8](body)
        guard let object = trimmed(body), object.first == UInt8(ascii: "{") else { return nil }
        let wanted = Data(quoted(name).utf8)
        var index = skipSpace(bytes, bytes.firstIndex(of: UInt8(ascii: "{"))! + 1)
        while index < bytes.count, bytes[index] == UInt8(ascii: "\"") {
            guard let keyEnd = valueEnd(bytes, index) else { return nil }
            let key = Data(bytes[index..<keyEnd])
            index = skipSpace(bytes, keyEnd)
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return nil }
            index = skipSpace(bytes, index + 1)
            guard let end = valueEnd(bytes, index) else { return nil }
            if key == wanted { return Data(bytes[index..<end]) }
            index = skipSpace(bytes, end)
            guard index < bytes.count, bytes[index] == UInt8(ascii: ",") else { return nil }
            index = skipSpace(bytes, index + 1)
        }
        return nil
    }

    /// `name` as a JSON string.
    static func quoted(_ name: String) -> String {
        let escaped = name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        return "\"\(escaped)\""
    }

    /// The index just past the value starting at `start`.
    private static func valueEnd(_ bytes: [UInt8], _ start: Int) -> Int? {
        guard start < bytes.count else { return nil }
        switch bytes[start] {
        case UInt8(ascii: "\""):
            return stringEnd(bytes, start)
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            var depth = 0
            var index = start
            while index < bytes.count {
                switch bytes[index] {
                case UInt8(ascii: "\""):
                    guard let end = stringEnd(bytes, index) else { return nil }
                    index = end
                    continue
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    depth -= 1
                    if depth == 0 { return index + 1 }
                default:
                    break
                }
                index += 1
            }
            return nil
        default:
            // A number or a literal runs to the next delimiter.
            var index = start
            while index < bytes.count, !isDelimiter(bytes[index]) { index += 1 }
            return index > start ? index : nil
        }
    }

    private static func stringEnd(_ bytes: [UInt8], _ start: Int) -> Int? {
        var index = start + 1
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\\"): index += 2
            case UInt8(ascii: "\""): return index + 1
            default: index += 1
            }
        }
        return nil
    }

    private static func isDelimiter(_ byte: UInt8) -> Bool {
        isSpace(byte) || byte == UInt8(ascii: ",") || byte == UInt8(ascii: "]") || byte == UInt8(ascii: "}")
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }

    private static func skipSpace(_ bytes: [UInt8], _ start: Int) -> Int {
        var index = start
        while index < bytes.count, isSpace(bytes[index]) { index += 1 }
        return index
    }
}
