import AftercartConfig
import Foundation
import Testing

@testable import AftercartEngage

/// The honest-reviews rule follows what a campaign's templates do (a link
/// to a review form), not what the campaign or its template is called.
@Suite final class ReviewRequestRuleTests {
    typealias F = EngageFixture

    /// This test's config folders, removed when it ends.
    let root = FileManager.default.temporaryDirectory
        .appendingPathComponent("aftercart-review-rule-\(UUID().uuidString)", isDirectory: true)

    deinit { try? FileManager.default.removeItem(at: root) }

    static let feedbackWithReviewLink = Template(
        subject: "How was your order?",
        text: "Thanks!\n{{#review_products}}- {{name}}: {{review_url}}\n{{/review_products}}",
        html: "<p>Thanks!</p>{{#review_products}}<a href=\"{{review_url}}\">{{name}}</a>{{/review_products}}")
    static let feedbackWithoutLink = Template(
        subject: "How was your order?", text: "Did you like it? A review on our site helps us.",
        html: "<p>Did you like it? A review on our site helps us.</p>")

    struct Template {
        var subject: String
        var text: String
        var html: String

        func write(_ name: String, to folder: URL) throws {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for (part, source) in [("subject", subject), ("text", text), ("html", html)] {
                try source.write(
                    to: folder.appendingPathComponent("\(name).\(part).mustache"), atomically: true, encoding: .utf8)
            }
        }
    }

    /// A config folder with one store and `campaigns`, and `templates` written
    /// by locale (`""` = the templates folder itself), loaded as `check` does.
    func loadConfiguration(
        campaigns: String, templates: [String: [String: Template]], locale: String = "en-US"
    ) throws -> AftercartConfiguration {
        let config = root.appendingPathComponent("\(UUID().uuidString)/config", isDirectory: true)
        for (folder, byName) in templates {
            for (name, template) in byName {
                let target = config.appendingPathComponent("templates/\(folder)", isDirectory: true)
                try template.write(name, to: target)
            }
        }
        let text = """
            [[stores]]
            name = "tokyo-woo"
            platform = "woocommerce"
            base_url = "https://shop.example"
            consumer_key = "ck_test"
            consumer_secret = "cs_test"
            locale = "\(locale)"

            \(campaigns)
            """
        try text.write(to: config.appendingPathComponent("aftercart.toml"), atomically: true, encoding: .utf8)
        return try AftercartConfiguration.load(
            path: config.appendingPathComponent("aftercart.toml").path, environment: [:], platforms: .shipped)
    }

    static let happyCustomers = """
        [[campaigns]]
        name = "happy-customers"
        trigger = "delivered"
        template = "feedback"
        conditions = { min_review_rating_of_customer = 4 }
        """

    @Test func theIssuesHappyCustomersCampaignIsARatingGatedReviewRequest() throws {
        let configuration = try loadConfiguration(
            campaigns: Self.happyCustomers, templates: ["": ["feedback": Self.feedbackWithReviewLink]])
        let problems = ReviewRequestRule.problems(for: configuration)
        #expect(problems.count == 1)
        let problem = try #require(problems.first)
        #expect(problem.file.hasSuffix("aftercart.toml"))
        #expect(problem.line == 9)
        #expect(problem.message.contains("campaign \"happy-customers\""))
        #expect(problem.message.contains("template \"feedback\""))
        #expect(problem.message.contains("{{review_url}}"))
        #expect(problem.message.contains("templates/feedback.text.mustache"))
        #expect(problem.message.contains("conditions.min_review_rating_of_customer"))
        #expect(problem.message.contains("16 CFR Part 465"))
        #expect(problem.message.contains("Remove the rating condition"))
    }

    @Test func theSameCampaignWithoutTheRatingConditionPasses() throws {
        let campaigns = Self.happyCustomers.replacingOccurrences(
            of: "conditions = { min_review_rating_of_customer = 4 }", with: "")
        let configuration = try loadConfiguration(
            campaigns: campaigns, templates: ["": ["feedback": Self.feedbackWithReviewLink]])
        #expect(ReviewRequestRule.problems(for: configuration).isEmpty)
        let campaign = try #require(configuration.campaigns.first)
        #expect(ReviewRequestRule.reviewLink(of: campaign, in: configuration)?.variable == "review_url")
    }

    @Test func aTemplateThatOnlySaysReviewWithoutALinkMayUseRatings() throws {
        let campaigns = """
            [[campaigns]]
            name = "review-something"
            trigger = "delivered"
            template = "review-words"
            conditions = { min_review_rating_of_customer = 4 }
            """
        let configuration = try loadConfiguration(
            campaigns: campaigns, templates: ["": ["review-words": Self.feedbackWithoutLink]])
        #expect(ReviewRequestRule.problems(for: configuration).isEmpty)
        let library = try TemplateLibrary.load(for: configuration)
        #expect(!library.linksToReviews("review-words"))
    }

    @Test func aJapaneseOverrideWithAReviewLinkMakesTheCampaignAReviewRequest() throws {
        let templates = [
            "": ["feedback": Self.feedbackWithoutLink], "ja-JP": ["feedback": Self.feedbackWithReviewLink],
        ]
        let english = try loadConfiguration(campaigns: Self.happyCustomers, templates: templates)
        #expect(ReviewRequestRule.problems(for: english).isEmpty, "no store speaks Japanese")
        let japanese = try loadConfiguration(
            campaigns: Self.happyCustomers, templates: templates, locale: "ja-JP")
        let problem = try #require(ReviewRequestRule.problems(for: japanese).first)
        #expect(problem.message.contains("templates/ja-JP/feedback.text.mustache"))
        #expect(try TemplateLibrary.load(for: japanese).linksToReviews("feedback"))
    }

    @Test func aTransactionalReviewRequestIsRefused() throws {
        let campaigns = """
            [[campaigns]]
            name = "delivered-note"
            trigger = "delivered"
            template = "feedback"
            transactional = true
            """
        let configuration = try loadConfiguration(
            campaigns: campaigns, templates: ["": ["feedback": Self.feedbackWithReviewLink]])
        let problems = ReviewRequestRule.problems(for: configuration)
        #expect(problems.count == 1)
        #expect(problems.first?.message.contains("needs marketing consent") == true)
    }

    @Test func theShippedReviewRequestLinksToReviewsInEveryLocaleAndRefusesRatings() async throws {
        var fixture = try await F.make()
        defer { Task { [fixture] in await fixture.remove() } }
        #expect(ReviewRequestRule.problems(for: fixture.configuration).isEmpty)
        let library = try TemplateLibrary.load(for: fixture.configuration)
        #expect(library.linksToReviews("review-request"))
        #expect(!library.linksToReviews("review-thank-you"))
        #expect(!library.linksToReviews("order-confirmation"))
        let index = try #require(fixture.configuration.campaigns.firstIndex { $0.name == "review-request" })
        fixture.configuration.campaigns[index].conditions.maxReviewRatingOfCustomer = 5
        let problems = ReviewRequestRule.problems(for: fixture.configuration)
        #expect(problems.count == 1)
        #expect(problems.first?.message.contains("conditions.max_review_rating_of_customer") == true)
        // The built-in copies are read when the folder has none.
        try FileManager.default.removeItem(at: fixture.configuration.templatesDirectory)
        #expect(ReviewRequestRule.problems(for: fixture.configuration).first?.message.contains("built-in") == true)
    }

    @Test func thePlannerTreatsACampaignAsAReviewRequestByItsLinksNotItsName() async throws {
        var fixture = try await F.make()
        defer { Task { [fixture] in await fixture.remove() } }
        let templates = fixture.configuration.templatesDirectory
        try Self.feedbackWithReviewLink.write("feedback", to: templates)
        try Self.feedbackWithoutLink.write("review-words", to: templates)
        fixture.configuration.campaigns = [
            CampaignConfiguration(name: "happy-customers", trigger: .delivered, template: "feedback"),
            CampaignConfiguration(name: "review-something", trigger: .delivered, template: "review-words"),
        ]
        let day = F.day
        try await fixture.save([F.customer("1"), F.customer("2")])
        try await fixture.save([
            F.order(
                "10", customer: "1", created: F.now - 12 * day, shipment: .delivered, delivered: F.now - 8 * day,
                products: ["P1", "P2"]),
            F.order(
                "11", customer: "2", created: F.now - 12 * day, shipment: .delivered, delivered: F.now - 8 * day,
                refunded: 600),
        ])
        try await fixture.save([
            F.review("r1", product: "P1", email: "c1@example.test", rating: 5, created: F.now - 30 * F.day)
        ])
        let report = try await fixture.plan()
        // Linking to reviews: only unreviewed products, and no request after a refund.
        let asked = try report.emails("happy-customers")
        #expect(asked.map(\.orderID) == ["10"])
        #expect(asked.first?.text.contains("Product P2: https://shop.example/?p=P2#reviews") == true)
        #expect(asked.first?.text.contains("Product P1") == false)
        #expect(report.summary("happy-customers")?.suppressed[.refunded] == 1)
        // Named "review" but linking nowhere: an ordinary message to both.
        #expect(Set(try report.emails("review-something").compactMap(\.orderID)) == ["10", "11"])
    }
}
