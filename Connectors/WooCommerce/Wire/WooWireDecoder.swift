import AftercartModel
import Foundation

/// Decodes WooCommerce bodies into the wire structs and turns every
/// `DecodingError` into a ``WooCommerceDecodingError`` that names the
/// resource and field (`orders[3].line_items: expected an array`).
enum WooWireDecoder {
    /// A list endpoint's body: a JSON array of records.
    static func decodePage<Wire: Decodable>(
        _ type: Wire.Type, from body: Data, resource: ResourceKind
    ) throws(WooCommerceDecodingError) -> [Wire] {
        try decode([Wire].self, from: body, root: WooFieldPath(resource: resource))
    }

    /// A single record: a `GET …/{id}` body or a webhook delivery.
    /// `rootName` names the body in errors when it is not a record of
    /// `resource` (the WordPress index, a setting).
    static func decodeRecord<Wire: Decodable>(
        _ type: Wire.Type, from body: Data, resource: ResourceKind, rootName: String? = nil
    ) throws(WooCommerceDecodingError) -> Wire {
        let root = rootName.map { WooFieldPath(resource: resource, text: $0) } ?? WooFieldPath(resource: resource)
        return try decode(Wire.self, from: body, root: root)
    }

    private static func decode<Value: Decodable>(
        _ type: Value.Type, from body: Data, root: WooFieldPath
    ) throws(WooCommerceDecodingError) -> Value {
        do {
            return try JSONDecoder().decode(Value.self, from: body)
        } catch let error as DecodingError {
            throw translate(error, root: root)
        } catch {
            throw root.error("unreadable body")
        }
    }

    static func translate(_ error: DecodingError, root: WooFieldPath) -> WooCommerceDecodingError {
        switch error {
        case .typeMismatch(let type, let context):
            return path(context.codingPath, root).error("expected \(typeName(type))")
        case .valueNotFound(let type, let context):
            return path(context.codingPath, root).error("expected \(typeName(type)), found null")
        case .keyNotFound(let key, let context):
            return path(context.codingPath + [key], root).error("missing")
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty { return root.error("not valid JSON") }
            return path(context.codingPath, root).error(shorten(context.debugDescription))
        @unknown default:
            return root.error("unreadable body")
        }
    }

    private static func path(_ keys: [any CodingKey], _ root: WooFieldPath) -> WooFieldPath {
        keys.reduce(root) { path, key in
            key.intValue.map(path.index) ?? path.key(key.stringValue)
        }
    }

    private static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Bool.Type: "true or false"
        case is Int.Type: "an integer"
        case is Decimal.Type, is Double.Type: "a number"
        case is [Any].Type: "an array"
        case is [String: Any].Type: "an object"
        default:
            // Arrays of wire structs and the structs themselves.
            String(describing: type).hasPrefix("Array<") ? "an array" : "an object"
        }
    }

    private static func shorten(_ text: String) -> String {
        text.count <= 120 ? text : String(text.prefix(117)) + "..."
    }
}
