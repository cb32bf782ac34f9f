import ChildProcessTesting
import Foundation
import MockStores
import Testing

/// `aftercart run --server` with a carrier-tracking service: the daemon
/// registers the synced tracking numbers at the AfterShip emulator, and the
/// emulator's signed webhook makes the planner send the stage's message.
@Suite struct TrackingServiceRunTests {
    @Test func aTrackingWebhookMakesTheDaemonSendTheStageMessage() async throws {
        let mock = try await MockStoreServer.start(
            .woocommerce(WooCommerceMockOptions(data: MockDataOptions(orders: 40, seed: 25, clockStart: Date()))))
        let service = try await AfterShipEmulator.start(apiKey: "as_key_test", webhookSecret: "as_whsec_test")
        let cli = try CLIProcess()
        defer { cli.remove() }
        var daemon: RunCommandTests.Daemon?
        // A free port, released for the daemon's server to take.
        let port = try ClosedPort().port
        let hook = "http://127.0.0.1:\(port)/tracking/aftership/tokyo-woo"
        do {
            try cli.write(
                """
                [database]
                url = "sqlite:data/aftercart.sqlite"

                [server]
                port = \(port)

                \(TrackingServiceSyncTests.trackedStore(mock, service))

                [[campaigns]]
                name = "shipping-updates"
                trigger = "shipment_status_changed"
                conditions = { shipment_statuses = ["out_for_delivery"] }
                template = "shipping-update"
                transactional = true
                push_back = []
                """, to: "config/aftercart.toml")
            var environment = RunCommandTests.secrets
            environment["AS_KEY"] = service.apiKey
            environment["AS_WHSEC"] = service.webhookSecret
            daemon = try RunCommandTests.Daemon.start(
                cli, ["--server", "--sync-every", "1s", "--resources", "orders,customers"], environment: environment)
            #expect(
                try await eventually(600) {
                    daemon?.output.contains("listening") == true && !service.trackedNumbers.isEmpty
                }, "\(daemon?.output ?? "")")
            let number = try #require(service.trackedNumbers.first)
            let outbox = cli.directory.appendingPathComponent("data/outbox")
            @Sendable func stageMessages() -> Int {
                let files = (try? FileManager.default.contentsOfDirectory(atPath: outbox.path)) ?? []
                return files.filter { $0.hasSuffix(".eml") }.count { name in
                    let text = (try? String(contentsOf: outbox.appendingPathComponent(name), encoding: .utf8)) ?? ""
                    return text.contains("out for delivery")
                }
            }
            // The store itself reports no such stage: nothing before the service says so.
            #expect(stageMessages() == 0)
            service.sendWebhooks(to: hook)
            #expect(await service.advance(number, to: "OutForDelivery", at: Date().addingTimeInterval(-60)) == 200)
            #expect(try await eventually(600) { stageMessages() == 1 }, "\(daemon?.output ?? "")")
            // Forged: refused, and nothing more is sent.
            let forged = await service.post(
                Data(
                    #"{"event":"tracking_update","msg":{"id":"x","tracking_number":"\#(number)","tag":"Delivered"}}"#
                        .utf8),
                to: hook, signature: "Zm9yZ2Vk")
            #expect(forged == 401)
            try await Task.sleep(for: .seconds(2))
            #expect(stageMessages() == 1)
            #expect(try await daemon?.stop(SIGTERM) == 0)
        } catch {
            daemon?.forceKill()
            await mock.stop()
            await service.stop()
            throw error
        }
        daemon?.forceKill()
        await mock.stop()
        await service.stop()
    }
}
