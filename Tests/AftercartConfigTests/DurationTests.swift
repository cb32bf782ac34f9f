import Testing

@testable import AftercartConfig

@Suite struct DurationTests {
    @Test(arguments: [
        ("30s", 30), ("15m", 900), ("1h", 3600), ("7d", 604_800), ("2w", 1_209_600), ("1h30m", 5400),
        ("1d12h", 129_600), ("0s", 0),
    ])
    func parses(text: String, seconds: Int) {
        #expect(ConfigDuration(text)?.seconds == seconds)
    }

    @Test(arguments: ["", "15", "m", "15 m", "15M", "1.5h", "-5m", "30m1h", "1h1h", "forever", "1y", "h1"])
    func rejectsGarbage(text: String) {
        #expect(ConfigDuration(text) == nil)
    }

    @Test func printsCanonically() {
        #expect(ConfigDuration(seconds: 5400).description == "1h30m")
        #expect(ConfigDuration(seconds: 0).description == "0s")
        #expect(ConfigDuration("90m")?.description == "1h30m")
    }

    @Test func rejectsOverflow() {
        #expect(ConfigDuration("99999999999999999w") == nil)
    }

    @Test func quietHoursParse() {
        #expect(QuietHours("21:00-09:00") == .default)
        #expect(QuietHours("21:00-09:00")?.contains(minuteOfDay: 23 * 60) == true)
        #expect(QuietHours("21:00-09:00")?.contains(minuteOfDay: 12 * 60) == false)
        #expect(QuietHours("25:00-09:00") == nil)
        #expect(QuietHours("09:00-09:00") == nil)
        #expect(QuietHours("9pm-9am") == nil)
    }

    @Test func databaseURLs() {
        #expect(DatabaseURL("sqlite:data/aftercart.sqlite") == .sqlite(path: "data/aftercart.sqlite"))
        #expect(DatabaseURL("postgres://user@127.0.0.1:5432/aftercart") != nil)
        #expect(DatabaseURL("postgres://127.0.0.1:5432") == nil)
        #expect(DatabaseURL("mysql://x/y") == nil)
        #expect(DatabaseURL("sqlite:") == nil)
        let withPassword = DatabaseURL("postgres://user:hunter2@db:5432/aftercart")
        #expect(withPassword?.description.contains("hunter2") == false)
    }

    @Test func editDistanceSuggestions() {
        #expect(Suggestions.closest(to: "shopfy", in: ["woocommerce", "shopify"]) == "shopify")
        #expect(Suggestions.closest(to: "plaftorm", in: ["platform", "name"]) == "platform")
        #expect(Suggestions.closest(to: "zzzzzz", in: ["platform", "name"]) == nil)
    }
}
