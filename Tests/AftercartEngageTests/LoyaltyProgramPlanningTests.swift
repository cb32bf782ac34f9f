import AftercartConfig
import AftercartModel
import AftercartStore
import Foundation
import Testing

@testable import AftercartEngage

/// The store's own tier order decides what a tier change is, and its point
/// value what a balance is worth.
@Suite struct LoyaltyProgramPlanningTests {
    typealias F = EngageFixture
    let now = F.now
    let day = F.day

    @Test func theStoresTierOrderDecidesUpDownAndUnranked() async throws {
        var fixture = try await F.make()
        defer { Task { [fixture] in await fixture.remove() } }
        fixture.only("tier-changed")
        fixture.configuration.stores[0].loyaltyProgram = LoyaltyProgram(tierOrder: ["ブロンズ", "シルバー", "ゴールド"])
        try await fixture.save([F.customer("1"), F.customer("2"), F.customer("3")])
        try await fixture.save([
            F.loyalty("1", points: 400, tier: "ブロンズ"), F.loyalty("2", points: 2100, tier: "ゴールド"),
            F.loyalty("3", points: 900, tier: "VIP"),
        ])
        #expect(try await fixture.plan().actions.isEmpty)
        try await fixture.save([
            F.loyalty("1", points: 600, tier: "シルバー"), F.loyalty("2", points: 1500, tier: "シルバー"),
            F.loyalty("3", points: 950, tier: "シルバー"),
        ])
        let report = try await fixture.plan(at: now + day)
        let emails = try report.emails("tier-changed")
        #expect(emails.map(\.customerID) == ["1"])
        #expect(emails.first?.subject.contains("シルバー") == true)
        #expect(report.summary("tier-changed")?.suppressed[.tierDown] == 1)
        #expect(report.summary("tier-changed")?.suppressed[.tierUnranked] == 1)
    }

    @Test func aPointIsWorthThePointValueAndTheCouldBuyBlockShowsOnlyWithSomethingToShow() async throws {
        var fixture = try await F.make()
        defer { Task { [fixture] in await fixture.remove() } }
        fixture.only("points-expiring")
        fixture.configuration.stores[0].loyaltyProgram = LoyaltyProgram(pointValue: Decimal(string: "0.5"))
        try await fixture.save([F.customer("1"), F.customer("2")])
        try await fixture.save([F.order("9", customer: "1", created: now - 40 * day, products: ["P1"])])
        try await fixture.save([
            F.loyalty("1", points: 2500, tier: "gold", expiring: 300, expires: now + 10 * day),
            F.loyalty("2", points: 1000, tier: "gold", expiring: 300, expires: now + 10 * day),
        ])
        let emails = try await fixture.plan().emails("points-expiring").sorted {
            $0.customerID ?? "" < $1.customerID ?? ""
        }
        #expect(emails.count == 2)
        let rich = try #require(emails.first)
        #expect(rich.text.contains("worth ¥1,250"))
        // A balance is written as the store's language groups digits, never "2500".
        #expect(rich.text.contains("2,500") && !rich.text.contains("2500"), "\(rich.text)")
        #expect(rich.text.contains("It could buy, for example:"))
        #expect(rich.text.contains("Product P1 (¥1,200)"))
        let poor = try #require(emails.last)
        #expect(poor.text.contains("worth ¥500"))
        #expect(!poor.text.contains("It could buy"))
    }
}
