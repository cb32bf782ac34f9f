import Foundation
import Testing

/// `aftercart check` reports broken templates (exit 2, name and line) but
/// does not fail a config that simply has no templates folder.
@Suite struct CheckCommandTemplateTests {
    private func prepare(_ cli: CLIProcess, templates: Bool) throws {
        try cli.write(
            """
            [[stores]]
            name = "tokyo-woo"
            platform = "woocommerce"
            base_url = "http://127.0.0.1:9"
            consumer_key = "ck_test"
            consumer_secret = "cs_test"
            postal_address = "〒150-0001 東京都渋谷区神宮前1-2-3"
            contact = "support@shop.example"

            [[campaigns]]
            name = "review-request"
            trigger = "delivered"
            delay = "7d"
            template = "review-request"
            """, to: "config/aftercart.toml")
        if templates {
            try FileManager.default.copyItem(
                at: PlanCommandTests.repository.appendingPathComponent("config/templates"),
                to: cli.directory.appendingPathComponent("config/templates"))
        }
    }

    @Test func aBrokenTemplateFailsCheckWithItsNameAndLine() async throws {
        let cli = try CLIProcess()
        defer { cli.remove() }
        try prepare(cli, templates: true)
        let good = try await cli.run(["check", "--offline"])
        #expect(good.status == 0, "\(good.stderr)")

        try cli.write("Please review\n{{#order}}\n{{/items}}\n", to: "config/templates/review-request.text.mustache")
        let broken = try await cli.run(["check", "--offline"])
        #expect(broken.status == 2)
        #expect(broken.stderr.contains("template \"review-request\""), "\(broken.stderr)")
        #expect(broken.stderr.contains("review-request.text.mustache:"), "\(broken.stderr)")
    }

    @Test func aConfigWithoutTemplatesStillPassesCheck() async throws {
        let cli = try CLIProcess()
        defer { cli.remove() }
        try prepare(cli, templates: false)
        let outcome = try await cli.run(["check", "--offline"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("valid"), "\(outcome.stdout)")
    }
}
