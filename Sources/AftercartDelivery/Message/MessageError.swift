/// Why a message could not be built from an outbox row; never retried,
/// because the same row would fail the same way.
public enum MessageError: Error, Sendable, Hashable, CustomStringConvertible {
    /// An address that is not one plain `local@domain`.
    case invalidAddress(String, reason: String)
    /// A required setting or value is missing.
    case missing(String)

    public var description: String {
        switch self {
        case .invalidAddress(let address, let reason):
            "'\(address.prefix(80))' is not a usable email address: \(reason)"
        case .missing(let what): what
        }
    }
}
