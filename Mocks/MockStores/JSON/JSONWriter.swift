import NIOCore

/// Streams JSON straight into a `ByteBuffer`.
///
/// Encoding a million-order store through `JSONEncoder` would make the emulator the
/// bottleneck of the benchmarks it exists for, so renderers write fields in the order the
/// real platforms emit them. Commas are inserted automatically.
struct JSONWriter {
    enum Style {
        /// PHP `json_encode` defaults: `/` as `\/` and non-ASCII as `\uXXXX` (WooCommerce).
        case php
        /// Plain UTF-8 (Shopify).
        case plain
    }

    /// Bytes are collected in an array (cheap appends) and copied into a `ByteBuffer` once.
    private(set) var bytes: [UInt8]
    let style: Style
    private var needsComma = false
    private var depth = 0
    /// When set, keys at `filterDepth` not in the set are dropped with their values (Shopify `fields=`).
    var fieldFilter: Set<String>?
    var filterDepth = 1
    private var suppressing = false
    private var suppressDepth = 0

    init(style: Style, capacity: Int = 4_096) {
        self.style = style
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    var buffer: ByteBuffer { ByteBuffer(bytes: bytes) }

    private mutating func appendStatic(_ s: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
    }

    private mutating func comma() {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
    }

    /// Ends a suppressed scalar value; returns true when the caller must not write.
    private mutating func skipScalar() -> Bool {
        guard suppressing else { return false }
        if depth == suppressDepth { suppressing = false }
        return true
    }

    mutating func beginObject() {
        if suppressing {
            depth += 1
            return
        }
        comma()
        bytes.append(UInt8(ascii: "{"))
        needsComma = false
        depth += 1
    }

    mutating func endObject() {
        depth -= 1
        if suppressing {
            if depth == suppressDepth { suppressing = false }
            return
        }
        bytes.append(UInt8(ascii: "}"))
        needsComma = true
    }

    mutating func beginArray() {
        if suppressing {
            depth += 1
            return
        }
        comma()
        bytes.append(UInt8(ascii: "["))
        needsComma = false
        depth += 1
    }

    mutating func endArray() {
        depth -= 1
        if suppressing {
            if depth == suppressDepth { suppressing = false }
            return
        }
        bytes.append(UInt8(ascii: "]"))
        needsComma = true
    }

    mutating func key(_ name: StaticString) {
        if suppressing { return }
        if let filter = fieldFilter, depth == filterDepth, !filter.contains(name.description) {
            suppressing = true
            suppressDepth = depth
            return
        }
        comma()
        bytes.append(UInt8(ascii: "\""))
        appendStatic(name)
        appendStatic("\":")
        needsComma = false
    }

    /// A dynamic key (metadata maps, avatar sizes).
    mutating func key(_ name: String) {
        if suppressing { return }
        if let filter = fieldFilter, depth == filterDepth, !filter.contains(name) {
            suppressing = true
            suppressDepth = depth
            return
        }
        comma()
        writeEscaped(name)
        bytes.append(UInt8(ascii: ":"))
        needsComma = false
    }

    mutating func string(_ value: String) {
        if skipScalar() { return }
        comma()
        writeEscaped(value)
        needsComma = true
    }

    mutating func string(_ value: String?) {
        if let value { string(value) } else { null() }
    }

    /// A number given as exact decimal text (e.g. `12.5`), never via floating point.
    mutating func number(_ text: String) {
        if skipScalar() { return }
        comma()
        bytes.append(contentsOf: text.utf8)
        needsComma = true
    }

    mutating func int(_ value: Int) {
        if skipScalar() { return }
        comma()
        bytes.append(contentsOf: String(value).utf8)
        needsComma = true
    }

    mutating func int(_ value: Int64) {
        if skipScalar() { return }
        comma()
        bytes.append(contentsOf: String(value).utf8)
        needsComma = true
    }

    mutating func int(_ value: Int?) {
        if let value { int(value) } else { null() }
    }

    mutating func bool(_ value: Bool) {
        if skipScalar() { return }
        comma()
        appendStatic(value ? "true" : "false")
        needsComma = true
    }

    mutating func null() {
        if skipScalar() { return }
        comma()
        appendStatic("null")
        needsComma = true
    }

    /// Pre-rendered JSON (a nested record rendered elsewhere).
    mutating func raw(_ json: ByteBuffer) {
        if skipScalar() { return }
        comma()
        bytes.append(contentsOf: json.readableBytesView)
        needsComma = true
    }

    /// Ends a top-level value with a newline, so the next one starts a new JSON Lines record.
    mutating func lineBreak() {
        bytes.append(UInt8(ascii: "\n"))
        needsComma = false
    }

    // Shorthands for `key` + value.
    mutating func field(_ k: StaticString, _ v: String) {
        key(k)
        string(v)
    }
    mutating func field(_ k: StaticString, _ v: String?) {
        key(k)
        string(v)
    }
    mutating func field(_ k: StaticString, _ v: Int) {
        key(k)
        int(v)
    }
    mutating func field(_ k: StaticString, _ v: Int64) {
        key(k)
        int(v)
    }
    mutating func field(_ k: StaticString, _ v: Int?) {
        key(k)
        int(v)
    }
    mutating func field(_ k: StaticString, _ v: Bool) {
        key(k)
        bool(v)
    }
    mutating func fieldNull(_ k: StaticString) {
        key(k)
        null()
    }
    mutating func emptyArray(_ k: StaticString) {
        key(k)
        beginArray()
        endArray()
    }
    mutating func emptyObject(_ k: StaticString) {
        key(k)
        beginObject()
        endObject()
    }

    private mutating func writeEscaped(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        var plain = true
        for b in value.utf8 where b < 0x20 || b == 0x22 || b == 0x5C || (style == .php && (b == 0x2F || b >= 0x80)) {
            plain = false
            break
        }
        if plain {
            bytes.append(contentsOf: value.utf8)
        } else if style == .php {
            for unit in value.utf16 { writePHPUnit(unit) }
        } else {
            for b in value.utf8 { writePlainByte(b) }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func writePlainByte(_ b: UInt8) {
        switch b {
        case 0x22: appendStatic("\\\"")
        case 0x5C: appendStatic("\\\\")
        case 0x0A: appendStatic("\\n")
        case 0x0D: appendStatic("\\r")
        case 0x09: appendStatic("\\t")
        case 0..<0x20: writeUnicodeEscape(UInt16(b))
        default: bytes.append(b)
        }
    }

    private mutating func writePHPUnit(_ unit: UInt16) {
        if unit < 0x80 {
            if unit == 0x2F { appendStatic("\\/") } else { writePlainByte(UInt8(unit)) }
        } else {
            writeUnicodeEscape(unit)
        }
    }

    private mutating func writeUnicodeEscape(_ unit: UInt16) {
        let hex: [UInt8] = Array("0123456789abcdef".utf8)
        appendStatic("\\u")
        bytes.append(hex[Int(unit >> 12) & 0xF])
        bytes.append(hex[Int(unit >> 8) & 0xF])
        bytes.append(hex[Int(unit >> 4) & 0xF])
        bytes.append(hex[Int(unit) & 0xF])
    }
}
