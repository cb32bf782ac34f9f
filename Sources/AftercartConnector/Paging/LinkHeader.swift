import Foundation

/// Reads RFC 8288 (formerly 5988) `Link` headers:
/// `<https://…?page_info=abc&limit=50>; rel="next", <…>; rel="previous"`.
public enum LinkHeader {
    /// Target URL by relation, from one or more `Link` header values. URLs
    /// are returned exactly as written: they are opaque (Shopify
    /// `page_info`, WordPress's injected defaults). The first link of a
    /// relation wins; a link with `rel="next last"` counts for both.
    public static func parse(_ values: [String]) -> [String: String] {
        var links: [String: String] = [:]
        for value in values {
            for (target, relations) in entries(value) {
                for relation in relations where links[relation] == nil { links[relation] = target }
            }
        }
        return links
    }

    /// `(target, relations)` per link, in order.
    static func entries(_ value: String) -> [(String, [String])] {
        var result: [(String, [String])] = []
        var rest = Substring(value)
        while let open = rest.firstIndex(of: "<") {
            guard let close = rest[open...].firstIndex(of: ">") else { break }
            let target = String(rest[rest.index(after: open)..<close])
            rest = rest[rest.index(after: close)...]
            // Parameters run to the next comma outside quotes.
            var inQuotes = false
            var end = rest.endIndex
            for index in rest.indices {
                let character = rest[index]
                if character == "\"" { inQuotes.toggle() }
                if character == ",", !inQuotes {
                    end = index
                    break
                }
            }
            let parameters = rest[..<end]
            rest = end < rest.endIndex ? rest[rest.index(after: end)...] : rest[end...]
            var relations: [String] = []
            for parameter in parameters.split(separator: ";") {
                let pair = parameter.split(separator: "=", maxSplits: 1)
                guard pair.count == 2,
                    pair[0].trimmingCharacters(in: .whitespaces).lowercased() == "rel"
                else { continue }
                let raw = pair[1].trimmingCharacters(in: .whitespaces)
                let unquoted =
                    raw.hasPrefix("\"") && raw.hasSuffix("\"") && raw.count >= 2
                    ? raw.dropFirst().dropLast() : Substring(raw)
                relations += unquoted.split(separator: " ").map { $0.lowercased() }
            }
            result.append((target, relations))
        }
        return result
    }
}
