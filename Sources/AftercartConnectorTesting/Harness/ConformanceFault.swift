/// A failure the emulator injects into one response.
public enum ConformanceFault: Sendable, Hashable, CustomStringConvertible {
    /// Answers with this HTTP status before processing the request (no data changes).
    case status(Int)
    /// Answers 200 with a body no JSON parser accepts.
    case malformedJSON
    /// Answers 200 with valid JSON in which a field the adapter reads has
    /// the wrong type (a string where a number belongs, an object for a list).
    case wrongTypes
    /// Declares the full `Content-Length`, sends part of the body, closes.
    case truncatedBody

    public var description: String {
        switch self {
        case .status(let code): "HTTP \(code)"
        case .malformedJSON: "malformed JSON"
        case .wrongTypes: "wrongly typed fields"
        case .truncatedBody: "truncated body"
        }
    }
}
