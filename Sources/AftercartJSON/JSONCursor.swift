/// Why stored JSON could not be read: what was wrong and at which byte.
public struct JSONScanError: Error, Sendable, Hashable, CustomStringConvertible {
    public var offset: Int
    public var problem: String

    public var description: String { "\(problem) at byte \(offset)" }
}

/// A forward-only reader over the UTF-8 bytes of one JSON document.
///
/// A plan reads every stored order of a store; `JSONDecoder` builds a tree
/// of each whole document before a field is read, which was most of a plan's
/// time. This reads the wanted fields straight from the bytes, checks the
/// grammar of everything it skips, and allocates only for strings it keeps.
public struct JSONCursor {
    public let bytes: UnsafeBufferPointer<UInt8>
    /// The offset of the next byte to read.
    public var index = 0

    public init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// A member name: where its bytes are, or its text when it had escapes.
    public struct Key {
        public var range: Range<Int>
        public var unescaped: String?
    }

    /// Whether an object or array is still before its first member.
    public struct Container {
        public var first = true
    }

    /// Nesting deeper than this is refused, as `JSONDecoder` refuses it.
    public static let maximumDepth = 512

    public func failure(_ problem: String, at offset: Int? = nil) -> JSONScanError {
        JSONScanError(offset: offset ?? index, problem: problem)
    }

    // MARK: Structure

    public mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    /// The next significant byte, not consumed.
    public mutating func peek() throws -> UInt8 {
        skipWhitespace()
        guard index < bytes.count else { throw failure("unexpected end of the JSON") }
        return bytes[index]
    }

    public mutating func beginObject() throws -> Container {
        guard try peek() == UInt8(ascii: "{") else { throw failure("expected an object") }
        index += 1
        return Container()
    }

    /// The next member's name with its colon consumed; `nil` after the closing brace.
    public mutating func nextKey(_ object: inout Container) throws -> Key? {
        var byte = try peek()
        if byte == UInt8(ascii: "}") {
            index += 1
            return nil
        }
        if !object.first {
            guard byte == UInt8(ascii: ",") else { throw failure("expected ',' or '}' in an object") }
            index += 1
            byte = try peek()
        }
        object.first = false
        guard byte == UInt8(ascii: "\"") else { throw failure("expected a member name") }
        let (range, escaped) = try scanString()
        let key = Key(range: range, unescaped: escaped ? try unescape(range) : nil)
        guard try peek() == UInt8(ascii: ":") else { throw failure("expected ':' after a member name") }
        index += 1
        return key
    }

    /// Which of `names` the key is, or `nil` for a member the reader skips.
    @inlinable public func field<Value>(_ key: Key, in names: ByteNames<Value>) -> Value? {
        if var text = key.unescaped { return text.withUTF8 { names.value(for: $0) } }
        return names.value(for: UnsafeBufferPointer(rebasing: bytes[key.range]))
    }

    public mutating func beginArray() throws -> Container {
        guard try peek() == UInt8(ascii: "[") else { throw failure("expected an array") }
        index += 1
        return Container()
    }

    /// Whether another element follows (the cursor is then at it); `false` after the closing bracket.
    public mutating func nextElement(_ array: inout Container) throws -> Bool {
        let byte = try peek()
        if byte == UInt8(ascii: "]") {
            index += 1
            return false
        }
        if !array.first {
            guard byte == UInt8(ascii: ",") else { throw failure("expected ',' or ']' in an array") }
            index += 1
            if try peek() == UInt8(ascii: "]") { throw failure("expected a value") }
        }
        array.first = false
        return true
    }

    /// Checks that nothing but whitespace follows the document.
    public mutating func finish() throws {
        skipWhitespace()
        guard index == bytes.count else { throw failure("unexpected text after the JSON value") }
    }

    /// Skips one value of any kind, checking its grammar.
    public mutating func skipValue(depth: Int = 0) throws {
        guard depth < Self.maximumDepth else { throw failure("JSON nested too deeply") }
        switch try peek() {
        case UInt8(ascii: "{"):
            var object = try beginObject()
            while try nextKey(&object) != nil { try skipValue(depth: depth + 1) }
        case UInt8(ascii: "["):
            var array = try beginArray()
            while try nextElement(&array) { try skipValue(depth: depth + 1) }
        case UInt8(ascii: "\""): try skipString()
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): _ = try scanNumber()
        default: throw failure("expected a value")
        }
    }

    // MARK: Scalars

    /// Consumes `null` and says so; leaves any other value alone.
    public mutating func readNull() throws -> Bool {
        guard try peek() == UInt8(ascii: "n") else { return false }
        try literal("null")
        return true
    }

    public mutating func readString() throws -> String {
        guard try peek() == UInt8(ascii: "\"") else { throw failure("expected a string") }
        let (range, escaped) = try scanString()
        return escaped ? try unescape(range) : try text(range)
    }

    public mutating func readOptionalString() throws -> String? {
        try readNull() ? nil : try readString()
    }

    /// Checks that a string comes next and skips it.
    public mutating func skipString() throws {
        guard try peek() == UInt8(ascii: "\"") else { throw failure("expected a string") }
        let (range, escaped) = try scanString()
        if escaped { _ = try unescape(range) }
    }

    public mutating func skipOptionalString() throws {
        if try !readNull() { try skipString() }
    }

    /// Hands a string's UTF-8 (unescaped) to `body` without keeping it.
    public mutating func withString<T>(_ body: (UnsafeBufferPointer<UInt8>) throws -> T) throws -> T {
        guard try peek() == UInt8(ascii: "\"") else { throw failure("expected a string") }
        let (range, escaped) = try scanString()
        if escaped {
            var text = try unescape(range)
            return try text.withUTF8(body)
        }
        return try body(UnsafeBufferPointer(rebasing: bytes[range]))
    }

    public mutating func readBool() throws -> Bool {
        switch try peek() {
        case UInt8(ascii: "t"):
            try literal("true")
            return true
        case UInt8(ascii: "f"):
            try literal("false")
            return false
        default: throw failure("expected true or false")
        }
    }

    public mutating func readOptionalBool() throws -> Bool? {
        try readNull() ? nil : try readBool()
    }

    /// An integer; a number with a fraction or exponent is accepted when it is a whole value.
    public mutating func readInt() throws -> Int {
        let byte = try peek()
        guard byte == UInt8(ascii: "-") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else {
            throw failure("expected a number")
        }
        let start = index
        let (range, integral) = try scanNumber()
        if integral {
            let negative = bytes[range.lowerBound] == UInt8(ascii: "-")
            var value = 0
            for offset in (negative ? range.lowerBound + 1 : range.lowerBound)..<range.upperBound {
                let digit = Int(bytes[offset] - UInt8(ascii: "0"))
                let (shifted, overflow) = value.multipliedReportingOverflow(by: 10)
                let (next, overflow2) =
                    negative ? shifted.subtractingReportingOverflow(digit) : shifted.addingReportingOverflow(digit)
                guard !overflow, !overflow2 else { throw failure("number does not fit an Int", at: start) }
                value = next
            }
            return value
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        guard let double = Double(text), let value = Int(exactly: double) else {
            throw failure("\(text) is not a whole number", at: start)
        }
        return value
    }

    public mutating func readOptionalInt() throws -> Int? {
        try readNull() ? nil : try readInt()
    }

    /// A string that must be one of `names`.
    public mutating func readName<Value>(_ names: ByteNames<Value>, _ what: String) throws -> Value {
        let start = index
        guard let value = try withString({ names.value(for: $0) }) else {
            throw failure("not a known \(what)", at: start)
        }
        return value
    }
}
