import Foundation
import Testing

@testable import AftercartConfig

/// `tiers` ranks a store's own tier names; `point_value` says what a point is worth.
@Suite struct LoyaltyProgramConfigTests {
    @Test func theStoresOwnTierNamesAndPointValueAreRead() throws {
        let store = try #require(
            try parseWooStore(#"tiers = ["ブロンズ", "シルバー", "ゴールド"]"# + "\npoint_value = \"0.5\"\n").stores.first)
        #expect(store.loyaltyProgram.tierOrder == ["ブロンズ", "シルバー", "ゴールド"])
        #expect(store.loyaltyProgram.pointValue == Decimal(string: "0.5"))
        #expect(store.loyaltyProgram.isUpgrade(from: "ブロンズ", to: "ゴールド") == true)
        #expect(store.loyaltyProgram.isUpgrade(from: "ゴールド", to: "シルバー") == false)
        // A tier the store does not rank is no verdict, never a step down.
        #expect(store.loyaltyProgram.isUpgrade(from: "VIP", to: "シルバー") == nil)
        // Unset: the English ladder, one minor unit a point.
        let plain = try #require(try parseWooStore("").stores.first)
        #expect(plain.loyaltyProgram.isUpgrade(from: "Silver", to: "gold") == true)
        #expect(plain.loyaltyProgram.pointValue == nil)
    }

    @Test func aTierNamedTwiceAndAPointWorthNothingAreErrors() {
        #expect(throws: ConfigurationError.self) { try parseWooStore(#"tiers = ["Gold", "gold"]"#) }
        #expect(throws: ConfigurationError.self) { try parseWooStore(#"tiers = ["Gold", " "]"#) }
        #expect(throws: ConfigurationError.self) { try parseWooStore(#"point_value = "0""#) }
        #expect(throws: ConfigurationError.self) { try parseWooStore("point_value = 0.5") }
        do {
            _ = try parseWooStore(#"tiers = ["Gold", "gold"]"#)
        } catch let error as ConfigurationError {
            #expect(error.problems.contains { $0.message.contains(#"names "gold" twice"#) })
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}
