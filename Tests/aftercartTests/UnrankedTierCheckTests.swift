import Foundation
import MockStores
import Testing

/// `check` names the loyalty tiers a store's customers hold that the
/// config's `tiers` do not rank (issue 19): a change to or from one is never
/// announced, which a merchant should learn before a customer misses it.
@Suite struct UnrankedTierCheckTests {
    private func write(_ cli: CLIProcess, mock: MockStoreServer, tiers: String) throws {
        try cli.write(
            """
            [database]
            url = "sqlite:data/aftercart.sqlite"

            [[stores]]
            name = "tokyo-woo"
            platform = "woocommerce"
            base_url = "\(mock.baseURL)"
            consumer_key = { env = "WOO_KEY" }
            consumer_secret = { env = "WOO_SECRET" }
            timezone = "Asia/Tokyo"
            consent_meta_key = "aftercart_marketing_consent"
            loyalty = { source = "customer_meta", points_key = "aftercart_points", tier_key = "aftercart_tier" }
            \(tiers)
            """, to: "config/aftercart.toml")
    }

    @Test func tiersTheConfigDoesNotRankAreNamedAndRankedOnesAreNot() async throws {
        let mock = try await MockStoreServer.start(.woocommerce(WooCommerceMockOptions(orders: 60, seed: 4)))
        let cli = try CLIProcess()
        defer { cli.remove() }
        do {
            // The emulator's customers hold bronze, silver and gold.
            try write(cli, mock: mock, tiers: #"tiers = ["ブロンズ", "シルバー", "gold"]"#)
            #expect(try await cli.run(["sync"], environment: PlanCommandTests.secrets).status == 0)
            #expect(try await cli.run(["plan"], environment: PlanCommandTests.secrets).status == 0)
            let check = try await cli.run(["check"], environment: PlanCommandTests.secrets)
            #expect(check.status == 0, "\(check.stderr)")
            #expect(
                check.stdout.contains(
                    #"warning: tokyo-woo: customers hold loyalty tiers that tiers does not rank ("bronze", "silver")"#),
                "\(check.stdout)")

            try write(cli, mock: mock, tiers: #"tiers = ["Bronze", "Silver", "Gold"]"#)
            let ranked = try await cli.run(["check"], environment: PlanCommandTests.secrets)
            #expect(ranked.status == 0, "\(ranked.stderr)")
            #expect(!ranked.stdout.contains("does not rank"), "\(ranked.stdout)")
        } catch {
            await mock.stop()
            throw error
        }
        await mock.stop()
    }
}
