import AftercartModel
import AftercartStore
import Foundation
import Testing

@testable import AftercartEngage

@Suite struct CouponCodeTests {
    typealias F = EngageFixture

    @Test func codesAreReadableStableAndDifferPerCustomerCampaignAndInstall() {
        let codes = SmartCouponCode(secret: "install-a")
        let code = codes.code(store: "tokyo-woo", campaign: "review-thank-you", customer: "77", prefix: "THANKS")
        #expect(code == codes.code(store: "tokyo-woo", campaign: "review-thank-you", customer: "77", prefix: "THANKS"))
        #expect(code.wholeMatch(of: /THANKS-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}/) != nil)
        #expect(code != codes.code(store: "tokyo-woo", campaign: "review-thank-you", customer: "78", prefix: "THANKS"))
        #expect(code != codes.code(store: "tokyo-woo", campaign: "win-back", customer: "77", prefix: "THANKS"))
        #expect(code != codes.code(store: "osaka-shop", campaign: "review-thank-you", customer: "77", prefix: "THANKS"))
        let other = SmartCouponCode(secret: "install-b")
        #expect(code != other.code(store: "tokyo-woo", campaign: "review-thank-you", customer: "77", prefix: "THANKS"))
        #expect(SmartCouponCode.prefix(forCampaign: "win-back") == "WINBACK")
    }

    @Test func theInstallSecretSurvivesReopeningSoCodesAreStableAcrossRuns() async throws {
        var fixture = try await F.make()
        defer { Task { [fixture] in await fixture.remove() } }
        fixture.only("review-thank-you")
        try await fixture.save([F.customer("1")])
        try await fixture.save([F.review("r1", product: "P1", email: "c1@example.test", rating: 3, created: F.now - 60)]
        )
        let first = try await fixture.plan(dryRun: true).actions.compactMap(\.coupon?.code)
        let path = fixture.database.path
        try await fixture.database.close()
        let reopened = try await SQLitePersistence.open(path: path)
        let planner = try await Planner.make(configuration: fixture.configuration, database: reopened)
        let second = try await planner.plan(store: F.store, at: F.now, dryRun: true).actions.compactMap(\.coupon?.code)
        try await reopened.close()
        #expect(!first.isEmpty && first == second)
    }
}
