import Foundation
import Testing

@testable import AftercartConfig

@Suite struct CampaignTests {
    func load(_ text: String) -> Result<AftercartConfiguration, ConfigurationError> {
        Result { () throws(ConfigurationError) in
            try AftercartConfiguration.parse(
                wooStore + "\n" + text, file: "config/aftercart.toml", directory: URL(fileURLWithPath: "/nonexistent"),
                platforms: .shipped,
                loadCampaignFiles: false)
        }
    }

    func problems(_ text: String) -> [ConfigurationProblem] {
        if case .failure(let error) = load(text) { return error.problems }
        return []
    }

    // Review requests are recognised by their templates' review links, which
    // this module does not load: see ReviewRequestRuleTests in AftercartEngageTests.

    @Test func pushBackDefaultsToTheOrderNoteAndTakesWhatIsListed() throws {
        let configuration = try load(
            """
            [[campaigns]]
            name = "by-default"
            trigger = "delivered"
            template = "review-request"

            [[campaigns]]
            name = "nothing"
            trigger = "delivered"
            template = "review-request"
            push_back = []

            [[campaigns]]
            name = "both"
            trigger = "delivered"
            template = "review-request"
            push_back = ["customer_tag", "order_note"]
            """
        ).get()
        #expect(configuration.campaigns.map(\.pushBack) == [[.orderNote], [], [.orderNote, .customerTag]])
    }

    @Test func anUnknownPushBackValueNamesTheKeyTheLineAndTheAllowedValues() {
        let found = problems(
            """
            [[campaigns]]
            name = "tagged"
            trigger = "delivered"
            template = "review-request"
            push_back = ["order_note", "customer_tags"]
            """)
        #expect(found.count == 1)
        #expect(found.first?.line == 12)
        let message = found.first?.message ?? ""
        #expect(message.contains("push_back"), "\(message)")
        #expect(message.contains("\"customer_tags\""))
        #expect(message.contains("order_note, customer_tag"))
        #expect(found.first?.example == "push_back = [\"order_note\", \"customer_tag\"]")
        let notAList = problems(
            """
            [[campaigns]]
            name = "tagged"
            trigger = "delivered"
            template = "review-request"
            push_back = "order_note"
            """)
        #expect(notAList.count == 1)
        #expect(notAList.first?.message.contains("push_back") == true)
    }

    @Test func ratingConditionedThankYouCouponIsRefused() {
        let found = problems(
            """
            [[campaigns]]
            name = "review-thank-you"
            trigger = "review_posted"
            conditions = { min_review_rating = 4 }
            template = "review-thank-you"
            coupon = { kind = "percent", amount = "10", expires_in = "30d" }
            """)
        #expect(found.count == 1)
        #expect(found.first?.line == 11)
        #expect(found.first?.message.contains("must not depend on its rating") == true)
        #expect(found.first?.message.contains("16 CFR Part 465") == true)
    }

    @Test func ratingsMayStillRouteSupportAlertsAndPlainMessages() throws {
        let configuration = try load(
            """
            [[campaigns]]
            name = "negative-review-alert"
            trigger = "review_posted"
            audience = "merchant"
            conditions = { max_review_rating = 2 }
            template = "support-alert"

            [[campaigns]]
            name = "review-thank-you"
            trigger = "review_posted"
            template = "review-thank-you"
            coupon = { kind = "fixed_cart", amount = "5.50" }
            """
        ).get()
        #expect(configuration.campaigns.count == 2)
        #expect(configuration.campaigns[0].conditions.maxReviewRating == 2)
        #expect(configuration.campaigns[1].coupon?.amount == Decimal(string: "5.5"))
        #expect(configuration.campaigns[1].coupon?.expiresIn == .days(30))
        #expect(configuration.campaigns[1].isReviewReward)
    }

    @Test func campaignRulesAndTypes() {
        let found = problems(
            """
            [[campaigns]]
            name = "shipping-update"
            trigger = "points_expiring"
            transactional = true
            template = "shipping-update"
            coupon = { kind = "percent", amount = "150" }
            conditions = { shipment_statuses = ["in_transit"], min_ordr_total = "5" }
            delay = 7
            stores = ["tokyo-wo"]
            """)
        let messages = found.map(\.message)
        #expect(found.count == 6)
        #expect(messages.contains { $0.contains("only order-status messages") })
        #expect(messages.contains { $0.contains("percentage above 100") })
        #expect(messages.contains { $0.contains("only applies to trigger shipment_status_changed") })
        #expect(messages.contains { $0.contains("did you mean \"min_order_total\"") })
        #expect(messages.contains { $0.contains("delay must be a string") })
        #expect(messages.contains { $0.contains("did you mean \"tokyo-woo\"") })
    }

    @Test func aFreeShippingCouponTakesNoAmount() {
        let campaign = """
            [[campaigns]]
            name = "free-ship-thanks"
            trigger = "review_posted"
            template = "review-thank-you"
            coupon = { kind = "free_shipping"%@ }
            """
        #expect(problems(campaign.replacingOccurrences(of: "%@", with: "")).isEmpty)
        let withAmount = problems(campaign.replacingOccurrences(of: "%@", with: ", amount = \"10\""))
        #expect(withAmount.count == 1)
        #expect(withAmount.first?.message.contains("does not apply to a free_shipping coupon") == true)
        #expect(problems(campaign.replacingOccurrences(of: "free_shipping\"%@", with: "percent\"")).count == 1)
    }

    @Test func campaignFilesAreLoadedNextToTheConfig() throws {
        let folder = try TemporaryFolder()
        try folder.write(
            "config/aftercart.toml",
            wooStore + """

                [[campaigns]]
                name = "shipping-update"
                trigger = "shipment_status_changed"
                template = "shipping-update"
                transactional = true
                """)
        try folder.write(
            "config/campaigns/win-back.toml",
            """
            # one campaign per file; its name defaults to the file's
            trigger = "no_repeat_purchase"
            delay = "60d"
            template = "win-back"
            coupon = { kind = "percent", amount = "15", expires_in = "14d" }
            """)
        try folder.write(
            "config/campaigns/more.toml",
            """
            [[campaigns]]
            name = "tier-up"
            trigger = "tier_changed"
            template = "tier-changed"
            conditions = { tiers = ["gold"] }
            """)
        try folder.write("config/campaigns/README.md", "not a campaign")
        let configuration = try AftercartConfiguration.load(
            path: folder.path("config/aftercart.toml"), platforms: .shipped)
        #expect(configuration.campaigns.map(\.name) == ["shipping-update", "tier-up", "win-back"])
        #expect(configuration.campaigns[2].delay == .days(60))
        #expect(configuration.campaigns[2].file.hasSuffix("config/campaigns/win-back.toml"))
        #expect(configuration.campaigns[1].line == 1)
    }

    @Test func problemsInCampaignFilesNameThatFileAndLine() throws {
        let folder = try TemporaryFolder()
        try folder.write("config/aftercart.toml", wooStore)
        try folder.write(
            "config/campaigns/review-request.toml",
            """
            trigger = "review_posted"
            template = "review-thank-you"
            coupon = { kind = "percent", amount = "10" }
            conditions = { min_review_rating = 4 }
            """)
        try folder.write("config/campaigns/broken.toml", "trigger = \n")
        do {
            _ = try AftercartConfiguration.load(path: folder.path("config/aftercart.toml"), platforms: .shipped)
            Issue.record("loaded")
        } catch {
            #expect(error.problems.count == 2)
            let broken = try #require(error.problems.first { $0.file.hasSuffix("campaigns/broken.toml") })
            #expect(broken.line == 1)
            #expect(broken.message.hasPrefix("TOML syntax error"))
            let review = try #require(error.problems.first { $0.file.hasSuffix("campaigns/review-request.toml") })
            #expect(review.line == 4)
            #expect(review.message.contains("16 CFR Part 465"))
        }
    }

    @Test func duplicateCampaignNamesAcrossFilesAreRefused() throws {
        let folder = try TemporaryFolder()
        try folder.write(
            "config/aftercart.toml",
            wooStore + """

                [[campaigns]]
                name = "win-back"
                trigger = "no_repeat_purchase"
                template = "win-back"
                """)
        try folder.write(
            "config/campaigns/win-back.toml", "trigger = \"no_repeat_purchase\"\ntemplate = \"win-back\"\n")
        do {
            _ = try AftercartConfiguration.load(path: folder.path("config/aftercart.toml"), platforms: .shipped)
            Issue.record("loaded")
        } catch {
            #expect(error.problems.count == 1)
            #expect(error.problems.first?.message.contains("already used") == true)
        }
    }
}
