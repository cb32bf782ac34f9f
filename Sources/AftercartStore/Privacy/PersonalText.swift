import Foundation

/// Replaces a forgotten customer's address and names in free text (rendered
/// emails, error texts) and in the string values of JSON payloads.
///
/// Matching ignores case. Names shorter than two characters are left
/// alone: replacing every single letter would garble the text and hide
/// nobody. Only the customer's own rows are passed through here, so a
/// name that is also a common word costs at most some wording in them.
struct PersonalText: Sendable {
    /// What to look for and what replaces it, longest first.
    private(set) var replacements: [(needle: String, replacement: String)]
    private let address: String
    /// The address that stands in for the customer's.
    let pseudonym: String

    /// - Parameters:
    ///   - address: the customer's address, replaced by `pseudonym`.
    ///   - fullNames: names written whole ("Ann Lee"), replaced by the placeholder full name.
    ///   - firstNames/lastNames: name parts, replaced by the placeholder's parts.
    init(address: String, pseudonym: String, fullNames: Set<String>, firstNames: Set<String>, lastNames: Set<String>) {
        self.address = address.lowercased()
        self.pseudonym = pseudonym
        // The address goes first: a name inside it ("ann@…") would otherwise
        // be replaced and leave the rest of the address behind.
        var pairs: [(needle: String, replacement: String)] = []
        pairs += fullNames.map { (needle: $0, replacement: PersonalDataRedaction.fullName) }
        pairs += firstNames.map { (needle: $0, replacement: PersonalDataRedaction.firstName) }
        pairs += lastNames.map { (needle: $0, replacement: PersonalDataRedaction.lastName) }
        let placeholders = Set(
            [PersonalDataRedaction.firstName, PersonalDataRedaction.lastName, PersonalDataRedaction.fullName].map {
                $0.lowercased()
            })
        replacements =
            pairs
            .map { (needle: $0.needle.trimmingCharacters(in: .whitespacesAndNewlines), replacement: $0.replacement) }
            .filter { $0.needle.count >= 2 && !placeholders.contains($0.needle.lowercased()) }
            .sorted { ($0.needle.count, $0.needle) > ($1.needle.count, $1.needle) }
        replacements.insert((needle: address, replacement: pseudonym), at: 0)
    }

    /// Whether `text` holds the customer's address.
    func mentionsAddress(_ text: String) -> Bool {
        text.range(of: address, options: .caseInsensitive) != nil
    }

    /// `text` with the address replaced and names left alone (for keys and ids).
    func scrubAddress(_ text: String) -> String {
        text.replacingOccurrences(of: address, with: pseudonym, options: .caseInsensitive)
    }

    /// `text` with every address and name replaced.
    func scrub(_ text: String) -> String {
        var result = text
        for pair in replacements where result.range(of: pair.needle, options: .caseInsensitive) != nil {
            result = result.replacingOccurrences(of: pair.needle, with: pair.replacement, options: .caseInsensitive)
        }
        return result
    }

    /// `json` with every string value scrubbed; keys, numbers and layout
    /// stay byte for byte, so a field name that happens to equal a name is
    /// never touched and the document still decodes.
    func scrubJSON(_ json: String) -> String {
        var output = ""
        var index = json.startIndex
        while let quote = json[index...].firstIndex(of: "\"") {
            output += json[index..<quote]
            var cursor = json.index(after: quote)
            var escaped = false
            while cursor < json.endIndex {
                let character = json[cursor]
                if escaped {
                    escaped = false
                } else if character == "\\" {
                    escaped = true
                } else if character == "\"" {
                    break
                }
                cursor = json.index(after: cursor)
            }
            guard cursor < json.endIndex else {
                output += scrub(String(json[quote...]))
                return output
            }
            let end = json.index(after: cursor)
            let token = String(json[quote..<end])
            let isKey = json[end...].first { !$0.isWhitespace } == ":"
            output += isKey ? token : scrubbedToken(token)
            index = end
        }
        output += json[index...]
        return output
    }

    /// One JSON string token (quotes included) with its text scrubbed.
    private func scrubbedToken(_ token: String) -> String {
        guard let value = try? JSONDecoder().decode(String.self, from: Data(token.utf8)) else {
            return scrub(token)
        }
        let scrubbed = scrub(value)
        guard scrubbed != value else { return token }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return (try? encoder.encode(scrubbed)).map { String(decoding: $0, as: UTF8.self) } ?? scrub(token)
    }
}
