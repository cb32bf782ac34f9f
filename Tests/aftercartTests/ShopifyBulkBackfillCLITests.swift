import Foundation
import MockStores
import Testing

/// `aftercart sync --full` on a Shopify store reads through a bulk query, and says so.
@Suite struct ShopifyBulkBackfillCLITests {
    @Test func syncFullReportsTheBulkBackfill() async throws {
        let mock = try await MockStoreServer.start(.shopify(ShopifyMockOptions(orders: 90, seed: 4, leakRate: 0)))
        let cli = try CLIProcess()
        defer { cli.remove() }
        do {
            try cli.write(
                """
                [database]
                url = "sqlite:data/aftercart.sqlite"

                [[stores]]
                name = "kyoto-shopify"
                platform = "shopify"
                base_url = "\(mock.baseURL)"
                access_token = { env = "KYOTO_SHOPIFY_TOKEN" }
                leak_rate = "1000"
                bucket_size = 1000
                """, to: "config/aftercart.toml")
            let environment = ["KYOTO_SHOPIFY_TOKEN": mock.credentials.accessToken ?? ""]
            let outcome = try await cli.run(["sync", "--full", "--resources", "orders"], environment: environment)
            #expect(outcome.status == 0, "\(outcome.stderr)")
            #expect(outcome.stderr.contains("bulk query started"), "\(outcome.stderr)")
            #expect(outcome.stderr.contains("bulk backfill reading"), "\(outcome.stderr)")
            #expect(outcome.stdout.contains("90"), "\(outcome.stdout)")
            #expect(mock.shopifyBulkStats.started == 1)
            #expect(mock.stats().count(path: "/admin/api/2026-07/orders.json") == 0)
        } catch {
            await mock.stop()
            throw error
        }
        await mock.stop()
    }
}
