import Foundation

/// The JSON lexical grammar under ``JSONCursor``: literals, strings with
/// their escapes, numbers.
extension JSONCursor {
    public mutating func literal(_ word: StaticString) throws {
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count,
            UnsafeBufferPointer(start: word.utf8Start, count: count).elementsEqual(bytes[index..<index + count])
        else { throw failure("expected \(word)") }
        index += count
    }

    /// Moves past a string, the cursor at its opening quote; returns the bytes between the quotes.
    public mutating func scanString() throws -> (range: Range<Int>, escaped: Bool) {
        let opening = index
        index += 1
        let start = index
        var escaped = false
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                index += 1
                return (start..<index - 1, escaped)
            }
            if byte == UInt8(ascii: "\\") {
                escaped = true
                index += 1
                guard index < bytes.count else { break }
                switch bytes[index] {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
                    UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                    index += 1
                case UInt8(ascii: "u"):
                    guard index + 4 < bytes.count, (1...4).allSatisfy({ Self.hexValue(bytes[index + $0]) != nil })
                    else { throw failure("a \\u escape needs four hex digits") }
                    index += 5
                default: throw failure("invalid escape in a string")
                }
                continue
            }
            guard byte >= 0x20 else { throw failure("unescaped control character in a string") }
            index += 1
        }
        throw failure("unterminated string", at: opening)
    }

    public func text(_ range: Range<Int>) throws -> String {
        let utf8 = UnsafeBufferPointer(rebasing: bytes[range])
        // ASCII needs no checking, and `String(decoding:)` takes it on its
        // fast path; `String(validating:)` goes through generic code.
        if utf8.allSatisfy({ $0 < 0x80 }) { return String(decoding: utf8, as: UTF8.self) }
        guard let text = String(validating: utf8, as: UTF8.self) else {
            throw failure("invalid UTF-8 in a string", at: range.lowerBound)
        }
        return text
    }

    /// The text of a string with escapes (already checked by `scanString`).
    public func unescape(_ range: Range<Int>) throws -> String {
        var out: [UInt8] = []
        out.reserveCapacity(range.count)
        var offset = range.lowerBound
        while offset < range.upperBound {
            let byte = bytes[offset]
            guard byte == UInt8(ascii: "\\") else {
                out.append(byte)
                offset += 1
                continue
            }
            let kind = bytes[offset + 1]
            offset += 2
            switch kind {
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var value = hex4(at: offset)
                offset += 4
                if (0xD800...0xDBFF).contains(value) {
                    // A high surrogate must be followed by an escaped low one.
                    guard offset + 6 <= range.upperBound, bytes[offset] == UInt8(ascii: "\\"),
                        bytes[offset + 1] == UInt8(ascii: "u"), (0xDC00...0xDFFF).contains(hex4(at: offset + 2))
                    else { throw failure("unpaired UTF-16 surrogate in a \\u escape", at: offset - 6) }
                    value = 0x10000 + ((value - 0xD800) << 10) + (hex4(at: offset + 2) - 0xDC00)
                    offset += 6
                } else if (0xDC00...0xDFFF).contains(value) {
                    throw failure("unpaired UTF-16 surrogate in a \\u escape", at: offset - 6)
                }
                // Surrogates are handled above, so every other value is a scalar.
                UTF8.encode(Unicode.Scalar(value)!) { out.append($0) }
            default: out.append(kind)  // \" \\ \/
            }
        }
        guard let text = String(validating: out, as: UTF8.self) else {
            throw failure("invalid UTF-8 in a string", at: range.lowerBound)
        }
        return text
    }

    func hex4(at offset: Int) -> UInt32 {
        (0..<4).reduce(0) { $0 << 4 | UInt32(Self.hexValue(bytes[offset + $1]) ?? 0) }
    }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// Moves past a number, checking the JSON grammar; says whether it had no fraction or exponent.
    public mutating func scanNumber() throws -> (range: Range<Int>, integral: Bool) {
        let start = index
        var integral = true
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard index < bytes.count, isDigit(bytes[index]) else { throw failure("invalid number", at: start) }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
        } else {
            skipDigits()
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            integral = false
            index += 1
            guard index < bytes.count, isDigit(bytes[index]) else { throw failure("invalid number", at: start) }
            skipDigits()
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            integral = false
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                index += 1
            }
            guard index < bytes.count, isDigit(bytes[index]) else { throw failure("invalid number", at: start) }
            skipDigits()
        }
        return (start..<index, integral)
    }

    mutating func skipDigits() {
        while index < bytes.count, isDigit(bytes[index]) { index += 1 }
    }

    func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }
}
