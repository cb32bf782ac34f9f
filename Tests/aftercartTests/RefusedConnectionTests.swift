import Foundation
import MockStores
import Testing

/// `aftercart sync` against an address where nothing listens: a few quick
/// attempts per request and an error that says so, instead of the long
/// patience a failing store gets (issue 18). Attempts are counted, not timed.
@Suite struct RefusedConnectionTests {
    @Test func aSyncWhereNothingListensSaysSoAfterThreeAttempts() async throws {
        let closed = try ClosedPort()
        let cli = try CLIProcess()
        defer { cli.remove() }
        try cli.write(
            """
            [database]
            url = "sqlite:data/aftercart.sqlite"

            [[stores]]
            name = "tokyo-woo"
            platform = "woocommerce"
            base_url = "http://127.0.0.1:\(closed.port)"
            consumer_key = { env = "WOO_KEY" }
            consumer_secret = { env = "WOO_SECRET" }
            timezone = "Asia/Tokyo"
            marketing_consent = "unknown"
            """, to: "config/aftercart.toml")
        let outcome = try await cli.run(["sync", "--resources", "orders"], environment: SendCrashTests.secrets)
        #expect(outcome.status == 1, "\(outcome.stdout)\(outcome.stderr)")
        #expect(
            outcome.stdout.contains(
                "tokyo-woo orders: FAILED after 0 pages, 0 records (0 new or changed): tokyo-woo orders: cannot reach "
                    + "http://127.0.0.1:\(closed.port) (nothing listens at 127.0.0.1:\(closed.port): connection "
                    + "refused) after 3 attempts"), "\(outcome.stdout)")
        withExtendedLifetime(closed) {}
    }
}
