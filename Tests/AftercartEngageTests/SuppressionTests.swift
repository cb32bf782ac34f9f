import AftercartConfig
import AftercartModel
import AftercartStore
import Foundation
import Testing

@testable import AftercartEngage

/// The always-on suppression rules, each with a customer who receives and
/// one who must not.
@Suite struct SuppressionTests {
    typealias F = EngageFixture
    let now = F.now
    let day = F.day

    private func deliveredOrder(_ id: String, customer: String, products: [String] = ["P1"]) -> Order {
        F.order(
            id, customer: customer, created: now - 12 * day, shipment: .delivered, delivered: now - 8 * day,
            products: products)
    }

    @Test func marketingNeedsConsentAndAWithdrawalStopsTheNextPlan() async throws {
        var fixture = try await F.make()
        defer { Task { [fixture] in await fixture.remove() } }
        fixture.only("review-request", "order-confirmation")
        try await fixture.save([F.customer("1"), F.customer("2", consent: nil)])
        try await fixture.save([
            deliveredOrder("10", customer: "1"), deliveredOrder("20", customer: "2"),
            F.order("21", customer: "2", created: now - 3600),
        ])
        let first = try await fixture.plan()
        #expect(first.actions("review-request").map(\.entry.subjectID) == ["10"])
        // Transactional messages need no consent.
        #expect(first.actions("order-confirmation").map(\.entry.subjectID) == ["21"])

        try await fixture.save([F.customer("1", consent: false)])
        try await fixture.save([deliveredOrder("11", customer: "1", products: ["P9"])])
        let second = try await fixture.plan()
        #expect(second.actions("review-request").isEmpty)
        #expect(second.summary("review-request")?.suppressed[.noConsent] == 2)
    }

    @Test func aStoreWithoutPostalAddressOrContactSendsOrderMailButNoMarketing() async throws {
        var fixture = try await F.make()
        defer { Task { [fixture] in await fixture.remove() } }
        fixture.only("review-request", "order-confirmation")
        fixture.configuration.stores[0].sender.contact = nil
        try await fixture.save([F.customer("1")])
        try await fixture.save([deliveredOrder("10", customer: "1"), F.order("11", customer: "1", created: now - 3600)])
        let withoutContact = try await fixture.plan()
        #expect(withoutContact.actions("review-request").isEmpty)
        #expect(withoutContact.summary("review-request")?.suppressed[.senderIdentityMissing] == 1)
        #expect(withoutContact.actions("order-confirmation").map(\.entry.subjectID) == ["11"])

        fixture.configuration.stores[0].sender.contact = "03-1234-5678"
        let complete = try await fixture.plan()
        let request = try #require(try complete.emails("review-request").first)
        #expect(request.text.contains("〒150-0001 東京都渋谷区神宮前1-2-3") && request.text.contains("03-1234-5678"))
        #expect(request.html.contains("03-1234-5678"))
    }

    @Test func storeWideConsentCoversCustomersWhoseRecordsSayNothing() async throws {
        var fixture = try await F.make(storeConsent: "granted")
        defer { Task { [fixture] in await fixture.remove() } }
        fixture.only("review-request")
        try await fixture.save([F.customer("1", consent: nil), F.customer("2", consent: false)])
        try await fixture.save([deliveredOrder("10", customer: "1"), deliveredOrder("20", customer: "2")])
        #expect(try await fixture.plan().actions.map(\.entry.subjectID) == ["10"])
    }

    @Test func aNegativeReviewPausesPromotionsForThirtyDays() async throws {
        var fixture = try await F.make()
        defer { Task { [fixture] in await fixture.remove() } }
        fixture.only("review-request")
        try await fixture.save([F.customer("1"), F.customer("2"), F.customer("3")])
        try await fixture.save([
            deliveredOrder("10", customer: "1", products: ["P1"]),
            deliveredOrder("20", customer: "2", products: ["P1"]),
            deliveredOrder("30", customer: "3", products: ["P1"]),
        ])
        try await fixture.save([
            F.review("r1", product: "P7", email: "c1@example.test", rating: 2, created: now - 5 * day),
            F.review("r2", product: "P7", email: "c2@example.test", rating: 2, created: now - 31 * day),
            F.review("r3", product: "P7", email: "c3@example.test", rating: 4, created: now - 5 * day),
        ])
        let report = try await fixture.plan()
        #expect(report.actions.map(\.entry.subjectID).sorted() == ["20", "30"])
        #expect(report.summary("review-request")?.suppressed[.negativeReview] == 1)
    }

    @Test func theWeeklyCapCountsAlreadyPlannedMarketingMessages() async throws {
        var fixture = try await F.make()
        defer { Task { [fixture] in await fixture.remove() } }
        fixture.only("review-request")
        try await fixture.save([F.customer("1"), F.customer("2")])
        try await fixture.save([
            deliveredOrder("10", customer: "1", products: ["P1"]),
            deliveredOrder("11", customer: "1", products: ["P2"]),
            deliveredOrder("20", customer: "2", products: ["P1"]),
        ])
        let first = try await fixture.plan()
        #expect(first.actions.count == 3)
        try await fixture.save([deliveredOrder("12", customer: "1", products: ["P3"])])
        let second = try await fixture.plan(at: now + 3600)
        #expect(second.actions.isEmpty)
        #expect(second.summary("review-request")?.suppressed[.frequencyCap] == 1)
        // A week later the cap has room again.
        try await fixture.save([
            F.order(
                "12", customer: "1", created: now, shipment: .delivered, delivered: now + 1 * day, products: ["P3"])
        ])
        let later = try await fixture.plan(at: now + 8 * day + 3600)
        #expect(later.actions.map(\.entry.subjectID) == ["12"])
    }

    @Test(arguments: [
        ("Asia/Tokyo", "2026-11-20T13:30:00Z", "2026-11-21T00:00:00Z"),  // 22:30 JST -> 09:00 JST
        ("Asia/Tokyo", "2026-11-20T18:00:00Z", "2026-11-21T00:00:00Z"),  // 03:00 JST -> 09:00 JST
        ("America/New_York", "2026-11-21T02:30:00Z", "2026-11-21T14:00:00Z"),  // 21:30 EST -> 09:00 EST
        ("America/New_York", "2026-11-20T15:00:00Z", "2026-11-20T15:00:00Z"),  // 10:00 EST: not quiet
    ])
    func quietHoursDelayMarketingToNineLocalAndNeverDropIt(zone: String, at: String, expected: String) async throws {
        var fixture = try await F.make(timeZone: zone)
        defer { Task { [fixture] in await fixture.remove() } }
        fixture.only("review-request", "order-confirmation")
        let instant = try #require(Timestamp.parse(at))
        try await fixture.save([F.customer("1")])
        try await fixture.save([
            F.order(
                "10", customer: "1", created: instant - 12 * day, shipment: .delivered, delivered: instant - 8 * day),
            F.order("11", customer: "1", created: instant - 600),
        ])
        let report = try await fixture.plan(at: instant)
        let review = try #require(report.actions("review-request").first)
        #expect(Timestamp.format(review.entry.notBefore) == expected)
        // Transactional messages are not held back.
        #expect(report.actions("order-confirmation").first?.entry.notBefore == instant)
    }

    @Test func aDryRunWritesNothingAndASecondPlanPlansNothingNew() async throws {
        var fixture = try await F.make()
        defer { Task { [fixture] in await fixture.remove() } }
        try await fixture.save([F.customer("1")])
        try await fixture.save([deliveredOrder("10", customer: "1"), F.order("11", customer: "1", created: now - 60)])
        let dry = try await fixture.plan(dryRun: true)
        #expect(dry.actions.count >= 2 && dry.written == 0)
        #expect(try await fixture.database.outboxCounts()[.pending] == 0)
        let real = try await fixture.plan()
        #expect(real.written == dry.actions.count)
        #expect(real.actions.map(\.entry.idempotencyKey) == dry.actions.map(\.entry.idempotencyKey))
        let again = try await fixture.plan()
        #expect(again.actions.isEmpty && again.written == 0)
    }
}
