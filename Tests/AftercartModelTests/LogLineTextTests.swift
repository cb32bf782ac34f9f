import AftercartModel
import Testing

/// Outside text in a text log line: control characters escaped, the rest kept.
@Suite struct LogLineTextTests {
    @Test func controlCharactersAreEscapedAndNothingElseChanges() {
        #expect(LogLineText.escaped("田中 海斗") == "田中 海斗")
        #expect(LogLineText.escaped("Hana\r\n2026-12-07 error forged line") == "Hana\\r\\n2026-12-07 error forged line")
        #expect(LogLineText.escaped("a\tb\u{1B}[2Jc\u{7F}\u{85}\u{2028}") == "a\\tb\\u{1B}[2Jc\\u{7F}\\u{85}\\u{2028}")
        // A backslash is doubled only when escapes are written, so a clean value reads exactly as given.
        #expect(LogLineText.escaped("C:\\shop") == "C:\\shop")
        #expect(LogLineText.escaped("C:\\shop\n") == "C:\\\\shop\\n")
        #expect(!LogLineText.escaped("x\ny\rz\u{0}").contains { $0.isNewline || $0 == "\u{0}" })
    }
}
