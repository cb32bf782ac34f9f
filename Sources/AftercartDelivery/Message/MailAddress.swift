/// An email address with an optional display name, checked so that nothing
/// a customer typed can add a header or a recipient.
public struct MailAddress: Sendable, Hashable, CustomStringConvertible {
    /// `local@domain`, as given (checked by ``init(address:name:)``).
    public let address: String
    /// The display name with control characters (CR, LF, …) replaced by spaces.
    public let name: String?

    /// Checks `address` and cleans `name`.
    ///
    /// - Throws: ``MessageError/invalidAddress(_:reason:)`` when the address is
    ///   not one plain `local@domain` (no spaces, brackets, commas or control
    ///   characters: each would let a value smuggle in another recipient).
    public init(address: String, name: String? = nil) throws(MessageError) {
        let trimmed = address.trimmingSpaces
        guard let at = trimmed.lastIndex(of: "@"), at != trimmed.startIndex,
            trimmed.index(after: at) != trimmed.endIndex
        else {
            throw .invalidAddress(address, reason: "it is not local@domain")
        }
        let forbidden: Set<Character> = ["<", ">", "(", ")", ",", ";", ":", "\\", "\"", "[", "]", " "]
        if let bad = trimmed.unicodeScalars.first(where: { $0.value < 0x21 || $0.value == 0x7F || $0.value > 0x7E }) {
            throw .invalidAddress(address, reason: "it contains the character U+\(String(bad.value, radix: 16))")
        }
        if let bad = trimmed.first(where: { forbidden.contains($0) }) {
            throw .invalidAddress(address, reason: "it contains '\(bad)'")
        }
        if trimmed[..<at].contains("@") {
            throw .invalidAddress(address, reason: "it contains more than one '@'")
        }
        self.address = trimmed
        let cleaned = name.map(MailAddress.removingControlCharacters)?.trimmingSpaces
        self.name = cleaned?.isEmpty == false ? cleaned : nil
    }

    /// Parses `Shop <hi@shop.example>` or `hi@shop.example` (the config's `from`).
    public init(parsing text: String) throws(MessageError) {
        let trimmed = text.trimmingSpaces
        if let open = trimmed.lastIndex(of: "<"), trimmed.hasSuffix(">") {
            var name = trimmed[..<open].trimmingSpaces
            if name.hasPrefix("\""), name.hasSuffix("\""), name.count >= 2 {
                name = String(name.dropFirst().dropLast())
            }
            let address = String(trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)])
            try self.init(address: address, name: name)
        } else {
            try self.init(address: trimmed)
        }
    }

    /// `Name <address>` as a person reads it (not header-encoded).
    public var description: String { name.map { "\($0) <\(address)>" } ?? address }

    /// The domain part, for Message-IDs.
    var domain: String { String(address[address.index(after: address.lastIndex(of: "@")!)...]) }

    static func removingControlCharacters(_ text: String) -> String {
        String(
            String.UnicodeScalarView(
                text.unicodeScalars.map { scalar in
                    scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar == "\u{2028}"
                        || scalar == "\u{2029}" ? " " : scalar
                }))
    }
}

extension StringProtocol {
    var trimmingSpaces: String {
        var text = Substring(self)
        while let first = text.first, first == " " || first == "\t" { text = text.dropFirst() }
        while let last = text.last, last == " " || last == "\t" { text = text.dropLast() }
        return String(text)
    }
}
