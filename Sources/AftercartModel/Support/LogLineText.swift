/// Text from outside (a customer's name, a store's error message) made safe
/// for one line of a text log: control characters are written as escapes
/// (`\n`, `\r`, `\t`, `\u{1B}` …) and a backslash as `\\`, so a value can
/// neither start a forged log line nor move the terminal's cursor, and the
/// original stays readable.
public enum LogLineText {
    /// `text` with every control character (C0, DEL, C1, and the Unicode
    /// line and paragraph separators) escaped; unchanged when it has none.
    public static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { needsEscape($0) }) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if isControl(scalar) {
                    result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }

    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\\" ? false : isControl(scalar)
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0x2028
            || scalar.value == 0x2029
    }
}
