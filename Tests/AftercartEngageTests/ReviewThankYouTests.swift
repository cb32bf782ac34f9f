import AftercartModel
import AftercartStore
import Foundation
import Testing

@testable import AftercartEngage

/// The thank-you for a review never depends on its rating; the rating only
/// decides the support alert and the separate loyalty invitation.
@Suite struct ReviewThankYouTests {
    typealias F = EngageFixture
    let now = F.now

    @Test func oneStarAndFiveStarReviewersGetTheSameCouponSpec() async throws {
        var fixture = try await F.make()
        defer { Task { [fixture] in await fixture.remove() } }
        fixture.only("review-thank-you")
        try await fixture.save([F.customer("1", first: "Unhappy"), F.customer("5", first: "Happy")])
        try await fixture.save([
            F.review("r1", product: "P1", email: "c1@example.test", rating: 1, created: now - 3600),
            F.review("r5", product: "P1", email: "c5@example.test", rating: 5, created: now - 3600),
        ])
        let report = try await fixture.plan()
        let coupons = report.actions("review-thank-you").filter { $0.entry.action == .createCoupon }
        let oneStar = try #require(coupons.first { $0.coupon?.customerID == "1" }?.coupon)
        let fiveStar = try #require(coupons.first { $0.coupon?.customerID == "5" }?.coupon)
        #expect(oneStar.kind == fiveStar.kind && oneStar.amount == fiveStar.amount)
        #expect(oneStar.expiresAt == fiveStar.expiresAt && oneStar.usageLimit == fiveStar.usageLimit)
        #expect(oneStar.kind == .percent && oneStar.amount == 10 && oneStar.usageLimit == 1)
        #expect(oneStar.expiresAt == now.addingTimeInterval(30 * F.day))
        #expect(oneStar.code != fiveStar.code)
        #expect(oneStar.code.hasPrefix("THANKS-") && fiveStar.code.hasPrefix("THANKS-"))

        let thanks = try report.emails("review-thank-you")
        #expect(Set(thanks.filter { $0.couponCode != nil }.compactMap(\.customerID)) == ["1", "5"])
        let alerts = report.actions("review-thank-you").filter { $0.entry.action == .supportAlert }
        #expect(alerts.map(\.entry.subjectID) == ["r1"])
        let alert = try ModelJSON.decoder().decode(
            SupportAlertAction.self, from: Data(try #require(alerts.first).entry.payload.utf8))
        #expect(alert.rating == 1 && alert.customerEmail == "c1@example.test")
        // Written with the support-alert template, in the store's (English) words.
        let message = try #require(alert.message)
        #expect(message.subject == "1-star review of your purchase by Unhappy Sato")
        #expect(message.text.contains("Unhappy Sato rated your purchase 1 out of 5.\nPlease reach out"))
        // Only the happy reviewer is invited, in a separate message without a coupon.
        let invitations = report.actions("review-thank-you").filter { $0.entry.idempotencyKey.hasSuffix("/invitation") }
        #expect(invitations.map(\.entry.subjectID) == ["r5"])
        #expect(try thanks.filter { $0.subject.contains("rewards") }.allSatisfy { $0.couponCode == nil })
    }
}
