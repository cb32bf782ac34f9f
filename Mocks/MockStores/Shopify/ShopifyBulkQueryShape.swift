import Foundation

/// What the emulator needs to know about the query handed to `bulkOperationRunQuery`: the
/// top-level connection, its `query:` filter, the nested connections, and the aliased
/// `metafield(namespace:, key:)` selections; or why Shopify would refuse it.
///
/// Not a GraphQL parser: it tokenizes names, aliases, argument lists and braces, which is
/// all the bulk shape rules (at least one connection, at most five, nesting at most two
/// levels) look at. A connection is a field whose selection holds `edges { node }` or `nodes`.
struct ShopifyBulkQueryShape: Equatable {
    /// An aliased `metafield(namespace:, key:)` on the root objects.
    struct Metafield: Equatable {
        var alias: String
        var namespace: String
        var key: String
    }

    /// `orders` or `customers`.
    var root: String
    /// The root connection's `query:` argument (`updated_at:>='2026-01-01T00:00:00Z'`).
    var filter: String?
    /// Connections under the root objects (`lineItems`).
    var nested: [String]
    var metafields: [Metafield]

    /// The field tree of a document: name, arguments as raw text, children.
    private struct Field {
        var alias: String?
        var name: String
        var arguments: [String: String] = [:]
        var children: [Field] = []

        var isConnection: Bool {
            children.contains { $0.name == "nodes" } || children.contains { $0.name == "edges" }
        }

        /// The fields of the objects a connection holds.
        var nodeFields: [Field] {
            if let nodes = children.first(where: { $0.name == "nodes" }) { return nodes.children }
            return children.first { $0.name == "edges" }?.children.first { $0.name == "node" }?.children ?? []
        }
    }

    /// The shape of `text`, or the message of the `userErrors` entry Shopify answers with.
    static func parse(_ text: String) -> Result<ShopifyBulkQueryShape, ShopifyBulkShapeError> {
        var scanner = DocumentScanner(bytes: Array(text.utf8))
        guard let document = scanner.document() else {
            return .failure(ShopifyBulkShapeError("Invalid bulk query: the query is not a valid GraphQL document"))
        }
        let connections = document.flatMap { Self.connections(in: $0, depth: 1) }
        guard !connections.isEmpty else {
            return .failure(ShopifyBulkShapeError("Bulk queries must contain at least 1 connection."))
        }
        guard connections.count <= 5 else {
            return .failure(
                ShopifyBulkShapeError(
                    "Bulk queries cannot contain more than 5 connections. Your query contains \(connections.count)."))
        }
        if let deepest = connections.map(\.depth).max(), deepest > 2 {
            return .failure(
                ShopifyBulkShapeError("Bulk queries cannot contain connections with a nesting depth greater than 2."))
        }
        guard document.count == 1, let root = document.first, root.isConnection,
            ["orders", "customers"].contains(root.name)
        else {
            return .failure(
                ShopifyBulkShapeError(
                    "This emulator runs bulk queries over one top-level orders or customers connection"))
        }
        let fields = root.nodeFields
        let nested = fields.filter(\.isConnection).map(\.name)
        let metafields = fields.filter { $0.name == "metafield" }.compactMap { field -> Metafield? in
            guard let namespace = field.arguments["namespace"], let key = field.arguments["key"] else { return nil }
            return Metafield(alias: field.alias ?? "metafield", namespace: namespace, key: key)
        }
        return .success(
            ShopifyBulkQueryShape(
                root: root.name, filter: root.arguments["query"], nested: nested, metafields: metafields))
    }

    private static func connections(in field: Field, depth: Int) -> [(name: String, depth: Int)] {
        if field.isConnection {
            return [(field.name, depth)] + field.nodeFields.flatMap { connections(in: $0, depth: depth + 1) }
        }
        return field.children.flatMap { connections(in: $0, depth: depth) }
    }

    /// The lower bound of an `updated_at:>='…'` (or `>`) filter, as epoch seconds.
    var updatedAtMin: Int64? {
        guard let filter, let range = filter.range(of: "updated_at:>") else { return nil }
        var rest = filter[range.upperBound...]
        if rest.hasPrefix("=") { rest = rest.dropFirst() }
        let quoted = rest.trimmingCharacters(in: CharacterSet(charactersIn: "'\" "))
        let stamp = quoted.prefix { $0 != "'" && $0 != "\"" && $0 != " " }
        return ISO8601DateFormatter().date(from: String(stamp)).map { Int64($0.timeIntervalSince1970) }
    }

    /// A tokenizer over the document's bytes.
    private struct DocumentScanner {
        let bytes: [UInt8]
        var i = 0

        mutating func document() -> [Field]? {
            skipSpace()
            // `query Name($x: T) {` or `{`.
            if peekName() == "query" {
                _ = name()
                skipSpace()
                if let b = peek(), Self.isNameStart(b) { _ = name() }
                skipSpace()
                if peek() == UInt8(ascii: "(") { _ = argumentText() }
            }
            skipSpace()
            return selection()
        }

        mutating func selection() -> [Field]? {
            guard peek() == UInt8(ascii: "{") else { return nil }
            i += 1
            var fields: [Field] = []
            while true {
                skipSpace()
                guard let b = peek() else { return nil }
                if b == UInt8(ascii: "}") {
                    i += 1
                    return fields
                }
                if b == UInt8(ascii: ".") {
                    // `... on Type { }`: its fields belong to the enclosing object.
                    while peek() == UInt8(ascii: ".") { i += 1 }
                    skipSpace()
                    _ = name()
                    skipSpace()
                    _ = name()
                    skipSpace()
                    guard let inner = selection() else { return nil }
                    fields += inner
                    continue
                }
                guard var field = self.field() else { return nil }
                skipSpace()
                if peek() == UInt8(ascii: "{") {
                    guard let children = selection() else { return nil }
                    field.children = children
                }
                fields.append(field)
            }
        }

        mutating func field() -> Field? {
            guard let first = name(), !first.isEmpty else { return nil }
            skipSpace()
            var field = Field(name: first)
            if peek() == UInt8(ascii: ":") {
                i += 1
                skipSpace()
                guard let real = name(), !real.isEmpty else { return nil }
                field = Field(alias: first, name: real)
                skipSpace()
            }
            if peek() == UInt8(ascii: "(") {
                guard let text = argumentText() else { return nil }
                field.arguments = Self.arguments(text)
            }
            return field
        }

        /// The text between balanced parentheses, strings kept whole.
        mutating func argumentText() -> String? {
            let start = i + 1
            var depth = 0
            while let b = peek() {
                if b == UInt8(ascii: "\"") {
                    skipString()
                    continue
                }
                if b == UInt8(ascii: "(") { depth += 1 }
                if b == UInt8(ascii: ")") {
                    depth -= 1
                    if depth == 0 {
                        i += 1
                        return String(decoding: bytes[start..<(i - 1)], as: UTF8.self)
                    }
                }
                i += 1
            }
            return nil
        }

        /// `name: "text"` pairs; other values are kept as their literal text.
        static func arguments(_ text: String) -> [String: String] {
            var result: [String: String] = [:]
            var inner = DocumentScanner(bytes: Array(text.utf8))
            while true {
                inner.skipSpace()
                guard let key = inner.name(), !key.isEmpty else { break }
                inner.skipSpace()
                guard inner.peek() == UInt8(ascii: ":") else { break }
                inner.i += 1
                inner.skipSpace()
                if inner.peek() == UInt8(ascii: "\"") {
                    let start = inner.i + 1
                    inner.skipString()
                    let raw = String(decoding: inner.bytes[start..<max(start, inner.i - 1)], as: UTF8.self)
                    result[key] = raw.replacingOccurrences(of: "\\\"", with: "\"")
                } else {
                    let start = inner.i
                    while let b = inner.peek(), b != UInt8(ascii: ","), !Self.isSpace(b) { inner.i += 1 }
                    result[key] = String(decoding: inner.bytes[start..<inner.i], as: UTF8.self)
                }
            }
            return result
        }

        mutating func skipString() {
            i += 1
            while let b = peek() {
                i += 1
                if b == UInt8(ascii: "\\") {
                    i += 1
                } else if b == UInt8(ascii: "\"") {
                    return
                }
            }
        }

        mutating func name() -> String? {
            let start = i
            while let b = peek(), Self.isNameStart(b) || (48...57).contains(b) { i += 1 }
            return String(decoding: bytes[start..<i], as: UTF8.self)
        }

        func peekName() -> String {
            var copy = self
            return copy.name() ?? ""
        }

        func peek() -> UInt8? { i < bytes.count ? bytes[i] : nil }

        mutating func skipSpace() {
            while let b = peek() {
                if b == UInt8(ascii: "#") {
                    while let c = peek(), c != 10 { i += 1 }
                } else if Self.isSpace(b) {
                    i += 1
                } else {
                    return
                }
            }
        }

        static func isSpace(_ b: UInt8) -> Bool { b == 32 || b == 9 || b == 10 || b == 13 || b == UInt8(ascii: ",") }
        static func isNameStart(_ b: UInt8) -> Bool {
            (65...90).contains(b) || (97...122).contains(b) || b == UInt8(ascii: "_")
        }
    }
}

/// Why a bulk query is refused (`userErrors[].message`, code `INVALID`).
struct ShopifyBulkShapeError: Error, Equatable {
    let message: String
    init(_ message: String) { self.message = message }
}
