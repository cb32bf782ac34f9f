public import Foundation

/// A store's answer that the transport will not return as a success: an
/// error status, or a 2xx that is not the JSON asked for. Adapters read it
/// to name the cause in the platform's words
/// (``TransportConfiguration/diagnoseRefusal``).
public struct RefusedAnswer: Sendable {
    /// The HTTP status.
    public var status: Int
    /// Every response header.
    public var headers: HeaderFields
    /// The complete body.
    public var body: Data
    /// The platform's code and message, when the body had a known error shape.
    public var platformError: PlatformErrorBody?

    public init(status: Int, headers: HeaderFields, body: Data, platformError: PlatformErrorBody?) {
        self.status = status
        self.headers = headers
        self.body = body
        self.platformError = platformError
    }

    /// The `Content-Type` header, when sent.
    public var contentType: String? { headers["Content-Type"] }

    /// Whether the body is an HTML page: by its content type, or by how it
    /// starts when the type is missing or wrong.
    public var isHTML: Bool {
        if let type = contentType?.lowercased(), type.contains("text/html") || type.contains("xhtml") { return true }
        let start = String(decoding: body.prefix(64), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        return start.hasPrefix("<!doctype html") || start.hasPrefix("<html")
    }

    /// The text of the page's `<title>`, when the body is HTML and has one.
    public var htmlTitle: String? {
        guard isHTML else { return nil }
        let text = String(decoding: body.prefix(16 * 1024), as: UTF8.self)
        guard let open = text.range(of: "<title", options: .caseInsensitive),
            let close = text.range(of: ">", range: open.upperBound..<text.endIndex),
            let end = text.range(of: "</title>", options: .caseInsensitive, range: close.upperBound..<text.endIndex)
        else { return nil }
        return text[close.upperBound..<end.lowerBound].trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Whether the body contains `phrase` (case-insensitive), within its first 64 KiB.
    public func bodyContains(_ phrase: String) -> Bool {
        String(decoding: body.prefix(64 * 1024), as: UTF8.self).range(of: phrase, options: .caseInsensitive) != nil
    }
}
