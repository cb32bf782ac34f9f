import AftercartModel
import AftercartStore
import Foundation
import Testing

/// The CLI as a user meets it: a real process, real files, exit codes from `ExitCodes.swift`.
@Suite struct CommandLineTests {
    @Test func helpListsTheCommands() async throws {
        let cli = try CLIProcess()
        defer { cli.remove() }
        let outcome = try await cli.run(["--help"])
        #expect(outcome.status == 0)
        for command in ["init", "check", "status", "export"] {
            #expect(outcome.stdout.contains("  \(command) "), "missing \(command)")
        }
    }

    @Test func initWritesTheExampleThatCheckAccepts() async throws {
        let cli = try CLIProcess()
        defer { cli.remove() }
        #expect(try await cli.run(["init"]).status == 0)
        #expect(FileManager.default.fileExists(atPath: cli.directory.appendingPathComponent(".env.example").path))
        let again = try await cli.run(["init"])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("unchanged") && !again.stdout.contains("kept"), "\(again.stdout)")

        let offline = try await cli.run(["check", "--offline"])
        #expect(offline.status == 0, "\(offline.stderr)")
        #expect(offline.stdout.contains("config/aftercart.toml: valid"))

        // Without --offline, check would now call shop.example.com; the store call is
        // tested against the emulator in SyncCommandTests.
        #expect(!offline.stdout.contains("ck_test") && !offline.stderr.contains("ck_test"))
    }

    @Test func checkNamesEveryUnsetSecretWithItsLineAndExitsTwo() async throws {
        let cli = try CLIProcess()
        defer { cli.remove() }
        _ = try await cli.run(["init"])
        let outcome = try await cli.run(["check"], environment: ["TOKYO_WOO_KEY": "ck_test"])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("TOKYO_WOO_SECRET"))
        #expect(outcome.stderr.contains("OSAKA_SHOPIFY_CLIENT_SECRET"))
        #expect(!outcome.stderr.contains("TOKYO_WOO_KEY is not set"))
        #expect(
            outcome.stderr.range(
                of: #"config/aftercart\.toml:\d+: stores\[0\]\.consumer_secret"#, options: .regularExpression) != nil)
    }

    @Test func checkReportsEveryMistakeAtOnce() async throws {
        let cli = try CLIProcess()
        defer { cli.remove() }
        try cli.write(
            """
            [database]
            url = "mysql://nope"

            [[stores]]
            name = "a"
            platform = "shopfy"
            """, to: "broken.toml")
        let outcome = try await cli.run(["check", "--config", "broken.toml"])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("broken.toml:2:"))
        #expect(outcome.stderr.contains("broken.toml:6:"))
        #expect(outcome.stderr.contains("shopify"))
        #expect(!outcome.stderr.contains("Fatal error"))
    }

    @Test func missingConfigIsAConfigError() async throws {
        let cli = try CLIProcess()
        defer { cli.remove() }
        let outcome = try await cli.run(["status"])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("aftercart init"))
    }

    @Test func statusAndExportReadWhatTheDatabaseHolds() async throws {
        let cli = try CLIProcess()
        defer { cli.remove() }
        let orders = try await CLIFixtures.exportableStore(in: cli)

        let jsonl = try await cli.run(["export", "orders"])
        #expect(jsonl.status == 0, "\(jsonl.stderr)")
        let lines = jsonl.stdout.split(separator: "\n")
        #expect(lines.count == 3)
        let decoded = try lines.map { try ModelJSON.decoder().decode(Order.self, from: Data($0.utf8)) }
        #expect(Set(decoded) == Set(orders))

        let csv = try await cli.run(["export", "orders", "--format", "csv", "--store", "tokyo-woo"])
        let rows = csv.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(rows.count == 4)
        #expect(rows.first?.hasPrefix("store,id,") == true)
        #expect(csv.stdout.contains(#""{""accepts_marketing"":true"#))

        // An unknown store is a config error naming the configured ones, never an empty success.
        let none = try await cli.run(["export", "orders", "--store", "other"])
        #expect(none.status == 2 && none.stdout.isEmpty)
        #expect(none.stderr.contains("--store other: no store of that name"), "\(none.stderr)")
        #expect(none.stderr.contains("configured: tokyo-woo"), "\(none.stderr)")

        let status = try await cli.run(["status", "--json"])
        #expect(status.status == 0, "\(status.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any])
        let resources = try #require(object["resources"] as? [[String: Any]])
        let line = try #require(
            resources.first { $0["store"] as? String == "tokyo-woo" && $0["resource"] as? String == "orders" })
        #expect(line["records"] as? Int == 3)
        #expect(line["cursor"] as? String == "{}")
        #expect(line["last_error"] is NSNull)
    }
}
