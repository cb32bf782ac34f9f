public import Foundation

/// Reading objects and arrays whose members a reader names, for adapters
/// that read a platform's pages straight from their bytes.
extension JSONCursor {
    /// `read` over all of `body`, which must hold nothing after the value;
    /// `nil` when `read` throws or gives `nil`, so the caller falls back to
    /// `JSONDecoder` and its field-naming errors.
    public static func readWhole<Value>(_ body: Data, _ read: (inout JSONCursor) throws -> Value?) -> Value? {
        body.withUnsafeBytes { raw in
            var cursor = JSONCursor(raw.bindMemory(to: UInt8.self))
            guard let value = try? read(&cursor), (try? cursor.finish()) != nil else { return nil }
            return value
        }
    }

    /// Reads an object, handing each member named in `names` to `read` with
    /// the cursor at its value, and skipping (grammar checked) the rest.
    /// A named member sent twice is an error: `JSONDecoder` might keep the
    /// other one, and a reader must never answer differently from it.
    /// `names` may hold at most 64 values, numbered by `number`.
    @inlinable public mutating func readMembers<Name>(
        _ names: ByteNames<Name>, number: (Name) -> Int, _ read: (Name, inout JSONCursor) throws -> Void
    ) throws {
        var seen: UInt64 = 0
        var object = try beginObject()
        while let key = try nextKey(&object) {
            guard let name = field(key, in: names) else {
                try skipValue()
                continue
            }
            let bit: UInt64 = 1 << UInt64(number(name))
            guard seen & bit == 0 else { throw failure("a member sent twice") }
            seen |= bit
            try read(name, &self)
        }
    }

    /// Reads an object of which only the member `name` matters: its value
    /// read by `read`, or `nil` when the object lacks it.
    @inlinable public mutating func readMember<Value>(
        _ name: StaticString, _ read: (inout JSONCursor) throws -> Value
    ) throws -> Value? {
        let wanted = UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount)
        var value: Value?
        var found = false
        var object = try beginObject()
        while let key = try nextKey(&object) {
            let matches =
                key.unescaped.map { $0.utf8.elementsEqual(wanted) }
                ?? UnsafeBufferPointer(rebasing: bytes[key.range]).elementsEqual(wanted)
            guard matches else {
                try skipValue()
                continue
            }
            guard !found else { throw failure("a member sent twice") }
            found = true
            value = try read(&self)
        }
        return value
    }

    /// An array of elements read by `element`; `null` is `nil`.
    @inlinable public mutating func readOptionalArray<Element>(
        _ element: (inout JSONCursor) throws -> Element
    ) throws -> [Element]? {
        if try readNull() { return nil }
        var elements: [Element] = []
        var array = try beginArray()
        while try nextElement(&array) { elements.append(try element(&self)) }
        return elements
    }

    /// An integer written without fraction or exponent, as `JSONDecoder`
    /// reads `Int` and `Int64`.
    public mutating func readExactInt() throws -> Int {
        let start = index
        let byte = try peek()
        guard byte == UInt8(ascii: "-") || isDigit(byte) else { throw failure("expected a number") }
        let (_, integral) = try scanNumber()
        guard integral else { throw failure("expected an integer", at: start) }
        index = start
        return try readInt()
    }

    public mutating func readOptionalExactInt() throws -> Int? {
        try readNull() ? nil : try readExactInt()
    }

    /// An array of strings; `null` is `nil`.
    public mutating func readOptionalStrings() throws -> [String]? {
        try readOptionalArray { try $0.readString() }
    }
}
