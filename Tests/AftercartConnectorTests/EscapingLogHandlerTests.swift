import AftercartConnector
import Logging
import NIOConcurrencyHelpers
import Testing

/// Text logs escape what comes from outside: the message, the event's
/// metadata and the logger's own metadata reach the writing handler with
/// control characters escaped (issue 21, item 5).
@Suite struct EscapingLogHandlerTests {
    /// Keeps what it is asked to write.
    struct Recorder: LogHandler {
        let lines: NIOLockedValueBox<[String]>
        var logLevel: Logger.Level = .trace
        var metadata: Logger.Metadata = [:]

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            let all = metadata.merging(event.metadata ?? [:]) { _, new in new }
            let fields = all.keys.sorted().map { "\($0)=\(all[$0]!)" }.joined(separator: " ")
            lines.withLockedValue { $0.append("\(event.message) \(fields)") }
        }
    }

    @Test func aNameWithALineBreakStaysOnOneLine() {
        let lines = NIOLockedValueBox<[String]>([])
        var logger = Logger(label: "test") { _ in EscapingLogHandler(inner: Recorder(lines: lines)) }
        logger[metadataKey: "store"] = "tokyo\nwoo"
        logger.info(
            "sent to Hana\r\nfake line",
            metadata: ["customer": "田中\r\n2026-12-07 critical forged", "tags": ["a\tb"], "nested": ["k": "\u{1B}[2J"]])
        let line = lines.withLockedValue { $0 }.joined()
        #expect(!line.contains("\n") && !line.contains("\r") && !line.contains("\u{1B}"), "\(line)")
        #expect(line.contains("sent to Hana\\r\\nfake line"))
        #expect(line.contains("customer=田中\\r\\n2026-12-07 critical forged"))
        #expect(line.contains("store=tokyo\\nwoo"))
        #expect(!line.contains("\t") && line.contains("u{1B}[2J"))
    }
}
