import AftercartModel
import Foundation
import MockStores
import Testing

/// The store's own time zone, language and tax display, as `check` learns
/// them, `status` shows them and `plan` uses them when the config names no
/// `timezone` (issue 17 item 5), against the WooCommerce emulator.
@Suite struct StoreFactsCommandTests {
    static let secrets = PlanCommandTests.secrets

    private func write(_ cli: CLIProcess, mock: MockStoreServer, timezone: String?) throws {
        try cli.write(
            """
            [database]
            url = "sqlite:data/aftercart.sqlite"

            [engage]
            merchant_email = "support@shop.example"

            [[stores]]
            name = "tokyo-woo"
            platform = "woocommerce"
            base_url = "\(mock.baseURL)"
            consumer_key = { env = "WOO_KEY" }
            consumer_secret = { env = "WOO_SECRET" }
            consent_meta_key = "aftercart_marketing_consent"
            postal_address = "〒150-0001 東京都渋谷区神宮前1-2-3"
            contact = "support@shop.example"
            \(timezone.map { "timezone = \"\($0)\"" } ?? "")
            """, to: "config/aftercart.toml")
        for folder in ["campaigns", "templates"] {
            try FileManager.default.copyItem(
                at: PlanCommandTests.repository.appendingPathComponent("config/\(folder)"),
                to: cli.directory.appendingPathComponent("config/\(folder)"))
        }
    }

    static func japaneseShop() async throws -> MockStoreServer {
        try await MockStoreServer.start(
            .woocommerce(
                WooCommerceMockOptions(
                    data: MockDataOptions(orders: 300, seed: 21, currency: .jpy, timeZone: "Asia/Tokyo"),
                    site: WooCommerceMockSite(pricesIncludeTax: true, language: "ja"))))
    }

    @Test func quietHoursFollowTheStoresZoneWhenTheConfigNamesNone() async throws {
        let mock = try await Self.japaneseShop()
        let cli = try CLIProcess()
        defer { cli.remove() }
        do {
            try write(cli, mock: mock, timezone: nil)
            let check = try await cli.run(["check"], environment: Self.secrets)
            #expect(check.status == 0, "\(check.stderr)")
            #expect(check.stdout.contains("language ja, prices include tax, time zone Asia/Tokyo (from the store"))

            let status = try await cli.run(["status"])
            #expect(status.stdout.contains("tokyo-woo: checked"), "\(status.stdout)")
            #expect(status.stdout.contains("Asia/Tokyo, language ja, prices include tax"), "\(status.stdout)")

            let sync = try await cli.run(["sync"], environment: Self.secrets)
            #expect(sync.status == 0, "\(sync.stderr)")
            // 13:00 UTC is 22:00 in Tokyo: inside the default quiet hours there, not in UTC.
            let day = Calendar(identifier: .gregorian).startOfDay(for: mock.clock)
            let at = Timestamp.format(day.addingTimeInterval(13 * 3_600))
            let plan = try await cli.run(["plan", "--dry-run", "--json", "--at", at])
            #expect(plan.status == 0, "\(plan.stderr)")
            var tokyo = Calendar(identifier: .gregorian)
            tokyo.timeZone = TimeZone(identifier: "Asia/Tokyo")!
            let marketing: Set<String> = ["review-thank-you", "win-back", "points-expiring", "review-request"]
            var checked = 0
            for line in plan.stdout.split(separator: "\n") {
                let action = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
                guard action["action"] as? String == "send_email", let campaign = action["campaign"] as? String,
                    marketing.contains(campaign), let text = action["due_at"] as? String,
                    let due = Timestamp.parse(text)
                else { continue }
                let hour = tokyo.component(.hour, from: due)
                #expect((9..<21).contains(hour), "\(campaign) due at \(Timestamp.format(due)), \(hour):00 in Tokyo")
                checked += 1
            }
            #expect(checked > 0, "\(plan.stdout.prefix(400))")
        } catch {
            await mock.stop()
            throw error
        }
        await mock.stop()
    }

    @Test func aConfiguredZoneThatDisagreesWithTheStoreIsWarnedAbout() async throws {
        let mock = try await Self.japaneseShop()
        let cli = try CLIProcess()
        defer { cli.remove() }
        do {
            try write(cli, mock: mock, timezone: "America/New_York")
            let check = try await cli.run(["check"], environment: Self.secrets)
            #expect(check.status == 0, "\(check.stderr)")
            #expect(
                check.stdout.contains(
                    "warning: timezone is set to America/New_York but the store says Asia/Tokyo"), "\(check.stdout)")
            let status = try await cli.run(["status"])
            #expect(status.stdout.contains("warning: timezone is set to America/New_York"), "\(status.stdout)")
        } catch {
            await mock.stop()
            throw error
        }
        await mock.stop()
    }
}
