import AftercartConfig
import Foundation
import Testing

/// The campaign files in `config/campaigns/` load next to the example's own
/// `[[campaigns]]`, and coupon code prefixes are checked.
@Suite struct ShippedCampaignTests {
    @Test func theShippedCampaignFilesLoadWithTheExampleAndDefineEveryTrigger() throws {
        let path = EngageFixture.repository.appendingPathComponent("config/aftercart.example.toml").path
        let configuration = try AftercartConfiguration.load(path: path, environment: [:], platforms: .shipped)
        let names = Set(configuration.campaigns.map(\.name))
        #expect(
            names.isSuperset(of: [
                "order-confirmation", "shipping-updates", "review-request", "review-thank-you", "points-expiring",
                "tier-changed", "win-back",
            ]))
        #expect(Set(configuration.campaigns.map(\.trigger)) == Set(CampaignTrigger.allCases))
        #expect(configuration.campaigns.first { $0.name == "win-back" }?.coupon?.codePrefix == "COMEBACK")
        #expect(configuration.campaigns.first { $0.name == "order-confirmation" }?.transactional == true)
    }

    @Test func aCouponCodePrefixMustBeReadable() {
        #expect(throws: ConfigurationError.self) {
            _ = try AftercartConfiguration.parse(
                """
                [[campaigns]]
                name = "thanks"
                trigger = "review_posted"
                template = "review-thank-you"
                coupon = { kind = "percent", amount = "10", code_prefix = "thanks!" }
                """, file: "aftercart.toml", directory: URL(fileURLWithPath: "/nonexistent"),
                environment: [:], platforms: .shipped, loadCampaignFiles: false)
        }
    }
}
