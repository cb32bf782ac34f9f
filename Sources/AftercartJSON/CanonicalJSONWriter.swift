/// Writes compact JSON with members in byte order of their names: the same
/// bytes `ModelJSON.encoder()` with `.sortedKeys` produces, without building
/// `JSONEncoder`'s tree of boxed values first.
///
/// A sync re-encodes every record it receives and compares the text with
/// the stored one, so the bytes must match the encoder's exactly; a record
/// type that writes itself here is checked against `JSONEncoder` by tests.
/// Callers name members in sorted order (checked in debug builds).
public struct CanonicalJSONWriter: Sendable {
    /// The UTF-8 written so far.
    public private(set) var bytes: [UInt8] = []
    /// Per open object: whether a member was written, and the last name (debug check).
    private var needsComma: [Bool] = []
    #if DEBUG
        private var lastName: [String] = []
    #endif

    /// Whether members must come in sorted order (checked in debug builds).
    private let sortedMembers: Bool

    /// - Parameter sortedMembers: `false` for JSON of Aftercart's own whose
    ///   members come in the order written (no encoder output to match).
    public init(capacity: Int = 1_024, sortedMembers: Bool = true) {
        bytes.reserveCapacity(capacity)
        self.sortedMembers = sortedMembers
    }

    /// The text written so far.
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    // MARK: Containers

    public mutating func beginObject() {
        separate()
        bytes.append(UInt8(ascii: "{"))
        needsComma.append(false)
        #if DEBUG
            lastName.append("")
        #endif
    }

    public mutating func endObject() {
        needsComma.removeLast()
        #if DEBUG
            lastName.removeLast()
        #endif
        bytes.append(UInt8(ascii: "}"))
    }

    public mutating func beginArray() {
        separate()
        bytes.append(UInt8(ascii: "["))
        needsComma.append(false)
        #if DEBUG
            lastName.append("")
        #endif
    }

    public mutating func endArray() {
        needsComma.removeLast()
        #if DEBUG
            lastName.removeLast()
        #endif
        bytes.append(UInt8(ascii: "]"))
    }

    /// Writes a member's name and colon; the next value written is its value.
    /// `name` must be ASCII without characters that need escaping.
    public mutating func key(_ name: StaticString) {
        #if DEBUG
            let text = name.description
            precondition(
                !sortedMembers || lastName[lastName.count - 1] < text, "member \(text) written out of sorted order")
            lastName[lastName.count - 1] = text
        #endif
        separate()
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
        valueFollowsKey = true
    }

    /// Whether the next value is a member's value, written right after its name.
    private var valueFollowsKey = false

    /// A comma before every member or element but the first of its container.
    private mutating func separate() {
        if valueFollowsKey {
            valueFollowsKey = false
            return
        }
        guard let last = needsComma.indices.last else { return }
        if needsComma[last] { bytes.append(UInt8(ascii: ",")) }
        needsComma[last] = true
    }

    // MARK: Scalars

    public mutating func null() {
        separate()
        bytes.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C])
    }

    public mutating func bool(_ value: Bool) {
        separate()
        if value {
            bytes.append(contentsOf: [0x74, 0x72, 0x75, 0x65])
        } else {
            bytes.append(contentsOf: [0x66, 0x61, 0x6C, 0x73, 0x65])
        }
    }

    public mutating func int(_ value: Int) {
        separate()
        bytes.append(contentsOf: String(value).utf8)
    }

    /// A string, escaped as Foundation's encoder escapes it: quote,
    /// backslash and control characters; `/` and non-ASCII stay as they are.
    public mutating func string(_ value: String) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { utf8 in
            var start = 0
            for (index, byte) in utf8.enumerated() where byte < 0x20 || byte == 0x22 || byte == 0x5C {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
                appendEscape(byte)
                start = index + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// A string whose content `write` appends as UTF-8 that needs no
    /// escaping (a timestamp, a number as text), without making a `String`.
    public mutating func unescapedString(_ write: (inout [UInt8]) -> Void) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        write(&bytes)
        bytes.append(UInt8(ascii: "\""))
    }

    public mutating func optionalString(_ value: String?) {
        if let value { string(value) } else { null() }
    }

    private mutating func appendEscape(_ byte: UInt8) {
        bytes.append(UInt8(ascii: "\\"))
        switch byte {
        case 0x22: bytes.append(0x22)
        case 0x5C: bytes.append(0x5C)
        case 0x08: bytes.append(UInt8(ascii: "b"))
        case 0x09: bytes.append(UInt8(ascii: "t"))
        case 0x0A: bytes.append(UInt8(ascii: "n"))
        case 0x0C: bytes.append(UInt8(ascii: "f"))
        case 0x0D: bytes.append(UInt8(ascii: "r"))
        default:
            let hex: [UInt8] = Array("0123456789abcdef".utf8)
            bytes.append(contentsOf: [UInt8(ascii: "u"), 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
        }
    }
}
