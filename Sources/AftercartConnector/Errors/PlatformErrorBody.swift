public import Foundation

/// The code and message a store put in an error body.
public struct PlatformErrorBody: Sendable, Hashable {
    /// A machine-readable code (`rest_no_route`), when the platform has one.
    public var code: String?
    /// The human-readable message.
    public var message: String?

    public init(code: String?, message: String?) {
        self.code = code
        self.message = message
    }

    /// Reads the error shapes both supported platforms use:
    /// `{"code": "...", "message": "..."}` (WordPress/WooCommerce) and
    /// `{"errors": "..."}` or `{"errors": {"field": ["msg"]}}` (Shopify REST).
    /// Adapters with other shapes configure their own parser
    /// (``TransportConfiguration/errorBodyParser``).
    public static func parseCommonShapes(_ body: Data) -> PlatformErrorBody? {
        guard !body.isEmpty, body.count <= 64 * 1024,
            let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any]
        else { return nil }
        let code = object["code"] as? String
        var message = object["message"] as? String
        if message == nil, let errors = object["errors"] {
            message = flatten(errors)
        }
        if message == nil, let error = object["error"] {
            message = flatten(error)
        }
        guard code != nil || message != nil else { return nil }
        return PlatformErrorBody(code: code, message: message)
    }

    private static func flatten(_ value: Any) -> String? {
        switch value {
        case let text as String:
            return text
        case let list as [Any]:
            let parts = list.compactMap(flatten)
            return parts.isEmpty ? nil : parts.joined(separator: "; ")
        case let map as [String: Any]:
            let parts = map.keys.sorted().compactMap { key in flatten(map[key]!).map { "\(key) \($0)" } }
            return parts.isEmpty ? nil : parts.joined(separator: "; ")
        default:
            return nil
        }
    }
}
