import ChildProcessTesting
import Foundation
import MockStores
import Testing

/// `aftercart sync` from cron follows a store's tracking service too: the
/// synced tracking numbers are registered once, through the service's 429s
/// (AfterShip sends only `X-RateLimit-Reset`), and a second sync registers nothing again.
@Suite struct TrackingServiceSyncTests {
    /// A WooCommerce store followed by the AfterShip emulator, as `[[stores]]` TOML.
    static func trackedStore(_ mock: MockStoreServer, _ service: AfterShipEmulator) -> String {
        """
        [[stores]]
        name = "tokyo-woo"
        platform = "woocommerce"
        base_url = "\(mock.baseURL)"
        consumer_key = { env = "WOO_KEY" }
        consumer_secret = { env = "WOO_SECRET" }
        timezone = "UTC"
        marketing_consent = "granted"
        tracking_service = "aftership"
        tracking_service_url = "\(service.baseURL)"
        tracking_api_key = { env = "AS_KEY" }
        tracking_webhook_secret = { env = "AS_WHSEC" }
        """
    }

    @Test func aCronSyncRegistersTheSyncedParcelsOnceThroughThe429s() async throws {
        let mock = try await MockStoreServer.start(
            .woocommerce(WooCommerceMockOptions(data: MockDataOptions(orders: 40, seed: 25, clockStart: Date()))))
        let service = try await AfterShipEmulator.start(apiKey: "as_key_test", webhookSecret: "as_whsec_test")
        let cli = try CLIProcess()
        defer { cli.remove() }
        do {
            try cli.write(
                """
                [database]
                url = "sqlite:data/aftercart.sqlite"

                \(Self.trackedStore(mock, service))
                """, to: "config/aftercart.toml")
            var environment = SyncCommandTests.secrets
            environment["AS_KEY"] = service.apiKey
            environment["AS_WHSEC"] = service.webhookSecret
            service.refuseNext(2)
            let first = try await cli.run(["sync", "--resources", "orders"], environment: environment)
            #expect(first.status == 0, "\(first.stdout)\(first.stderr)")
            let registered = service.trackedNumbers.count
            #expect(registered > 0)
            #expect(service.requestCounts.refused == 2)
            #expect(first.stdout.contains("tokyo-woo tracking service: registered \(registered),"), "\(first.stdout)")
            let second = try await cli.run(["sync", "--resources", "orders"], environment: environment)
            #expect(second.status == 0)
            #expect(second.stdout.contains("tokyo-woo tracking service: registered 0,"), "\(second.stdout)")
            #expect(service.trackedNumbers.count == registered)
        } catch {
            await mock.stop()
            await service.stop()
            throw error
        }
        await mock.stop()
        await service.stop()
    }
}
