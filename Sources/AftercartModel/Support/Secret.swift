/// A credential or other sensitive string that never prints its value.
///
/// `description`, `debugDescription`, string interpolation, `dump` and
/// `Mirror` all show `<redacted>`; the only way to read the value is
/// ``revealed()``, which makes every use easy to find in review.
public struct Secret: Sendable, Hashable {
    private let value: String

    /// Wraps a sensitive value.
    public init(_ value: String) {
        self.value = value
    }

    /// The wrapped value. Call it only where the value leaves the process
    /// for the party that issued it (an `Authorization` header, a signature).
    public func revealed() -> String {
        value
    }

    /// Whether the wrapped value is empty; safe to log.
    public var isEmpty: Bool { value.isEmpty }
}

extension Secret: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var description: String { "<redacted>" }
    public var debugDescription: String { "<redacted>" }
    public var customMirror: Mirror { Mirror(self, children: [:]) }
}

extension Secret: Encodable {
    /// Encodes as `"<redacted>"`: a secret that ends up in a JSON dump stays secret.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode("<redacted>")
    }
}
