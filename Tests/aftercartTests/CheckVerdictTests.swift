import Foundation
import Testing

/// `check` lists every problem it can find in one run (the file's, the
/// templates', the `--store` name, every unset variable) and says its
/// verdict once, as the last line; every command documents its exit codes.
@Suite struct CheckVerdictTests {
    @Test func unsetVariablesFailWithOneVerdictAtTheEnd() async throws {
        let cli = try CLIProcess()
        defer { cli.remove() }
        #expect(try await cli.run(["init"]).status == 0)
        let outcome = try await cli.run(["check"])
        #expect(outcome.status == 2)
        #expect(!outcome.stdout.contains("valid"), "\(outcome.stdout)")
        for variable in ["TOKYO_WOO_KEY", "TOKYO_WOO_SECRET", "OSAKA_SHOPIFY_CLIENT_SECRET"] {
            #expect(outcome.stderr.contains(variable), "\(variable)")
        }
        let lines = outcome.stderr.split(separator: "\n")
        #expect(lines.last == "config/aftercart.toml: 3 problems found; no store was called.", "\(outcome.stderr)")
        #expect(lines.filter { $0.contains("problems found") }.count == 1)
    }

    @Test func aMarketingCampaignForAStoreWithoutPostalAddressOrContactIsRefused() async throws {
        let cli = try CLIProcess()
        defer { cli.remove() }
        let campaign = """

            [[campaigns]]
            name = "win-back"
            trigger = "no_repeat_purchase"
            delay = "60d"
            template = "win-back"

            """
        try cli.write(CLIFixtures.offlineWooStore() + "\n" + campaign, to: "config/aftercart.toml")
        let refused = try await cli.run(["check", "--offline"])
        #expect(refused.status == 2)
        #expect(
            refused.stderr.contains("config/aftercart.toml:1: store \"tokyo-woo\" runs marketing campaigns (win-back)"),
            "\(refused.stderr)")
        #expect(refused.stderr.contains("sets no postal_address and contact"), "\(refused.stderr)")

        try cli.write(
            CLIFixtures.offlineWooStore() + "\npostal_address = \"123 Bedford Ave, Brooklyn, NY 11211\"\n"
                + "contact = \"care@shop.example\"\n" + campaign, to: "config/aftercart.toml")
        let accepted = try await cli.run(["check", "--offline"])
        #expect(accepted.status == 0, "\(accepted.stderr)")
    }

    @Test func unsetVariablesAreListedTogetherWithTheFilesOtherProblems() async throws {
        let cli = try CLIProcess()
        defer { cli.remove() }
        try cli.write(
            """
            [[stores]]
            name = "tokyo-woo"
            platform = "woocommerce"
            base_url = "https://shop.example.com"
            consumer_key = { env = "TOKYO_WOO_KEY" }
            consumer_secret = { env = "TOKYO_WOO_SECRET" }
            consent_meta_key = "opt_in"
            postal_address = "〒150-0001 東京都渋谷区神宮前1-2-3"
            contact = "support@shop.example"
            sync_every = "15 minutes"

            [[campaigns]]
            name = "review-request"
            trigger = "delivered"
            template = "reveiw-request"
            """, to: "config/aftercart.toml")
        let outcome = try await cli.run(["check", "--store", "osaka"])
        #expect(outcome.status == 2)
        for expected in [
            "config/aftercart.toml:10: stores[0].sync_every", "did you mean \"review-request\"",
            "--store osaka: no store of that name", "TOKYO_WOO_KEY", "TOKYO_WOO_SECRET",
        ] {
            #expect(outcome.stderr.contains(expected), "missing \(expected): \(outcome.stderr)")
        }
        #expect(outcome.stderr.hasSuffix("config/aftercart.toml: 5 problems found; no store was called.\n"))
    }

    @Test func aMisspeltTemplateFailsCheckEvenWithoutATemplatesFolder() async throws {
        let cli = try CLIProcess()
        defer { cli.remove() }
        try cli.write(
            """
            [[campaigns]]
            name = "thanks"
            trigger = "review_posted"
            template = "review-thankyou"
            """, to: "config/aftercart.toml")
        let outcome = try await cli.run(["check", "--offline"])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("did you mean \"review-thank-you\""), "\(outcome.stderr)")
        #expect(!outcome.stdout.contains("valid"))
    }

    @Test func everyCommandsHelpListsItsExitCodes() async throws {
        let cli = try CLIProcess()
        defer { cli.remove() }
        let root = try await cli.run(["--help"])
        for code in ["0   done", "1   a run-time failure", "2   the config is wrong", "3   check:", "64  the command"] {
            #expect(root.stdout.contains(code), "aftercart --help lacks \(code)")
        }
        let commands = [
            "init", "check", "sync", "send", "status", "export", "run", "demo", "serve", "plan", "unsubscribe",
            "forget", "report",
        ]
        for command in commands {
            let help = try await cli.run([command, "--help"])
            // Help text is wrapped to the terminal, so words are compared, not lines.
            let words = help.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            #expect(words.contains("Exit codes: 0"), "aftercart \(command) --help lacks its exit codes")
        }
    }
}
