import Foundation

/// Finds the template variables that carry a link to a review form, in a
/// template's Mustache source: what a message does, whatever its words say.
///
/// `review_url` (inside `{{#review_products}}`) is the only such variable
/// the render context has (``MessageContext``); `review.product_url` of a
/// `review_posted` message points at the product, not at a form.
enum ReviewLinkScan {
    /// The variables that link to a review form.
    static let variables: Set<String> = ["review_url"]

    /// Whether a tag of `source` names one of ``variables``, as a value
    /// (`{{review_url}}`, `{{{review_url}}}`, `{{& review_url}}`), a section
    /// or a dotted path (`{{review_products.0.review_url}}`); comments and
    /// partials do not count.
    static func usesReviewLink(_ source: String) -> Bool {
        var rest = source[...]
        while let open = rest.range(of: "{{") {
            guard let close = rest.range(of: "}}", range: open.upperBound..<rest.endIndex) else { return false }
            if names(rest[open.upperBound..<close.lowerBound]) { return true }
            rest = rest[close.upperBound...]
        }
        return false
    }

    private static func names(_ tag: Substring) -> Bool {
        var name = tag.drop { $0 == "{" || $0 == " " }
        guard let sigil = name.first else { return false }
        if "!>=".contains(sigil) { return false }
        if "&#^/".contains(sigil) { name = name.dropFirst() }
        let path = name.trimmingCharacters(in: .whitespaces).split(separator: ".").map(String.init)
        return path.contains { variables.contains($0) }
    }
}
