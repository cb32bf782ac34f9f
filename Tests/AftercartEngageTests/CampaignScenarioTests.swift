import AftercartModel
import AftercartStore
import Foundation
import Testing

@testable import AftercartEngage

/// Each shipped campaign over a hand-built data set at a frozen instant: a
/// customer who must hear from it and one who must not.
@Suite struct CampaignScenarioTests {
    typealias F = EngageFixture
    let now = F.now
    let day = F.day

    @Test func orderConfirmationGoesToEveryNewBuyerWithoutConsentAndOnce() async throws {
        var fixture = try await F.make()
        defer { Task { [fixture] in await fixture.remove() } }
        fixture.only("order-confirmation")
        try await fixture.save([
            F.order("1", customer: nil, email: "guest@example.test", created: now - 3600, consent: false),
            F.order("2", customer: "7", created: now - 3600, status: .cancelled),
            F.order("3", customer: "8", created: now - 40 * day),
        ])
        let report = try await fixture.plan()
        let emails = try report.emails("order-confirmation")
        #expect(emails.map(\.to) == ["guest@example.test"])
        #expect(emails.first?.transactional == true)
        #expect(emails.first?.subject == "Thank you for your order #1")
        #expect(emails.first?.text.contains("¥1,200") == true)
        #expect(report.written == 1)
        let again = try await fixture.plan()
        #expect(again.actions.isEmpty)
        #expect(again.summary("order-confirmation")?.alreadyPlanned == 1)
    }

    @Test func shippingUpdatesSendOneMessagePerStatusAndAlertSupportOnFailure() async throws {
        var fixture = try await F.make()
        defer { Task { [fixture] in await fixture.remove() } }
        fixture.only("shipping-updates")
        try await fixture.save([F.customer("7", consent: false)])
        try await fixture.save([
            F.order("1", customer: "7", created: now - 2 * day, shipment: .inTransit, shipped: now - day),
            F.order("2", customer: "7", created: now - 2 * day, shipment: .failure, shipped: now - day),
            F.order("3", customer: "7", created: now - 2 * day, shipment: .labelPrinted, shipped: now - day),
        ])
        let first = try await fixture.plan()
        #expect(Set(try first.emails("shipping-updates").compactMap(\.orderID)) == ["1", "2"])
        let alerts = first.actions("shipping-updates").filter { $0.entry.action == .supportAlert }
        #expect(alerts.map(\.entry.subjectID) == ["2"])
        #expect(try await fixture.plan().actions.isEmpty)

        try await fixture.save([
            F.order("1", customer: "7", created: now - 2 * day, shipment: .delivered, delivered: now - 3600)
        ])
        let second = try await fixture.plan()
        let emails = try second.emails("shipping-updates")
        #expect(emails.map(\.orderID) == ["1"])
        #expect(emails.first?.subject == "Order #1: delivered")
        #expect(second.actions.first?.entry.idempotencyKey.contains("status-delivered") == true)
    }

    @Test func reviewRequestAsksEveryEligibleBuyerAndRecordsTheDeliverySignal() async throws {
        var fixture = try await F.make()
        defer { Task { [fixture] in await fixture.remove() } }
        fixture.only("review-request")
        try await fixture.save([
            F.customer("1", first: "Happy"), F.customer("2"), F.customer("3"), F.customer("4", consent: false),
            F.customer("5"),
        ])
        try await fixture.save([
            // Delivered by the carrier 8 days ago: asked, for the product not yet reviewed.
            F.order(
                "10", customer: "1", created: now - 12 * day, shipment: .delivered, delivered: now - 8 * day,
                products: ["P1", "P2"]),
            // Open refund: not asked.
            F.order(
                "11", customer: "2", created: now - 12 * day, shipment: .delivered, delivered: now - 8 * day,
                refunded: 600),
            // Everything already reviewed: not asked.
            F.order("12", customer: "3", created: now - 12 * day, shipment: .delivered, delivered: now - 8 * day),
            // No consent: not asked.
            F.order("13", customer: "4", created: now - 12 * day, shipment: .delivered, delivered: now - 8 * day),
            // Never said delivered: shipped 13 days ago + 5-day estimate.
            F.order("14", customer: "5", created: now - 14 * day, shipment: .inTransit, shipped: now - 13 * day),
            // Delivered 3 days ago: not yet.
            F.order("15", customer: "1", created: now - 5 * day, shipment: .delivered, delivered: now - 3 * day),
        ])
        try await fixture.save([
            F.review("r1", product: "P1", email: "c1@example.test", rating: 5, created: now - 30 * day),
            F.review("r2", product: "P1", email: "c3@example.test", rating: 1, created: now - 60 * day),
        ])
        let report = try await fixture.plan()
        let actions = report.actions("review-request")
        #expect(actions.map(\.entry.subjectID).sorted() == ["10", "14"])
        #expect(actions.first { $0.entry.subjectID == "10" }?.deliverySignal == "carrier")
        #expect(actions.first { $0.entry.subjectID == "14" }?.deliverySignal == "shipped_plus_estimate")
        let email = try #require(try report.emails("review-request").first { $0.orderID == "10" })
        #expect(email.text.contains("Product P2") && !email.text.contains("Product P1:"))
        #expect(email.html.contains("https://shop.example/?p=P2#reviews"))
        let suppressed = report.summary("review-request")?.suppressed ?? [:]
        #expect(suppressed[.refunded] == 1 && suppressed[.alreadyReviewed] == 1 && suppressed[.noConsent] == 1)
    }

    @Test func pointsExpiringWithinFourteenDaysOnly() async throws {
        var fixture = try await F.make()
        defer { Task { [fixture] in await fixture.remove() } }
        fixture.only("points-expiring")
        try await fixture.save([F.customer("1"), F.customer("2")])
        try await fixture.save([F.order("10", customer: "1", created: now - 90 * day, products: ["P1"])])
        try await fixture.save([
            F.loyalty("1", points: 2500, tier: "gold", expiring: 300, expires: now + 10 * day),
            F.loyalty("2", points: 900, tier: "silver", expiring: 200, expires: now + 20 * day),
        ])
        let report = try await fixture.plan()
        let emails = try report.emails("points-expiring")
        #expect(emails.map(\.customerID) == ["1"])
        #expect(emails.first?.subject == "300 points expire on November 30, 2026")
        #expect(emails.first?.text.contains("worth ¥2,500") == true)
        #expect(emails.first?.text.contains("Product P1 (¥1,200)") == true)
    }

    @Test func tierChangedCongratulatesOnTheWayUpAndStaysQuietOnTheWayDown() async throws {
        var fixture = try await F.make()
        defer { Task { [fixture] in await fixture.remove() } }
        fixture.only("tier-changed")
        try await fixture.save([F.customer("1"), F.customer("2")])
        try await fixture.save([
            F.loyalty("1", points: 400, tier: "bronze"), F.loyalty("2", points: 2100, tier: "gold"),
        ])
        let baseline = try await fixture.plan()
        #expect(baseline.actions.isEmpty)
        try await fixture.save([
            F.loyalty("1", points: 600, tier: "silver"), F.loyalty("2", points: 1500, tier: "silver"),
        ])
        let dry = try await fixture.plan(at: now + day, dryRun: true)
        #expect(dry.actions.count == 1)
        let report = try await fixture.plan(at: now + day)
        let emails = try report.emails("tier-changed")
        #expect(emails.map(\.customerID) == ["1"])
        #expect(emails.first?.subject == "Congratulations: you are now silver")
        #expect(report.summary("tier-changed")?.suppressed[.tierDown] == 1)
        #expect(try await fixture.plan(at: now + 2 * day).actions.isEmpty)
    }

    @Test func winBackRecommendsAndCouponsOnlyLapsedBuyers() async throws {
        var fixture = try await F.make()
        defer { Task { [fixture] in await fixture.remove() } }
        fixture.only("win-back")
        try await fixture.save([F.customer("1"), F.customer("2"), F.customer("3"), F.customer("4")])
        try await fixture.save([
            // Lapsed: last delivered 50 days ago.
            F.order(
                "10", customer: "1", created: now - 55 * day, shipment: .delivered, delivered: now - 50 * day,
                products: ["P1"]),
            // Bought again since: no win-back.
            F.order(
                "11", customer: "2", created: now - 55 * day, shipment: .delivered, delivered: now - 50 * day,
                products: ["P1", "P2"]),
            F.order("12", customer: "2", created: now - 5 * day, products: ["P3"]),
            // Others' baskets: P1 goes with P2 (twice) and P4 (once).
            F.order("13", customer: "3", created: now - 200 * day, products: ["P1", "P2", "P4"]),
            // A 1-star reviewer 10 days ago: no promotion.
            F.order(
                "14", customer: "4", created: now - 55 * day, shipment: .delivered, delivered: now - 50 * day,
                products: ["P1"]),
        ])
        try await fixture.save([
            F.review("r1", product: "P1", email: "c4@example.test", rating: 1, created: now - 10 * day)
        ])
        let report = try await fixture.plan()
        let emails = try report.emails("win-back")
        #expect(emails.map(\.customerID) == ["1"])
        let email = try #require(emails.first)
        #expect(email.text.contains("Product P2 (¥1,200)") && email.text.contains("Product P4"))
        #expect(!email.text.contains("Product P1 ("))
        // One recommendation per line, no blank line between them.
        #expect(email.text.contains("also liked:\n- Product P"), "\(email.text)")
        #expect(!email.text.contains("\n\n- Product"), "\(email.text)")
        #expect(email.couponCode?.hasPrefix("COMEBACK-") == true)
        let coupon = try #require(report.actions("win-back").first { $0.entry.action == .createCoupon })
        #expect(email.after == [coupon.entry.idempotencyKey])
        #expect(coupon.coupon?.amount == 15 && coupon.coupon?.usageLimit == 1)
        #expect(coupon.coupon?.email == "c1@example.test" && coupon.coupon?.customerID == "1")
        #expect(report.summary("win-back")?.suppressed[.negativeReview] == 1)
    }
}
