/// Finds the line on which each key, table header and array element of a
/// TOML document is written.
///
/// TOMLKit (toml++ underneath) keeps source positions but does not expose
/// them, so this walks the raw text once. It tracks `[table]` and
/// `[[array]]` headers (with how often each array header occurred so far),
/// dotted keys, inline tables and arrays, and skips strings and comments.
/// It trusts that the text already parsed; on anything unexpected it steps
/// over one byte, so it cannot loop or crash on odd input.
struct TOMLLineLocator: Sendable {
    private(set) var lines: [ConfigPath: Int]

    init(text: String) {
        var scanner = LineScanner(bytes: Array(text.utf8))
        scanner.scanDocument()
        lines = scanner.lines
    }

    /// The line that defines exactly `path`, if the text names it.
    func line(of path: ConfigPath) -> Int? {
        lines[path]
    }

    /// The line of `path`, or of its closest ancestor the text names:
    /// a missing key is reported on its table's header.
    func nearestLine(for path: ConfigPath) -> Int? {
        var candidate: ConfigPath? = path
        while let current = candidate {
            if let line = lines[current] { return line }
            candidate = current.parent
        }
        return nil
    }
}

private struct LineScanner {
    let bytes: [UInt8]
    var position = 0
    var line = 1
    var lines: [ConfigPath: Int] = [:]
    var arrayCounts: [ConfigPath: Int] = [:]
    var currentTable = ConfigPath.root

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    var atEnd: Bool { position >= bytes.count }

    func peek(_ offset: Int = 0) -> UInt8? {
        let index = position + offset
        return index < bytes.count ? bytes[index] : nil
    }

    mutating func advance() {
        if bytes[position] == UInt8(ascii: "\n") { line += 1 }
        position += 1
    }

    mutating func skipSpaces() {
        while let byte = peek(), byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") {
            advance()
        }
    }

    mutating func skipComment() {
        guard peek() == UInt8(ascii: "#") else { return }
        while let byte = peek(), byte != UInt8(ascii: "\n") { advance() }
    }

    mutating func skipBlank() {
        while let byte = peek() {
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"), UInt8(ascii: "\n"):
                advance()
            case UInt8(ascii: "#"):
                skipComment()
            default:
                return
            }
        }
    }

    /// Records the first definition; explicit headers call `overwrite`.
    mutating func record(_ path: ConfigPath, at line: Int, overwrite: Bool = false) {
        if overwrite || lines[path] == nil { lines[path] = line }
    }

    mutating func scanDocument() {
        while true {
            skipBlank()
            guard let byte = peek() else { return }
            let start = position
            if byte == UInt8(ascii: "[") {
                scanHeader()
            } else {
                scanKeyValue(in: currentTable)
            }
            if position == start { advance() }
        }
    }

    /// Inside a header, a key that names an array of tables means its
    /// latest element: `[stores.loyalty]` after the second `[[stores]]`
    /// is `stores[1].loyalty`.
    func resolve(_ keys: [String]) -> ConfigPath {
        var path = ConfigPath.root
        for key in keys {
            path = path.appending(key)
            if let count = arrayCounts[path], count > 0 {
                path = path.appending(index: count - 1)
            }
        }
        return path
    }

    mutating func scanHeader() {
        let headerLine = line
        let isArray = peek(1) == UInt8(ascii: "[")
        advance()
        if isArray { advance() }
        skipSpaces()
        let keys = scanKey()
        skipSpaces()
        if peek() == UInt8(ascii: "]") { advance() }
        if isArray, peek() == UInt8(ascii: "]") { advance() }
        guard !keys.isEmpty else { return }

        let parent = resolve(Array(keys.dropLast()))
        recordImplicitTables(parent, at: headerLine)
        let named = parent.appending(keys[keys.count - 1])
        if isArray {
            let count = arrayCounts[named, default: 0]
            arrayCounts[named] = count + 1
            record(named, at: headerLine)
            currentTable = named.appending(index: count)
        } else {
            currentTable = named
        }
        record(currentTable, at: headerLine, overwrite: true)
    }

    mutating func recordImplicitTables(_ path: ConfigPath, at line: Int) {
        var prefix = ConfigPath.root
        for component in path.components {
            prefix = ConfigPath(prefix.components + [component])
            record(prefix, at: line)
        }
    }

    mutating func scanKeyValue(in table: ConfigPath) {
        let keyLine = line
        let keys = scanKey()
        guard !keys.isEmpty else { return }
        var path = table
        for key in keys {
            path = path.appending(key)
            record(path, at: keyLine)
        }
        skipSpaces()
        guard peek() == UInt8(ascii: "=") else { return }
        advance()
        skipSpaces()
        scanValue(at: path)
    }

    /// Reads `a`, `a.b`, `"quoted key".c`; returns the components.
    mutating func scanKey() -> [String] {
        var keys: [String] = []
        while true {
            skipSpaces()
            guard let byte = peek() else { break }
            if byte == UInt8(ascii: "\"") {
                keys.append(scanBasicString())
            } else if byte == UInt8(ascii: "'") {
                keys.append(scanLiteralString())
            } else {
                let start = position
                while let next = peek(), Self.isBareKeyByte(next) { advance() }
                if position == start { break }
                keys.append(String(decoding: bytes[start..<position], as: UTF8.self))
            }
            skipSpaces()
            if peek() == UInt8(ascii: ".") { advance() } else { break }
        }
        return keys
    }

    static func isBareKeyByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"):
            return true
        default:
            return false
        }
    }

    mutating func scanValue(at path: ConfigPath) {
        guard let byte = peek() else { return }
        switch byte {
        case UInt8(ascii: "\""):
            if peek(1) == byte, peek(2) == byte { skipMultilineString(quote: byte) } else { _ = scanBasicString() }
        case UInt8(ascii: "'"):
            if peek(1) == byte, peek(2) == byte { skipMultilineString(quote: byte) } else { _ = scanLiteralString() }
        case UInt8(ascii: "{"):
            scanInlineTable(at: path)
        case UInt8(ascii: "["):
            scanArray(at: path)
        default:
            while let next = peek() {
                switch next {
                case UInt8(ascii: ","), UInt8(ascii: "]"), UInt8(ascii: "}"), UInt8(ascii: "\n"),
                    UInt8(ascii: "#"), UInt8(ascii: "\r"):
                    return
                default:
                    advance()
                }
            }
        }
    }

    mutating func scanInlineTable(at path: ConfigPath) {
        advance()
        while true {
            skipBlank()
            guard let byte = peek() else { return }
            if byte == UInt8(ascii: "}") {
                advance()
                return
            }
            let start = position
            scanKeyValue(in: path)
            skipBlank()
            if peek() == UInt8(ascii: ",") { advance() }
            if position == start { advance() }
        }
    }

    mutating func scanArray(at path: ConfigPath) {
        advance()
        var index = 0
        while true {
            skipBlank()
            guard let byte = peek() else { return }
            if byte == UInt8(ascii: "]") {
                advance()
                return
            }
            let start = position
            let element = path.appending(index: index)
            record(element, at: line)
            scanValue(at: element)
            index += 1
            skipBlank()
            if peek() == UInt8(ascii: ",") { advance() }
            if position == start { advance() }
        }
    }

    mutating func scanBasicString() -> String {
        advance()
        var scalars = String.UnicodeScalarView()
        var raw: [UInt8] = []
        func flush(_ raw: inout [UInt8], into scalars: inout String.UnicodeScalarView) {
            scalars.append(contentsOf: String(decoding: raw, as: UTF8.self).unicodeScalars)
            raw.removeAll()
        }
        while let byte = peek(), byte != UInt8(ascii: "\""), byte != UInt8(ascii: "\n") {
            if byte == UInt8(ascii: "\\"), position + 1 < bytes.count {
                flush(&raw, into: &scalars)
                advance()
                let escape = bytes[position]
                advance()
                switch escape {
                case UInt8(ascii: "n"): scalars.append("\n")
                case UInt8(ascii: "t"): scalars.append("\t")
                case UInt8(ascii: "r"): scalars.append("\r")
                case UInt8(ascii: "b"): scalars.append("\u{08}")
                case UInt8(ascii: "f"): scalars.append("\u{0C}")
                case UInt8(ascii: "u"), UInt8(ascii: "U"):
                    let length = escape == UInt8(ascii: "u") ? 4 : 8
                    var hex = ""
                    for _ in 0..<length {
                        guard let digit = peek() else { break }
                        hex.append(Character(UnicodeScalar(digit)))
                        advance()
                    }
                    if let value = UInt32(hex, radix: 16), let scalar = UnicodeScalar(value) {
                        scalars.append(scalar)
                    }
                default: scalars.append(UnicodeScalar(escape))
                }
            } else {
                raw.append(byte)
                advance()
            }
        }
        flush(&raw, into: &scalars)
        if peek() == UInt8(ascii: "\"") { advance() }
        return String(scalars)
    }

    mutating func scanLiteralString() -> String {
        advance()
        let start = position
        while let byte = peek(), byte != UInt8(ascii: "'"), byte != UInt8(ascii: "\n") { advance() }
        let text = String(decoding: bytes[start..<position], as: UTF8.self)
        if peek() == UInt8(ascii: "'") { advance() }
        return text
    }

    mutating func skipMultilineString(quote: UInt8) {
        advance()
        advance()
        advance()
        while let byte = peek() {
            if quote == UInt8(ascii: "\""), byte == UInt8(ascii: "\\") {
                advance()
                if !atEnd { advance() }
                continue
            }
            if byte == quote, peek(1) == quote, peek(2) == quote {
                advance()
                advance()
                advance()
                // Up to two more quotes belong to the content: """a""""
                var extra = 0
                while extra < 2, peek() == quote {
                    advance()
                    extra += 1
                }
                return
            }
            advance()
        }
    }
}
