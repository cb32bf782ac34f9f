import Foundation

/// RFC 2047 encoded-words and RFC 5322 phrases for header values.
enum HeaderEncoding {
    /// An RFC 2047 encoded-word is at most 75 characters.
    static let maximumWordLength = 75
    /// `=?UTF-8?B?` + `?=`.
    private static let wordOverhead = 12

    /// `text` as an unstructured header value (a Subject): plain when it is
    /// short printable ASCII, otherwise UTF-8 `B` encoded-words of at most
    /// 75 characters each, folded with CRLF SP. `used` is how many characters
    /// the header's name already takes on the first line.
    static func unstructured(_ text: String, used: Int) -> String {
        let clean = MailAddress.removingControlCharacters(text)
        if clean.unicodeScalars.allSatisfy({ $0.isASCII }), used + clean.utf8.count <= 76,
            !clean.contains("=?")
        {
            return clean
        }
        return encodedWords(clean, used: used)
    }

    /// A display name as an RFC 5322 phrase: atoms as they are, other ASCII
    /// as a quoted-string, anything else as encoded-words.
    static func phrase(_ name: String, used: Int) -> String {
        let clean = MailAddress.removingControlCharacters(name)
        guard clean.unicodeScalars.allSatisfy({ $0.isASCII }), !clean.contains("=?") else {
            return encodedWords(clean, used: used)
        }
        let atext = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "!#$%&'*+-/=?^_`{|}~ "))
        if clean.unicodeScalars.allSatisfy({ atext.contains($0) }) { return clean }
        let escaped = clean.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        return "\"\(escaped)\""
    }

    /// Splits `text` on Unicode scalar boundaries into `B` encoded-words,
    /// each within 75 characters and the first fitting after `used`.
    static func encodedWords(_ text: String, used: Int) -> String {
        var words: [String] = []
        var chunk: [UInt8] = []
        var limit = bytesFitting(maximumWordLength - max(0, used - 1))
        for scalar in text.unicodeScalars {
            let bytes = Array(String(scalar).utf8)
            if chunk.count + bytes.count > limit, !chunk.isEmpty {
                words.append(word(chunk))
                chunk = []
                limit = bytesFitting(maximumWordLength)
            }
            chunk += bytes
        }
        if !chunk.isEmpty || words.isEmpty { words.append(word(chunk)) }
        return words.joined(separator: "\r\n ")
    }

    private static func word(_ bytes: [UInt8]) -> String {
        "=?UTF-8?B?" + Data(bytes).base64EncodedString() + "?="
    }

    /// How many bytes encode to a word of at most `length` characters.
    private static func bytesFitting(_ length: Int) -> Int {
        max(3, (length - wordOverhead) / 4 * 3)
    }
}
