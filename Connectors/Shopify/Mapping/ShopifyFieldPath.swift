/// Where a value sits in a Shopify body, as a user reads it:
/// `orders[3].line_items[0].price`. Errors carry it as their field.
struct ShopifyFieldPath: Sendable, Hashable, CustomStringConvertible {
    let text: String

    init(_ text: String) { self.text = text }

    func key(_ name: String) -> ShopifyFieldPath { ShopifyFieldPath(text.isEmpty ? name : text + "." + name) }

    func index(_ index: Int) -> ShopifyFieldPath { ShopifyFieldPath(text + "[\(index)]") }

    var description: String { text }
}
