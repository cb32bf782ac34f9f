import Foundation
import Testing

/// The honest-reviews rule by meaning reaches every command: `check` and
/// `plan` refuse the issue's `happy-customers` campaign with exit 2.
@Suite struct ReviewRuleCommandTests {
    @Test func aRatingGatedCampaignThatLinksToReviewsIsRefusedByCheckAndPlan() async throws {
        let cli = try CLIProcess()
        defer { cli.remove() }
        // A marketing campaign needs the sender's address and contact to pass check.
        let store =
            CLIFixtures.offlineWooStore()
            + "\npostal_address = \"〒150-0001 東京都渋谷区神宮前1-2-3\"\ncontact = \"support@shop.example\"\n\n"
        let campaign = """
            [[campaigns]]
            name = "happy-customers"
            trigger = "delivered"
            template = "feedback"
            """
        try cli.write(
            store + campaign + "\nconditions = { min_review_rating_of_customer = 4 }\n",
            to: "config/aftercart.toml")
        try cli.write("How was it?\n", to: "config/templates/feedback.subject.mustache")
        try cli.write(
            "{{#review_products}}{{name}}: {{review_url}}\n{{/review_products}}",
            to: "config/templates/feedback.text.mustache")
        try cli.write(
            "{{#review_products}}<a href=\"{{review_url}}\">{{name}}</a>{{/review_products}}",
            to: "config/templates/feedback.html.mustache")

        let check = try await cli.run(["check", "--offline"])
        #expect(check.status == 2, "\(check.stdout)\n\(check.stderr)")
        #expect(check.stderr.contains("aftercart.toml:11"), "\(check.stderr)")
        #expect(check.stderr.contains("campaign \"happy-customers\""), "\(check.stderr)")
        #expect(check.stderr.contains("{{review_url}}"), "\(check.stderr)")
        #expect(check.stderr.contains("feedback.text.mustache"), "\(check.stderr)")
        #expect(check.stderr.contains("Remove the rating condition"), "\(check.stderr)")
        let plan = try await cli.run(["plan", "--dry-run"])
        #expect(plan.status == 2, "\(plan.stdout)\n\(plan.stderr)")
        #expect(plan.stderr.contains("campaign \"happy-customers\""), "\(plan.stderr)")

        try cli.write(store + campaign + "\n", to: "config/aftercart.toml")
        let passes = try await cli.run(["check", "--offline"])
        #expect(passes.status == 0, "\(passes.stderr)")
    }
}
