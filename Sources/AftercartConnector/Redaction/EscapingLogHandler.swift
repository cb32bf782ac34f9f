import AftercartModel
public import Logging

/// A text log's guard: every message and metadata value is passed through
/// ``LogLineText/escaped(_:)`` before swift-log's stream handler writes it,
/// so a customer name with a CR/LF cannot forge a second log line. (The JSON
/// format escapes by being JSON.)
public struct EscapingLogHandler: LogHandler {
    /// The handler that writes the escaped events.
    public var inner: any LogHandler

    public init(inner: any LogHandler) {
        self.inner = inner
    }

    public var logLevel: Logger.Level {
        get { inner.logLevel }
        set { inner.logLevel = newValue }
    }

    // The logger's own metadata (`logger[metadataKey:]`) is escaped as it is set.
    public var metadata: Logger.Metadata {
        get { inner.metadata }
        set { inner.metadata = Self.escaped(newValue) }
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { inner[metadataKey: key] }
        set { inner[metadataKey: key] = newValue.map(Self.escaped) }
    }

    public func log(event: LogEvent) {
        var event = event
        event.message = Logger.Message(stringLiteral: LogLineText.escaped(event.message.description))
        event.metadata = event.metadata.map { Self.escaped($0) }
        inner.log(event: event)
    }

    static func escaped(_ metadata: Logger.Metadata) -> Logger.Metadata {
        metadata.mapValues(escaped)
    }

    static func escaped(_ value: Logger.Metadata.Value) -> Logger.Metadata.Value {
        switch value {
        case .string(let text): .string(LogLineText.escaped(text))
        case .stringConvertible(let convertible): .string(LogLineText.escaped(convertible.description))
        case .array(let values): .array(values.map(escaped))
        case .dictionary(let values): .dictionary(escaped(values))
        }
    }
}
